// This file exercises the skiptests flag: its finding is dropped.
package skiptests

func (s *S) DropForTest(k string) { delete(s.m, k) }
