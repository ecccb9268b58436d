// Package c imports x: its analysis reads s's export data only when it
// enumerates its dependencies' facts.
package c

import "example.com/exportrace/x"

var C = x.X()
