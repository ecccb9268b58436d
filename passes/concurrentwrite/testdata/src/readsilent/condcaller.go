package readsilent

import (
	"strings"
	"sync"
)

// A helper reached only through a caller that locks under a condition,
// which the chain tests again before the call (caddy's
// NetworkAddress.Listen locks unixSocketsMu when na.IsUnixNetwork(), and
// listen calls reuseUnixSocket under the same test): the lock is held on
// some path of every call, which counts as it does inside one function.

var (
	socketsMu sync.Mutex
	sockets   = make(map[string]int)
)

type Addr struct{ Network, Host string }

func (a Addr) IsUnix() bool { return strings.HasPrefix(a.Network, "unix") }

func (a Addr) Listen() (int, error) {
	if a.IsUnix() {
		socketsMu.Lock()
		defer socketsMu.Unlock()
	}
	return a.listen()
}

func (a Addr) listen() (int, error) {
	if a.IsUnix() {
		return reuse(a.Host), nil
	}
	return 0, nil
}

func reuse(host string) int {
	n, ok := sockets[host]
	if ok {
		sockets[host] = n + 1
	}
	return sockets[host]
}

func CloseSocket(host string) {
	socketsMu.Lock()
	defer socketsMu.Unlock()
	delete(sockets, host)
}

// The twin: a second caller reaches the helper without ever locking.

var (
	socketsMu2 sync.Mutex
	sockets2   = make(map[string]int)
)

func (a Addr) Listen2() int {
	if a.IsUnix() {
		socketsMu2.Lock()
		defer socketsMu2.Unlock()
	}
	return a.listen2()
}

func (a Addr) Peek2() int { return a.listen2() }

func (a Addr) listen2() int {
	if a.IsUnix() {
		return reuse2(a.Host)
	}
	return 0
}

func reuse2(host string) int {
	return sockets2[host] // want `concurrent read of map sockets2 without socketsMu2 \(held: none\)`
}

func CloseSocket2(host string) {
	socketsMu2.Lock()
	defer socketsMu2.Unlock()
	delete(sockets2, host)
}
