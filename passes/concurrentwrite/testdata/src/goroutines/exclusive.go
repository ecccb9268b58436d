package goroutines

import "sync"

// committer is goroutinesilent's committer with the branch decided per
// child: an odd child is committed in place while the goroutine started
// for an earlier even one merges into c.nodes.
type committer struct {
	nodes map[string][]byte
}

func (c *committer) commitChildren(children []string) {
	var (
		wg      sync.WaitGroup
		nodesMu sync.Mutex
	)
	for i, child := range children {
		if i%2 == 1 {
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
	wg.Wait()
}

func (c *committer) store(path string) { c.nodes[path] = []byte(path) } // want `concurrent write to map c.nodes \(held: none\); also accessed by the goroutines started in a loop in \(\*committer\).commitChildren`
