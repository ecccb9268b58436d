// Package app imports a package that exists neither in std nor in a
// module: maplint must print the go command's error once, and nothing about
// analyzers that could not run.
package app

import "maplintgone"

// Name returns the name of a package that does not exist.
func Name() string { return maplintgone.Name }
