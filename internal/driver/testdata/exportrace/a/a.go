// Package a mentions s.T in its API, and nothing else of s.
package a

import "example.com/exportrace/s"

func A() s.T { return 0 }
