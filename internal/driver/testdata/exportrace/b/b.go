// Package b imports a: its analysis sees s through a's types.
package b

import "example.com/exportrace/a"

var B = a.A()
