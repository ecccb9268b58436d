//go:build maplint_never

// This file is excluded by its build tag: its race is not analyzed.
package buildtagged

func (s *Set) Remove(k string) { delete(s.m, k) }
