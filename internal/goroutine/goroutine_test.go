package goroutine_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/goroutine"
	"github.com/maplint/maplint/internal/ssatest"
)

const src = `package p

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"
)

type H struct{}

func (H) ServeHTTP(w http.ResponseWriter, r *http.Request) {}

// NotH has a ServeHTTP that does not make it an http.Handler.
type NotH struct{}

func (NotH) ServeHTTP(r *http.Request) {}

func work() {}

func (h *H) run() {}

func spawns(ctx context.Context, t *testing.T, xs []int) {
	go work()
	var wg sync.WaitGroup
	for range xs {
		go func() {}()
		wg.Go(work)
	}
	for range xs {
		wg.Go(work)
		wg.Wait()
	}
	h := &H{}
	go h.run()
	time.AfterFunc(time.Second, work)
	context.AfterFunc(ctx, work)
	http.HandleFunc("/", func(http.ResponseWriter, *http.Request) {})
	_ = http.HandlerFunc(func(http.ResponseWriter, *http.Request) {})
	t.Run("serial", func(t *testing.T) {})
	t.Run("parallel", func(t *testing.T) { t.Parallel() })
}

func ordered(ch chan int) {
	m := 0
	go work()
	m++ // after the go statement
	<-ch
	m++ // after a receive
	_ = m
}
`

func TestSpawns(t *testing.T) {
	pkg := ssatest.Build(t, src)
	var b strings.Builder
	for _, s := range goroutine.Spawns(ssatest.Func(t, pkg, "p.spawns")) {
		fmt.Fprintf(&b, "%s %s many=%v args=%d\n", s.Kind, s.Fn.Name(), s.Many, len(s.Args))
	}
	want := `go statement work many=false args=0
go statement spawns$1 many=true args=0
WaitGroup.Go work many=true args=0
WaitGroup.Go work many=false args=0
go statement run many=false args=1
AfterFunc work many=false args=0
AfterFunc work many=false args=0
HTTP handler spawns$2 many=true args=0
HTTP handler spawns$3 many=true args=0
parallel subtest spawns$5 many=false args=0
`
	if got := b.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if !goroutine.IsHandler(ssatest.Func(t, pkg, "(p.H).ServeHTTP")) {
		t.Error("ServeHTTP is not a handler")
	}
	if goroutine.IsHandler(ssatest.Func(t, pkg, "(p.NotH).ServeHTTP")) {
		t.Error("a ServeHTTP that does not implement http.Handler is a handler")
	}
}

func TestOrdering(t *testing.T) {
	pkg := ssatest.Build(t, src)
	fn := ssatest.Func(t, pkg, "p.ordered")
	var spawn ssa.Instruction
	var after []ssa.Instruction
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case *ssa.Go:
				spawn = instr
			case *ssa.BinOp:
				after = append(after, instr)
			}
		}
	}
	if len(after) != 2 {
		t.Fatalf("found %d increments", len(after))
	}
	if !goroutine.After(spawn, after[0]) {
		t.Error("the increment right after the go statement is not after it")
	}
	if goroutine.After(spawn, after[1]) {
		t.Error("the increment after the receive is taken as unordered")
	}
}
