package mapid_test

import (
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/mapid"
	"github.com/maplint/maplint/internal/ssatest"
)

const pathSrc = `package p

import "sync"

type shard struct {
	mu sync.Mutex
	m  map[string]int
}

type S struct {
	shards *[4]shard
}

func (s *S) lock(i int) { s.shards[2].mu.Lock(); s.shards[i].mu.Lock() }
`

// TestPathData checks that a path survives its conversion to plain data
// (what facts carry) and back, and how both print.
func TestPathData(t *testing.T) {
	pkg := ssatest.Build(t, pathSrc)
	fn := ssatest.Func(t, pkg, "(*p.S).lock")
	var refs []mapid.Ref
	for _, blk := range fn.Blocks {
		for _, instr := range blk.Instrs {
			if c, ok := instr.(*ssa.Call); ok && len(c.Call.Args) == 1 {
				refs = append(refs, mapid.RefOf(c.Call.Args[0]))
			}
		}
	}
	if len(refs) != 2 {
		t.Fatalf("got %d lock calls, want 2", len(refs))
	}
	for i, want := range []struct{ str, data string }{
		{"s.shards[2].mu", ".shards*[2].mu"},
		{"s.shards[i].mu", ".shards*[i].mu"},
	} {
		r := refs[i]
		if got := r.String(); got != want.str {
			t.Errorf("ref %d = %q, want %q", i, got, want.str)
		}
		d := r.Path.Data()
		if got := d.String(); got != want.data {
			t.Errorf("data %d = %q, want %q", i, got, want.data)
		}
		back, ok := d.Resolve(r.Root.Type())
		if !ok {
			t.Fatalf("resolving %q failed", d)
		}
		// A constant index resolves to the same step; a variable one names
		// a value of the function the data came from, so it does not.
		if eq := back.Equal(r.Path); eq != (i == 0) {
			t.Errorf("resolved %q: Equal = %v", d, eq)
		}
		if got := back.Data(); !got.Equal(d) {
			t.Errorf("round trip: %q, want %q", got, d)
		}
	}
	if _, ok := refs[0].Path.Data().Resolve(fn.Params[1].Type()); ok {
		t.Errorf("the path of a struct resolved against an int")
	}
	two, eye := refs[0].Path, refs[1].Path
	prefix := mapid.PathOf(two.At(0), two.At(1))
	if !two.HasPrefix(prefix) || !eye.HasPrefix(prefix) || two.HasPrefix(eye) {
		t.Errorf("HasPrefix: wrong")
	}
	if rest, ok := two.TrimPrefix(prefix); !ok || rest.String() != "[2].mu" {
		t.Errorf("TrimPrefix = %q, %v", rest, ok)
	}
	if !eye.VariableIndex() || two.VariableIndex() || !two.HasDeref() {
		t.Errorf("VariableIndex/HasDeref: wrong")
	}
}

// TestSerialPath checks the step that names an object's executor: how it
// prints, that it survives a fact, and that TrimSerial drops it alone.
func TestSerialPath(t *testing.T) {
	pkg := ssatest.Build(t, pathSrc)
	fn := ssatest.Func(t, pkg, "(*p.S).lock")
	var shards mapid.Ref
	for _, blk := range fn.Blocks {
		for _, instr := range blk.Instrs {
			if c, ok := instr.(*ssa.Call); ok && len(c.Call.Args) == 1 {
				shards = mapid.RefOf(c.Call.Args[0])
				break
			}
		}
	}
	exec := shards.Append(mapid.Serial())
	if got, want := exec.String(), "s.shards[2].mu's executor"; got != want {
		t.Errorf("String = %q, want %q", got, want)
	}
	d := exec.Path.Data()
	if got, want := d.String(), ".shards*[2].mu@serial"; got != want {
		t.Errorf("data = %q, want %q", got, want)
	}
	if got, want := d.Selectors(), ".shards[2].mu's executor"; got != want {
		t.Errorf("Selectors = %q, want %q", got, want)
	}
	back, ok := d.Resolve(shards.Root.Type())
	if !ok || !back.Equal(exec.Path) || !back.Serial() {
		t.Errorf("Resolve(%q) = %v, %v", d, back, ok)
	}
	if shards.Path.Serial() || !exec.Path.TrimSerial().Equal(shards.Path) || !shards.Path.TrimSerial().Equal(shards.Path) {
		t.Errorf("Serial/TrimSerial: wrong")
	}
}
