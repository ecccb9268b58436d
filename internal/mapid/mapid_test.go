package mapid_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/mapid"
	"github.com/maplint/maplint/internal/ssatest"
)

const src = `package p

import (
	"maps"
	"sync"
)

var global = map[string]int{}

type shard struct {
	mu sync.Mutex
	m  map[string]int
}

type S struct {
	seen   map[string]bool
	shards [4]shard
}

func (s *S) field(k string)      { s.seen[k] = true }
func (s *S) shardw(i int, k string) { s.shards[i].mu.Lock(); s.shards[i].m[k] = 1 }
func glob(k string)              { delete(global, k) }
func local() map[string]int      { m := make(map[string]int); m["a"] = 1; return m }
func param(m map[string]int)     { clear(m) }
func captured() {
	m := map[string]int{}
	func() { m["x"] = 1 }()
	m = nil
}
func reads(s *S, src map[string]int) int {
	maps.Copy(global, src)
	for range s.seen {
	}
	return len(global) + global["a"]
}
`

func TestAccessesAndIdentities(t *testing.T) {
	pkg := ssatest.Build(t, src)
	var b strings.Builder
	for _, fn := range ssatest.Funcs(pkg) {
		for _, blk := range fn.Blocks {
			for _, instr := range blk.Instrs {
				for _, a := range mapid.Accesses(instr) {
					id, base := mapid.Of(a.Map)
					rw := "read"
					if a.Write {
						rw = "write"
					}
					fmt.Fprintf(&b, "%s: %s %s %s", fn.Name(), rw, a.Op, id)
					if base != nil {
						fmt.Fprintf(&b, " in %s", mapid.RefOf(base))
					}
					b.WriteString("\n")
				}
			}
		}
	}
	want := `field: write assign field seen in s
shardw: write assign field m in s.shards[i]
glob: write delete p.global
local: write assign local t0
param: write clear param m
captured$1: write assign local t0
reads: write maps.Copy p.global
reads: read maps.Copy param src
reads: read range field seen in s
reads: read len p.global
reads: read index p.global
`
	if got := b.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestRefsOfOneObjectCompareEqual(t *testing.T) {
	pkg := ssatest.Build(t, src)
	fn := ssatest.Func(t, pkg, "(*p.S).shardw")
	var mu, mapBase mapid.Ref
	for _, blk := range fn.Blocks {
		for _, instr := range blk.Instrs {
			switch instr := instr.(type) {
			case *ssa.Call:
				if len(instr.Call.Args) == 1 {
					mu = mapid.RefOf(instr.Call.Args[0])
				}
			case *ssa.MapUpdate:
				_, base := mapid.Of(instr.Map)
				mapBase = mapid.RefOf(base)
			}
		}
	}
	rel, ok := mu.Path.TrimPrefix(mapBase.Path)
	if mu.Root != mapBase.Root || !ok || rel.Len() != 1 || rel.At(0).Kind() != mapid.FieldStep || rel.At(0).Var().Name() != "mu" {
		t.Errorf("s.shards[i].mu = %v, want the sibling of the map's object %v", mu, mapBase)
	}
	if again := mapBase.Append(rel.At(0)); !again.Equal(mu) {
		t.Errorf("%v + .mu = %v, want %v", mapBase, again, mu)
	}
}
