// Package lvl declares key types for fix120: one exported, one not.
package lvl

type Level int

type level int

// Table's keys are of a type other packages cannot name.
func Table() map[level]string { return nil }
