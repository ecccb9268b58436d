// Package user calls the iterator of package iterator: the pairing is
// decided here through the IterFact of (*LRUCache).Each.
package user

import "iterator"

func Sum(c *iterator.LRUCache) int { // want Sum:`reads\(\$0\.#0\),writes\(\$0\.#0\)`
	n := 0
	for item := range c.Each() {
		n += item.Value
	}
	c.Add(&iterator.CacheItem{Key: "sum", Value: n})
	return n
}

func Bump(c *iterator.LRUCache) { // want Bump:`reads\(\$0\.#0\),writes\(\$0\.#0\)`
	for item := range c.Each() {
		c.Add(&iterator.CacheItem{Key: item.Key, Value: item.Value + 1}) // want `Add called while the goroutine of Each may still run on the same object \(its channel is not drained to its close here\): .*; no fix: moving it past the channel's close changes the program, and a lock belongs in package iterator$`
	}
}
