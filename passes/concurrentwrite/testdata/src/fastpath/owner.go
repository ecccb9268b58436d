package fastpath

import "sync"

// A goroutine started once per object that makes every write of its own
// object's map, locking for the other readers, reads it without the lock:
// no other goroutine writes it, so its fast path is no race.
type Cache struct {
	mu      sync.Mutex
	entries map[string]int
	updates chan string
}

// NewCache starts the cache's updater.
func NewCache() *Cache {
	c := &Cache{entries: make(map[string]int), updates: make(chan string)}
	go c.update()
	return c
}

func (c *Cache) update() {
	for k := range c.updates {
		if _, ok := c.entries[k]; !ok {
			c.mu.Lock()
			c.entries[k] = len(k)
			c.mu.Unlock()
		}
	}
}

// Get looks k up.
func (c *Cache) Get(k string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.entries[k]
}

// The package's one registry is made by init, so its loop runs in one
// goroutine: the only writer of seenTopics reads it without the lock.
var (
	topicsMu   sync.Mutex
	seenTopics = map[string]bool{}
	registry   *topicRegistry
)

type topicRegistry struct{ topics chan string }

func init() {
	registry = newTopicRegistry()
}

func newTopicRegistry() *topicRegistry {
	r := &topicRegistry{topics: make(chan string)}
	go r.loop()
	return r
}

func (r *topicRegistry) loop() {
	for t := range r.topics {
		if !seenTopics[t] {
			topicsMu.Lock()
			seenTopics[t] = true
			topicsMu.Unlock()
		}
	}
}

// Seen reports whether topic t was registered.
func Seen(t string) bool {
	topicsMu.Lock()
	defer topicsMu.Unlock()
	return seenTopics[t]
}

// The fixed registerAckTopic (#1537) takes the lock before the lookup.
type fixedTransaction struct {
	mu   sync.Mutex
	subs map[subscription]bool
}

func (txn *fixedTransaction) registerAckTopic(topic, name string) {
	sub := subscription{topic, name}
	txn.mu.Lock()
	defer txn.mu.Unlock()
	if _, ok := txn.subs[sub]; !ok {
		txn.subs[sub] = true
	}
}

type fixedConsumer struct{ reqs chan *fixedTransaction }

func newFixedConsumer() *fixedConsumer {
	c := &fixedConsumer{reqs: make(chan *fixedTransaction)}
	go c.loop()
	return c
}

func (c *fixedConsumer) loop() {
	for txn := range c.reqs {
		txn.registerAckTopic("t", "s")
	}
}

// SubscribeFixed makes a consumer per partition.
func SubscribeFixed(n int) []chan *fixedTransaction {
	var out []chan *fixedTransaction
	for range n {
		out = append(out, newFixedConsumer().reqs)
	}
	return out
}
