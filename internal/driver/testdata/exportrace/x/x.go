// Package x imports s without mentioning it in its API: reading x's export
// data touches nothing of s.
package x

import "example.com/exportrace/s"

func X() int { s.F(); return 0 }
