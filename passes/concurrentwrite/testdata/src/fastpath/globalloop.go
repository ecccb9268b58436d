package fastpath

import "sync"

// A loop started by an exported function, which may be called more than
// once: two loops check and register the same package-level names.
var (
	namesMu sync.Mutex
	names   = map[string]bool{}
)

type namer struct{ in chan string }

// StartNamer starts a loop registering the names sent to it.
func StartNamer() chan<- string {
	n := &namer{in: make(chan string)}
	go n.loop()
	return n.in
}

func (n *namer) loop() {
	for name := range n.in {
		known := names[name] // want `concurrent read of map names without namesMu`
		if !known {
			namesMu.Lock()
			names[name] = true
			namesMu.Unlock()
		}
	}
}
