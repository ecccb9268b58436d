// This file exercises iterator goroutines: a method that starts a goroutine
// feeding a channel it returns, closed after the goroutine's last access
// to the object's maps. Its shape is gubernator v2.13.0's LRUCache
// (github.com/gubernator-io/gubernator/v2, lrucache.go and workers.go),
// documented not thread-safe and used by one goroutine: Each's goroutine
// ranges over c.cache, and its only caller, Worker.handleStore, ranges over
// Each() without touching the cache in the body. The close happens before
// the receive that ends the caller's loop, so what the caller does after
// the loop follows every access of the goroutine; only what runs while
// the channel is live (the body, or what follows when the caller does not
// drain it) can race, and is reported there.
package iterator

import "context"

type CacheItem struct {
	Key   string
	Value int
}

// Cache is the interface through which gubernator's workers reach the
// LRUCache.
type Cache interface {
	Each() chan *CacheItem
	Add(item *CacheItem) bool
}

type LRUCache struct {
	cache map[string]*CacheItem
}

func NewLRUCache() *LRUCache {
	return &LRUCache{cache: make(map[string]*CacheItem)}
}

// Each is not thread-safe: its goroutine iterates while the caller ranges.
func (c *LRUCache) Each() chan *CacheItem { // want Each:`live\(\(\*iterator\.LRUCache\)\.Add\),live\(\(\*iterator\.LRUCache\)\.Remove\)`
	out := make(chan *CacheItem)
	go func() {
		for _, ele := range c.cache {
			out <- ele
		}
		close(out)
	}()
	return out
}

func (c *LRUCache) Add(item *CacheItem) bool { // want Add:`reads\(\$0\.#0\),writes\(\$0\.#0\)`
	if _, ok := c.cache[item.Key]; ok {
		c.cache[item.Key] = item
		return true
	}
	c.cache[item.Key] = item
	return false
}

func (c *LRUCache) Remove(key string) { // want Remove:`writes\(\$0\.#0\)`
	delete(c.cache, key)
}

func (c *LRUCache) Size() int { return len(c.cache) } // want Size:`reads\(\$0\.#0\)`

type request struct {
	ctx context.Context
	out chan *CacheItem
}

// handleStore is gubernator's caller (workers.go:516): it drains the
// channel, or returns on cancellation, and touches the cache in neither
// case. Silent.
func handleStore(req request, cache Cache) {
	for item := range cache.Each() {
		select {
		case req.out <- item:
		case <-req.ctx.Done():
			return
		}
	}
}

// Refill adds after draining the channel to its close: ordered, silent.
func Refill(c *LRUCache, extra []*CacheItem) { // want Refill:`reads\(\$0\.#0\),writes\(\$0\.#0\)`
	n := 0
	for range c.Each() {
		n++
	}
	for _, it := range extra {
		c.Add(it)
	}
	c.Remove("old")
}

// Copy adds to another cache in the body: silent, not the same object.
func Copy(dst, src *LRUCache) { // want Copy:`reads\(\$0\.#0\),writes\(\$0\.#0\)`
	for item := range src.Each() {
		dst.Add(item)
	}
}

// Touch adds to the cache it ranges over, in the body (positive twin a).
// No fix: the Add is meant for each item, so it cannot move past the
// channel's close, and the cache's lock would go in this package.
func Touch(c *LRUCache) { // want Touch:`reads\(\$0\.#0\),writes\(\$0\.#0\)`
	for item := range c.Each() {
		c.Add(&CacheItem{Key: item.Key + "!"}) // want `Add called while the goroutine of Each may still run on the same object \(its channel is not drained to its close here\): .*; no fix: moving it past the channel's close changes the program, and a lock belongs in package iterator$`
	}
}

// TouchCache does the same through the Cache interface, as gubernator's
// workers would.
func TouchCache(cache Cache) {
	for item := range cache.Each() {
		cache.Add(item) // want `Add called while the goroutine of Each may still run on the same object \(its channel is not drained to its close here\): .*; no fix: moving it past the channel's close changes the program, and a lock belongs in package iterator$`
	}
}

// First takes one item and adds: the channel is never drained, and the
// goroutine's next map read runs alongside Add (positive twin b).
func First(c *LRUCache) { // want First:`reads\(\$0\.#0\),writes\(\$0\.#0\)`
	item := <-c.Each()
	c.Add(&CacheItem{Key: item.Key}) // want `Add called while the goroutine of Each may still run on the same object \(its channel is not drained to its close here\): .*; no fix: moving it past the channel's close changes the program, and a lock belongs in package iterator$`
}

