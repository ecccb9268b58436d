package mapid_test

import (
	"fmt"
	"go/token"
	"strings"
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/mapid"
	"github.com/maplint/maplint/internal/ssatest"
)

// Each function calls a function value held by a local variable; the test
// prints, per call, what SoleValue and StoredOnce make of the variable.
const variableSrc = `package p

var sink *func()

func once() {
	f := func() {}
	func() { f() }()
}

func declared() {
	var f func()
	f = func() {}
	func() { f() }()
}

func recursive(n int) {
	var walk func(int)
	walk = func(i int) {
		if i > 0 {
			walk(i - 1)
		}
	}
	walk(n)
}

func twice(b bool) {
	f := func() {}
	if b {
		f = func() {}
	}
	func() { f() }()
}

func closureAssigns() {
	f := func() {}
	func() { f = nil }()
	func() { f() }()
}

func addressTaken() {
	f := func() {}
	sink = &f
	func() { f() }()
}

func nested() {
	f := func() {}
	func() { func() { f() }() }()
}

func spilled(x func()) func() {
	return func() { x() }
}
`

func TestVariableValues(t *testing.T) {
	pkg := ssatest.Build(t, variableSrc)
	name := func(v ssa.Value) string {
		switch v := v.(type) {
		case nil:
			return "-"
		case *ssa.MakeClosure:
			return v.Fn.Name()
		}
		return v.Name()
	}
	var b strings.Builder
	for _, fn := range ssatest.Funcs(pkg) {
		for _, blk := range fn.Blocks {
			for _, instr := range blk.Instrs {
				call, ok := instr.(*ssa.Call)
				if !ok {
					continue
				}
				load, ok := call.Call.Value.(*ssa.UnOp)
				if !ok || load.Op != token.MUL {
					continue
				}
				fmt.Fprintf(&b, "%s: sole %s, once %s", fn.Name(), name(mapid.SoleValue(load.X)), name(mapid.StoredOnce(load.X)))
				if p := mapid.SpilledParam(load.X); p != nil {
					fmt.Fprintf(&b, ", param %s", p.Name())
				}
				b.WriteString("\n")
			}
		}
	}
	want := `once$2: sole once$1, once once$1
declared$2: sole declared$1, once declared$1
recursive: sole recursive$1, once recursive$1
recursive$1: sole recursive$1, once recursive$1
twice$3: sole -, once -
closureAssigns$3: sole -, once closureAssigns$1
addressTaken$2: sole -, once addressTaken$1
nested$2$1: sole -, once -
spilled$1: sole x, once x, param x
`
	if got := b.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// Each FieldAddr of these functions is classified by the address-use
// predicates: read only, read and written, or handed on.
const fieldSrc = `package p

type T struct{ a, b int }

func keep(*int) {}

func read(t *T) int       { return t.a }
func written(t *T)        { t.a = t.a + 1 }
func handedOn(t *T)       { keep(&t.a) }
`

func TestAddressUses(t *testing.T) {
	pkg := ssatest.Build(t, fieldSrc)
	var b strings.Builder
	for _, fn := range ssatest.Funcs(pkg) {
		for _, blk := range fn.Blocks {
			for _, instr := range blk.Instrs {
				if fa, ok := instr.(*ssa.FieldAddr); ok {
					fmt.Fprintf(&b, "%s: loaded %t, loaded or stored %t\n", fn.Name(), mapid.OnlyLoaded(fa), mapid.OnlyLoadedOrStored(fa))
				}
			}
		}
	}
	// t.a = t.a + 1 computes the address twice: once to load, once to store.
	want := `read: loaded true, loaded or stored true
written: loaded true, loaded or stored true
written: loaded false, loaded or stored true
handedOn: loaded false, loaded or stored false
`
	if got := b.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
