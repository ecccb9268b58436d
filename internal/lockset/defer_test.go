package lockset_test

import (
	"testing"

	"github.com/maplint/maplint/internal/lockset"
	"github.com/maplint/maplint/internal/ssatest"
)

// Deferred helpers run at return, last deferred first; an interface call
// is a call site of the package's implementations.
const deferSrc = `package p

import "sync"

type S struct {
	mu sync.Mutex
	m  map[string]int
}

func (s *S) early()  { s.mu.Lock(); defer s.mu.Unlock(); defer s.first() }
func (s *S) first()  { s.m["a"] = 1 }
func (s *S) late()   { defer s.last(); s.mu.Lock(); defer s.mu.Unlock() }
func (s *S) last()   { s.m["b"] = 2 }
func (s *S) flush()  { s.mu.Lock(); defer s.unlockAndSet() }
func (s *S) unlockAndSet() { s.mu.Unlock(); s.m["c"] = 3 }

type resetter interface{ reset() }

func (s *S) reset() { s.m["d"] = 4 }
func (s *S) viaIface() { s.mu.Lock(); defer s.mu.Unlock(); var r resetter = s; r.reset() }
`

func TestDeferredAndInterfaceCalls(t *testing.T) {
	pkg := ssatest.Build(t, deferSrc)
	fns := ssatest.Funcs(pkg)
	p := lockset.AnalyzePackage(fns, nil)
	got := heldAtUpdates(p, fns)
	want := `(*p.S).first: s.mu
(*p.S).last: none
(*p.S).unlockAndSet: none
(*p.S).reset: s.mu
`
	if got != want {
		t.Errorf("held at map updates:\ngot:\n%s\nwant:\n%s", got, want)
	}
	for name, want := range map[string]string{
		"(*p.S).flush":        "",
		"(*p.S).unlockAndSet": "releases($0.mu) requires($0.mu)",
		"(*p.S).reset":        "requires($0.mu)",
	} {
		if got := p.Summary(ssatest.Func(t, pkg, name)).String(); got != want {
			t.Errorf("summary of %s = %q, want %q", name, got, want)
		}
	}
}
