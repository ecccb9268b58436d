// Package code is internal to fixmod120/other: fix120 may not import it.
package code

type Code int
