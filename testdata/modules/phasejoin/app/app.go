// Package app uses lib's tester: set up before Execute (silent), and once
// after it (reported).
package app

import "example.com/phasejoin/lib"

func SetUp() {
	t := lib.New()
	t.OnActivity("a")
	t.Execute("a")
}

func Late() {
	t := lib.New()
	t.Execute("a")
	t.OnActivity("a")
}
