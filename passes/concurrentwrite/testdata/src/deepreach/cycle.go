package deepreach

import "sync"

// A cycle of calls (walk and visit call each other) whose members write
// the map they are handed: summarised once, the write is found however
// deep the recursion goes.
type node struct {
	kids []*node
	name string
}

func Index(roots []*node) map[string]*node {
	byName := map[string]*node{}
	for _, r := range roots {
		go walk(byName, r)
	}
	return byName
}

func walk(m map[string]*node, n *node) {
	for _, k := range n.kids {
		visit(m, k)
	}
}

func visit(m map[string]*node, n *node) {
	m[n.name] = n // want `concurrent write to map m \(held: none\); also accessed by other goroutines started in a loop in Index.*; no fix: which lock should guard m is a design decision$`
	walk(m, n)
}

// The same cycle under a lock the goroutine takes: silent.
func IndexLocked(roots []*node) map[string]*node {
	var mu sync.Mutex
	byName := map[string]*node{}
	var wg sync.WaitGroup
	for _, r := range roots {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			defer mu.Unlock()
			lwalk(byName, r)
		}()
	}
	wg.Wait()
	return byName
}

func lwalk(m map[string]*node, n *node) {
	for _, k := range n.kids {
		lvisit(m, k)
	}
}

func lvisit(m map[string]*node, n *node) {
	m[n.name] = n
	lwalk(m, n)
}

// A recursive descent down a list: the map's name grows on every trip
// around the cycle (n.m, n.next.m, ...), so the cycle's summaries are
// recomputed a bounded number of times (maxRounds); the write at the head
// is found.
type list struct {
	m    map[string]int
	next *list
}

func Mark(head *list, keys []string) {
	for _, k := range keys {
		go mark(head, k)
	}
}

func mark(n *list, k string) {
	if n == nil {
		return
	}
	n.m[k]++ // want `concurrent write to map n.m \(held: none\); also accessed by other goroutines started in a loop in Mark`
	markNext(n, k)
}

func markNext(n *list, k string) { mark(n.next, k) }

// The same descent under a lock: silent.
type lockedList struct {
	mu   *sync.Mutex
	m    map[string]int
	next *lockedList
}

func MarkLocked(head *lockedList, keys []string) {
	for _, k := range keys {
		go func() {
			head.mu.Lock()
			defer head.mu.Unlock()
			lmark(head, k)
		}()
	}
}

func lmark(n *lockedList, k string) {
	if n == nil {
		return
	}
	n.m[k]++
	lmarkNext(n, k)
}

func lmarkNext(n *lockedList, k string) { lmark(n.next, k) }
