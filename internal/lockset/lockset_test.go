package lockset_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/lockset"
	"github.com/maplint/maplint/internal/ssatest"
)

const src = `package p

import "sync"

type S struct {
	mu  sync.RWMutex
	m   map[string]int
}

var gmu sync.Mutex
var g = map[string]int{}

func (s *S) direct()   { s.mu.Lock(); s.m["a"] = 1; s.mu.Unlock(); s.m["b"] = 2 }
func (s *S) deferred() { s.mu.Lock(); defer s.mu.Unlock(); s.m["a"] = 1 }
func (s *S) read()     { s.mu.RLock(); s.m["a"] = 1; s.mu.RUnlock() }
func (s *S) branch(c bool) {
	if c {
		s.mu.Lock()
	}
	s.m["a"] = 1
}
func (s *S) lock()   { s.mu.Lock() }
func (s *S) unlock() { s.mu.Unlock() }
func (s *S) viaHelper() { s.lock(); s.m["a"] = 1; s.unlock(); s.m["b"] = 2 }
func (s *S) addLocked() { s.m["a"] = 1 }
func (s *S) callsLocked() { s.mu.Lock(); defer s.mu.Unlock(); s.addLocked() }
func (s *S) callsLocked2() { s.mu.Lock(); s.addLocked(); s.mu.Unlock() }
func (s *S) putUnlocked() { s.m["a"] = 1 }
func (s *S) callsPut() { s.mu.Lock(); s.putUnlocked(); s.mu.Unlock() }
func (s *S) callsPutBare() { s.putUnlocked() }
func global() { gmu.Lock(); defer gmu.Unlock(); g["a"] = 1 }
func closure(s *S) { s.mu.Lock(); defer s.mu.Unlock(); func() { s.m["a"] = 1 }() }
func (s *S) mixed(c bool) {
	if c {
		s.mu.Lock()
	} else {
		s.mu.RLock()
	}
	s.m["a"] = 1
}
func loop(s *S, n int) {
	for i := 0; i < n; i++ {
		s.mu.Lock()
		s.m["a"] = i
		s.mu.Unlock()
	}
}
`

// heldAtUpdates lists, per function, the locks held at each map update.
func heldAtUpdates(p *lockset.Package, fns []*ssa.Function) string {
	var b strings.Builder
	for _, fn := range fns {
		r := p.Result(fn)
		var sets []string
		r.Each(func(instr ssa.Instruction, held lockset.Set) {
			if _, ok := instr.(*ssa.MapUpdate); ok {
				sets = append(sets, held.String(func(l lockset.Lock) string { return l.Ref.String() }))
			}
		})
		if len(sets) > 0 {
			fmt.Fprintf(&b, "%s: %s\n", fn, strings.Join(sets, "; "))
		}
	}
	return b.String()
}

func TestPackage(t *testing.T) {
	pkg := ssatest.Build(t, src)
	fns := ssatest.Funcs(pkg)
	p := lockset.AnalyzePackage(fns, nil)
	got := heldAtUpdates(p, fns)
	want := `(*p.S).direct: s.mu; none
(*p.S).deferred: s.mu
(*p.S).read: s.mu (read)
(*p.S).branch: none
(*p.S).viaHelper: s.mu; none
(*p.S).addLocked: s.mu
(*p.S).putUnlocked: none
p.global: gmu
p.closure$1: s.mu
(*p.S).mixed: s.mu (read)
p.loop: s.mu
`
	if got != want {
		t.Errorf("held at map updates:\ngot:\n%s\nwant:\n%s", got, want)
	}
	for name, want := range map[string]string{
		"(*p.S).lock":      "acquires($0.mu)",
		"(*p.S).unlock":    "releases($0.mu) requires($0.mu)",
		"(*p.S).addLocked": "requires($0.mu)",
		"(*p.S).deferred":  "",
	} {
		if got := p.Summary(ssatest.Func(t, pkg, name)).String(); got != want {
			t.Errorf("summary of %s = %q, want %q", name, got, want)
		}
	}
}