// Until leaves the loop early and then removes: reported.
func Until(c *LRUCache, stop string) { // want Until:`writes\(\$0\.#0\)`
	for item := range c.Each() {
		if item.Key == stop {
			break
		}
	}
	c.Remove(stop) // want `Remove called while the goroutine of Each may still run on the same object \(its channel is not drained to its close here\): .*; no fix: moving it past the channel's close changes the program, and a lock belongs in package iterator$`
}

// Direct writes the map itself in the body: reported.
func (c *LRUCache) Direct() { // want Direct:`writes\(\$0\.#0\)`
	for item := range c.Each() {
		delete(c.cache, item.Key) // want `delete of map c.cache while the goroutine of Each may still run on the same object \(its channel is not drained to its close here\): .*; no fix: moving it past the channel's close changes the program, and a lock belongs in package iterator$`
	}
}

// Drained writes the map after the drain: silent.
func (c *LRUCache) Drained() { // want Drained:`writes\(\$0\.#0\)`
	var keys []string
	for item := range c.Each() {
		keys = append(keys, item.Key)
	}
	for _, k := range keys {
		delete(c.cache, k)
	}
}

// Leaky's goroutine does not close its channel: nothing tells the caller
// when its iteration ends, so it is paired with the exported methods as
// any goroutine that outlives its spawner.
type Leaky struct {
	cache map[string]*CacheItem
}

func (c *Leaky) Each() chan *CacheItem {
	out := make(chan *CacheItem)
	go func() {
		for _, ele := range c.cache { // want `concurrent read of map c.cache \(held: none\); also written by \(\*Leaky\).Add`
			out <- ele
		}
	}()
	return out
}

func (c *Leaky) Add(item *CacheItem) { // want Add:`writes\(\$0\.#0\)`
	c.cache[item.Key] = item // want `concurrent write to map c.cache \(held: none\); also accessed by the goroutine started in \(\*Leaky\).Each`
}

// Late's goroutine closes its channel before it stops reading the map:
// paired as well.
type Late struct {
	cache map[string]*CacheItem
}

func (c *Late) Keys() <-chan string {
	out := make(chan string, 1)
	go func() {
		close(out)
		for k := range c.cache { // want `concurrent read of map c.cache \(held: none\); also written by \(\*Late\).Add`
			_ = k
		}
	}()
	return out
}

func (c *Late) Add(item *CacheItem) { // want Add:`writes\(\$0\.#0\)`
	c.cache[item.Key] = item // want `concurrent write to map c.cache \(held: none\); also accessed by the goroutine started in \(\*Late\).Keys`
}

// Index's iterators close their channel with a first deferred close, and
// one of them runs a named method in the goroutine: iterators as well.
type Index struct {
	byName map[string]int
}

func (x *Index) Names() <-chan string { // want Names:`live\(\(\*iterator\.Index\)\.Set\)`
	out := make(chan string)
	go func() {
		defer close(out)
		for k := range x.byName {
			out <- k
		}
	}()
	return out
}

func (x *Index) Values() <-chan int { // want Values:`live\(\(\*iterator\.Index\)\.Set\)`
	out := make(chan int)
	go x.feed(out)
	return out
}

func (x *Index) feed(out chan<- int) {
	for _, v := range x.byName {
		out <- v
	}
	close(out)
}

func (x *Index) Set(k string, v int) { x.byName[k] = v } // want Set:`writes\(\$0\.#0\)`

// Renumber drains both channels before it writes: silent.
func Renumber(x *Index) { // want Renumber:`writes\(\$0\.#0\)`
	var names []string
	for k := range x.Names() {
		names = append(names, k)
	}
	total := 0
	for v := range x.Values() {
		total += v
	}
	for i, k := range names {
		x.Set(k, total+i)
	}
}

// RenumberLive writes while each channel is live: reported.
func RenumberLive(x *Index) { // want RenumberLive:`writes\(\$0\.#0\)`
	for k := range x.Names() {
		x.Set(k, 0) // want `Set called while the goroutine of Names may still run on the same object \(its channel is not drained to its close here\): .*; no fix: moving it past the channel's close changes the program, and a lock belongs in package iterator$`
	}
	for v := range x.Values() {
		x.Set("last", v) // want `Set called while the goroutine of Values may still run on the same object \(its channel is not drained to its close here\): .*; no fix: moving it past the channel's close changes the program, and a lock belongs in package iterator$`
	}
}
