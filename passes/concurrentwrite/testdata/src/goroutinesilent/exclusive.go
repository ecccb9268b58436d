package goroutinesilent

import "sync"

// committer is go-ethereum's trie committer in small: commitChildren
// commits each child in place when parallel is false and in a goroutine
// of its own, with a committer and node set of its own, when it is true.
// The in-place commit writes c.nodes, which the goroutine's merge also
// writes (under nodesMu), but the two branches test one parameter, which
// nothing changes: in one call only one of them ever runs.
type committer struct {
	nodes map[string][]byte
}

func (c *committer) commitChildren(children []string, parallel bool) {
	var (
		wg      sync.WaitGroup
		nodesMu sync.Mutex
	)
	for _, child := range children {
		if !parallel {
			c.store(child)
		} else {
			wg.Add(1)
			go func() {
				defer wg.Done()
				sub := &committer{nodes: map[string][]byte{}}
				sub.store(child)
				nodesMu.Lock()
				for k, v := range sub.nodes {
					c.nodes[k] = v
				}
				nodesMu.Unlock()
			}()
		}
	}
	if parallel {
		wg.Wait()
	}
}

func (c *committer) store(path string) { c.nodes[path] = []byte(path) }
