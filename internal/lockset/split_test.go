package lockset_test

import (
	"testing"

	"github.com/maplint/maplint/internal/lockset"
	"github.com/maplint/maplint/internal/ssatest"
)

const splitSrc = `package p

import "sync"

type S struct {
	mu sync.RWMutex
	m  map[string]int
}

func (s *S) same(c bool) {
	if c {
		s.mu.Lock()
	}
	if c {
		s.m["a"] = 1
		s.mu.Unlock()
	}
}

func (s *S) other(c, d bool) {
	if c {
		s.mu.Lock()
	}
	if d {
		s.m["a"] = 1
	}
	if c {
		s.mu.Unlock()
	}
}

func (s *S) local() {
	on := s.m != nil
	if on {
		s.mu.Lock()
	} else {
		s.mu.RLock()
	}
	if on {
		s.m["a"] = 1
	}
	if on {
		s.mu.Unlock()
	} else {
		s.mu.RUnlock()
	}
}

func (s *S) inLoop(n int) {
	for i := 0; i < n; i++ {
		on := i%2 == 0
		if on {
			s.mu.Lock()
		}
		if on {
			s.m["a"] = i
		}
	}
}
`

// TestSplit checks that a lock taken under a condition counts at an access
// made under the same condition, and only there.
func TestSplit(t *testing.T) {
	pkg := ssatest.Build(t, splitSrc)
	fns := ssatest.Funcs(pkg)
	p := lockset.AnalyzePackage(fns, nil)
	got := heldAtUpdates(p, fns)
	want := `(*p.S).same: s.mu
(*p.S).other: none
(*p.S).local: s.mu
(*p.S).inLoop: none
`
	if got != want {
		t.Errorf("held at map updates:\ngot:\n%s\nwant:\n%s", got, want)
	}
}
