// Package s is the dependency whose package the others see: a's API
// mentions T alone, so reading a's export data declares T in s's package
// and leaves the rest for s's own data.
package s

type T int

type U struct{ N int }

func (u U) Get() int { return u.N }

var V, W, X, Y, Z int

func F() {}

func G() U { return U{} }

const C = 1
