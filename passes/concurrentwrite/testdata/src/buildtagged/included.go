//go:build !maplint_never

// This file is included by its build tag: its race is reported.
package buildtagged

func (s *Set) Clear() { clear(s.m) } // want `concurrent write to map s.m without s.mu`
