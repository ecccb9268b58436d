package guard_test

import (
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/guard"
	"github.com/maplint/maplint/internal/lockset"
	"github.com/maplint/maplint/internal/mapid"
	"github.com/maplint/maplint/internal/ssatest"
)

const src = `package p

import "sync"

type S struct {
	mu    sync.RWMutex
	other sync.Mutex
	m     map[string]int
}

func (s *S) a() { s.mu.Lock(); s.m["a"] = 1; s.mu.Unlock() }
func (s *S) b() int { s.mu.RLock(); defer s.mu.RUnlock(); return s.m["b"] }
func (s *S) c() { s.other.Lock(); s.m["c"] = 1; s.other.Unlock() }
func (s *S) d() { s.m["d"] = 1 }
func (s *S) e() { s.mu.RLock(); s.m["e"] = 1; s.mu.RUnlock() }
`

// observe returns the accesses of the listed methods to S.m.
func observe(t *testing.T, names ...string) []guard.Obs {
	pkg := ssatest.Build(t, src)
	p := lockset.AnalyzePackage(ssatest.Funcs(pkg), nil)
	var obs []guard.Obs
	for _, n := range names {
		p.Result(ssatest.Func(t, pkg, "(*p.S)."+n)).Each(func(instr ssa.Instruction, held lockset.Set) {
			for _, a := range mapid.Accesses(instr) {
				_, base := mapid.Of(a.Map)
				obs = append(obs, guard.Obs{Base: mapid.RefOf(base), Held: held, Write: a.Write})
			}
		})
	}
	return obs
}

func TestInfer(t *testing.T) {
	for _, tc := range []struct {
		methods []string
		want    string // guard path, "" for none
		holds   int
	}{
		{[]string{"a", "b", "d"}, ".mu", 2},      // read lock guards the read
		{[]string{"a", "c", "d"}, "", 0},         // two locks, neither held by half
		{[]string{"a", "b", "c", "d"}, ".mu", 2}, // half is enough
		{[]string{"a", "e"}, ".mu", 1},           // a read lock does not guard a write
		{[]string{"d"}, "", 0},
	} {
		g, ok := guard.Infer(observe(t, tc.methods...))
		if got := g.Rel.String(); !ok && got != "" || ok && got != tc.want || ok != (tc.want != "") || g.Holds != tc.holds {
			t.Errorf("Infer(%v) = %q (ok %v, holds %d), want %q holding %d", tc.methods, got, ok, g.Holds, tc.want, tc.holds)
		}
	}
}

const otherObject = `package p

import "sync"

type F struct{ indexLock sync.Mutex }

type R struct {
	f        *F
	finished map[int]bool
}

func (r *R) write() { r.f.indexLock.Lock(); _ = len(r.finished); r.f.indexLock.Unlock() }
func (r *R) run()   { r.finished[1] = true }
`

// TestLockOfAnotherObject checks that a mutex of an object reached through a
// pointer field is not taken as the guard of the map beside that pointer.
func TestLockOfAnotherObject(t *testing.T) {
	pkg := ssatest.Build(t, otherObject)
	p := lockset.AnalyzePackage(ssatest.Funcs(pkg), nil)
	var obs []guard.Obs
	for _, n := range []string{"write", "run"} {
		p.Result(ssatest.Func(t, pkg, "(*p.R)."+n)).Each(func(instr ssa.Instruction, held lockset.Set) {
			for _, a := range mapid.Accesses(instr) {
				_, base := mapid.Of(a.Map)
				obs = append(obs, guard.Obs{Base: mapid.RefOf(base), Held: held, Write: a.Write})
			}
		})
	}
	if g, ok := guard.Infer(obs); ok {
		t.Errorf("Infer = %q, want no guard", g.Rel)
	}
}

// TestTie checks that two locks held by as many accesses and writes are
// both kept (neither order nor name chooses), and that a tie in accesses
// goes to the lock more writes hold.
func TestTie(t *testing.T) {
	g, ok := guard.Infer(observe(t, "a", "c"))
	if !ok || len(g.Tied) != 1 {
		t.Fatalf("Infer(a, c) = %q tied %d (ok %v), want two tied locks", g.Rel, len(g.Tied), ok)
	}
	got := []string{g.Rel.String(), g.Tied[0].Rel.String()}
	if !(got[0] == ".mu" && got[1] == ".other" || got[0] == ".other" && got[1] == ".mu") {
		t.Errorf("tied locks = %v, want .mu and .other", got)
	}
	// b reads under mu's read lock, c writes under other: one access
	// each, but only other is held by a write.
	g, ok = guard.Infer(observe(t, "b", "c"))
	if !ok || g.Rel.String() != ".other" || len(g.Tied) != 0 {
		t.Errorf("Infer(b, c) = %q tied %d (ok %v), want .other alone", g.Rel, len(g.Tied), ok)
	}
}
