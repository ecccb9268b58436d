// This file exercises test helpers, code of the test files that only
// tests call: their callers' locks count, as they would in package code.
// ttlcache's addCacheItems writes c.items.values without the lock; the
// tests call it alone, on caches of their own, and the eviction callback
// of Test_Cache_Start calls it from a goroutine holding cache.items.mu
// (silent). A helper that one test goroutine calls without the lock is
// reported.
package testhelpers

import "testing"

func prepCache(keys ...string) *Cache {
	c := &Cache{stop: make(chan struct{})}
	c.items.values = make(map[string]int)
	addItems(c, keys...)
	return c
}

func addItems(c *Cache, keys ...string) {
	for _, k := range keys {
		c.items.values[k] = 1
	}
}

func addMore(c *Cache, keys ...string) { addItems(c, keys...) }

func TestStart(t *testing.T) {
	c := prepCache("1")
	addMore(c, "2")
	n := 0
	c.onEvict = func(k string) {
		go func() {
			n++
			if n > 2 {
				close(c.stop)
				return
			}
			c.items.mu.Lock()
			addMore(c, "3")
			c.Fill("4")
			c.items.mu.Unlock()
		}()
	}
	c.Start()
}

func TestParallel(t *testing.T) {
	t.Run("one", func(t *testing.T) {
		t.Parallel()
		c := prepCache("a")
		addMore(c, "b")
		if c.Get("a") != 1 {
			t.Fail()
		}
	})
}

// addUnlocked is called without the lock by the goroutine of TestRace.
func addUnlocked(c *Cache, k string) {
	c.items.values[k] = 2 // want `concurrent write to map c.items.values without c.items.mu \(held: none\)`
}

func TestRace(t *testing.T) {
	c := prepCache()
	c.onEvict = func(k string) {
		go func() {
			c.items.mu.Lock()
			addUnlocked(c, "x")
			c.items.mu.Unlock()
		}()
		go addUnlocked(c, "y")
	}
	c.Set("z", 1)
	close(c.stop)
	c.Start()
}
