// Package other returns a map keyed by a type of its internal package.
package other

import "fixmod120/other/internal/code"

func Codes() map[code.Code]string { return nil }
