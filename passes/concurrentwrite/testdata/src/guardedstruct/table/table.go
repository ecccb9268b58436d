// Package table holds a table whose lock its users take, and a method
// that takes it too.
package table

import "sync"

type Table struct {
	sync.Mutex
	Rows map[string]int
}

// Len locks the table.
func (t *Table) Len() int {
	t.Lock()
	defer t.Unlock()
	return len(t.Rows)
}
