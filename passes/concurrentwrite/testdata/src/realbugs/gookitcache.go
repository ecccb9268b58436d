// gookit/cache#116 (also proposed as #114 and #115), "fix: file cache,
// concurrent map writes": FileCache.Get holds only the read lock, and get
// saves the item it read from the file into the in-memory map (and
// deletes an expired one), so two Gets write the map at the same time
// (fatal error: concurrent map writes). The fix took the write lock in Get.
package realbugs

import (
	"encoding/json"
	"os"
	"sync"
	"time"
)

type CacheItem struct {
	Exp int64
	Val any
}

type MemoryCache struct {
	lock   sync.RWMutex
	caches map[string]*CacheItem
}

func (c *MemoryCache) get(key string) any {
	if item, ok := c.caches[key]; ok {
		return item.Val
	}
	return nil
}

func (c *MemoryCache) set(key string, val any, ttl time.Duration) error {
	c.caches[key] = &CacheItem{Exp: time.Now().Add(ttl).Unix(), Val: val}
	return nil
}

func (c *MemoryCache) del(key string) error {
	delete(c.caches, key) // want `write to map c.caches holding only read lock`
	return nil
}

type FileCache struct {
	MemoryCache
	cacheDir string
}

// Get value by key
func (c *FileCache) Get(key string) any {
	c.lock.RLock()
	defer c.lock.RUnlock()

	return c.get(key)
}

func (c *FileCache) get(key string) any {
	// read cache from memory
	if val := c.MemoryCache.get(key); val != nil {
		return val
	}

	// read cache from file
	bs, err := os.ReadFile(c.getFilename(key))
	if err != nil {
		return nil
	}

	item := &CacheItem{}
	if err = json.Unmarshal(bs, item); err != nil {
		return nil
	}

	// check expire time
	if item.Exp == 0 || item.Exp > time.Now().Unix() {
		c.caches[key] = item // want `write to map c.caches holding only read lock c.lock`
		return item.Val
	}

	// has been expired. delete it.
	_ = c.del(key)
	return nil
}

// Set value by key
func (c *FileCache) Set(key string, val any, ttl time.Duration) (err error) {
	c.lock.Lock()
	defer c.lock.Unlock()

	return c.MemoryCache.set(key, val, ttl)
}

// Del value by key
func (c *FileCache) Del(key string) error {
	c.lock.Lock()
	defer c.lock.Unlock()

	return c.del(key)
}

func (c *FileCache) del(key string) error {
	if err := c.MemoryCache.del(key); err != nil {
		return err
	}
	return os.Remove(c.getFilename(key))
}

func (c *FileCache) getFilename(key string) string { return c.cacheDir + "/" + key }

// The fixed version: Get takes the write lock, since get may write.

type FileCacheFixed struct {
	lock   sync.RWMutex
	caches map[string]*CacheItem
}

func (c *FileCacheFixed) Get(key string) any {
	c.lock.Lock()
	defer c.lock.Unlock()
	if item, ok := c.caches[key]; ok {
		return item.Val
	}
	item := &CacheItem{}
	c.caches[key] = item
	return item.Val
}

func (c *FileCacheFixed) Has(key string) bool {
	c.lock.RLock()
	defer c.lock.RUnlock()
	_, ok := c.caches[key]
	return ok
}
