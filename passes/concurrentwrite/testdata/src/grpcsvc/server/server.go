// This file exercises gRPC service implementations: the server runs each
// RPC in a goroutine of its own, so a map field that the methods write
// without a lock races. The locked twin is silent.
package server

import (
	"sync"

	"google.golang.org/grpc"

	"grpcsvc/pb"
)

type greeter struct {
	seen map[string]int
}

func (g *greeter) SayHello(name string) (string, error) { // want SayHello:`reads\(\$0\.#0\),writes\(\$0\.#0\)`
	g.seen[name]++ // want `concurrent write to map g.seen \(held: none\); also accessed by concurrent requests to \(\*greeter\).SayHello`
	return "hello " + name, nil
}

func (g *greeter) Forget(name string) error { // want Forget:`writes\(\$0\.#0\)`
	delete(g.seen, name) // want `concurrent write to map g.seen \(held: none\)`
	return nil
}

type lockedGreeter struct {
	mu   sync.Mutex
	seen map[string]int
}

func (g *lockedGreeter) SayHello(name string) (string, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.seen[name]++
	return "hello " + name, nil
}

func (g *lockedGreeter) Forget(name string) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	delete(g.seen, name)
	return nil
}

func Serve() {
	s := grpc.NewServer()
	pb.RegisterGreeterServer(s, &greeter{seen: map[string]int{}})
	pb.RegisterGreeterServer(s, &lockedGreeter{seen: map[string]int{}})
}
