package concurrentwrite

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/goroutine"
	"github.com/maplint/maplint/internal/guards"
)

// An IterFact is on a method (or function) that starts an iterator
// goroutine: one that feeds a channel the method makes and returns, and
// closes it after its last access to the object's maps:
//
//	func (c *LRUCache) Each() chan *CacheItem {
//		out := make(chan *CacheItem)
//		go func() {
//			for _, ele := range c.cache { out <- ele.Value.(*CacheItem) }
//			close(out)
//		}()
//		return out
//	}
//
// The close happens before the receive that reports it, so whatever the
// caller does after draining the channel to its close (a range loop run to
// its end) follows every access of the goroutine, and what it did before
// the call precedes the go statement. The goroutine's work on the object
// lies inside the extent of the caller's loop, as if the method had done it
// itself: it races only what runs while the channel is live, the loop's
// body (with an unbuffered channel each send is a rendezvous, but the
// goroutine's next map read follows it while the body runs), and
// everything after a loop left early or a channel not drained (the
// goroutine runs one more iteration step before blocking on its next
// send). So the pairing of such a goroutine with the object's exported
// methods is decided at the callers (checkIterCalls), and the fact lists
// the methods whose pairing found a race. gubernator v2.13.0's LRUCache,
// not thread-safe by its documentation, is the model: its one caller,
// Worker.handleStore, ranges over Each() and never touches the cache in
// the body.
type IterFact struct {
	Races []IterRace
}

// An IterRace is one method that races the iterator goroutine.
type IterRace struct {
	Method string // the method's full name (types.Func.FullName)
	Race   string // the race the pairing found, for messages
	At     string // where its first access is, file:line
}

func (*IterFact) AFact() {}

func (f *IterFact) String() string {
	var s []string
	for _, r := range f.Races {
		s = append(s, "live("+r.Method+")")
	}
	return strings.Join(s, ",")
}

// An iterState holds the iterator spawners of the package and what their
// goroutines access, named in the spawner's frame.
type iterState struct {
	facts map[*types.Func]*IterFact
	accs  map[*types.Func][]*gaccess
}

// iterChan returns the channel that the goroutine of sp feeds for the
// caller of its spawner, or nil when sp is not an iterator goroutine: the
// spawner makes the channel, returns it at every return and uses it for
// nothing else than starting the goroutine, which closes it after
// everything else it does (a close before every return with no call or
// map operation between, or a first deferred close), and starts no
// goroutine of its own. The channel is the MakeChan, or the variable
// (an Alloc cell) holding it when the goroutine's closure captures it.
func iterChan(sp *spawn) ssa.Value {
	g, ok := sp.Instr.(*ssa.Go)
	if !ok || sp.Kind != goroutine.Go || sp.parent == nil || sp.Fn == nil || g.Parent() != sp.parent {
		return nil
	}
	ch := returnedChan(sp.parent)
	if ch == nil {
		return nil
	}
	var inner ssa.Value // the channel in the goroutine's function
	if !chanUses(ch, g, sp.Fn, &inner) {
		return nil
	}
	if inner == nil || !closesLast(sp.Fn, inner) {
		return nil
	}
	for _, a := range sp.accs {
		if a.spawned {
			return nil
		}
	}
	return ch
}

// chanUses reports whether the uses of the channel v (the spawner's, or a
// conversion of it) are returns, debug and cell stores, and the start of
// the goroutine g of fn, where it binds *inner to the channel as fn sees
// it (a free variable or a parameter), once. A store is only into the
// cell that v is: a channel stored elsewhere escapes.
func chanUses(v ssa.Value, g *ssa.Go, fn *ssa.Function, inner *ssa.Value) bool {
	for _, ref := range *v.Referrers() {
		switch r := ref.(type) {
		case *ssa.Return, *ssa.DebugRef:
		case *ssa.Store:
			if r.Addr != v {
				return false // the channel escapes
			}
		case *ssa.ChangeType:
			if !chanUses(r, g, fn, inner) {
				return false
			}
		case *ssa.UnOp:
			if r.Op != token.MUL || !chanUses(r, g, fn, inner) {
				return false
			}
		case *ssa.MakeClosure:
			i := slices.Index(r.Bindings, v)
			if r != g.Call.Value || r.Fn != fn || *inner != nil {
				return false
			}
			*inner = fn.FreeVars[i]
		case *ssa.Go:
			i := slices.Index(r.Call.Args, v)
			if r != g || *inner != nil || i >= len(fn.Params) {
				return false
			}
			*inner = fn.Params[i]
		default:
			return false
		}
	}
	return true
}

// returnedChan returns the channel that fn makes and returns at every
// return (a MakeChan, or the variable that holds one and nothing else),
// or nil.
func returnedChan(fn *ssa.Function) ssa.Value {
	var ch ssa.Value
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		var found ssa.Value
		for _, v := range ret.Results {
			if r := chanRoot(v); r != nil {
				found = r
			}
		}
		if found == nil || (ch != nil && found != ch) {
			return nil
		}
		ch = found
	}
	return ch
}

// chanRoot returns the MakeChan that v is, or the Alloc cell v is loaded
// from when its one store is a MakeChan, or nil.
func chanRoot(v ssa.Value) ssa.Value {
	if c, ok := v.(*ssa.ChangeType); ok {
		v = c.X
	}
	switch v := v.(type) {
	case *ssa.MakeChan:
		return v
	case *ssa.UnOp:
		cell, ok := v.X.(*ssa.Alloc)
		if !ok || v.Op != token.MUL {
			return nil
		}
		stores := 0
		for _, r := range *cell.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == cell {
				if _, ok := st.Val.(*ssa.MakeChan); !ok {
					return nil
				}
				stores++
			}
		}
		if stores == 1 {
			return cell
		}
	}
	return nil
}

// closesLast reports whether fn closes ch after all else it does: its
// first deferred call is close(ch), or every return is preceded in its
// block by close(ch) with nothing between that calls or touches a map.
func closesLast(fn *ssa.Function, ch ssa.Value) bool {
	for _, instr := range fn.Blocks[0].Instrs {
		if d, ok := instr.(*ssa.Defer); ok {
			if isClose(&d.Call, ch) {
				return true
			}
			break
		}
	}
	returns := 0
	for _, b := range fn.Blocks {
		if _, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); !ok {
			continue
		}
		returns++
		closed := false
		for _, instr := range slices.Backward(b.Instrs[:len(b.Instrs)-1]) {
			if c, ok := instr.(*ssa.Call); ok && isClose(&c.Call, ch) {
				closed = true
				break
			}
			switch instr.(type) {
			case ssa.CallInstruction, *ssa.Lookup, *ssa.MapUpdate, *ssa.Next, *ssa.Range, *ssa.Store:
				return false
			}
		}
		if !closed {
			return false
		}
	}
	return returns > 0
}

// isClose reports whether c is close(ch), ch also through a load of the
// cell it is.
func isClose(c *ssa.CallCommon, ch ssa.Value) bool {
	b, ok := c.Value.(*ssa.Builtin)
	if !ok || b.Name() != "close" || len(c.Args) != 1 {
		return false
	}
	arg := c.Args[0]
	if u, ok := arg.(*ssa.UnOp); ok && u.Op == token.MUL {
		arg = u.X
	}
	return arg == ch
}

// noteIter records the accesses mine of the goroutine of sp when it is an
// iterator goroutine (iterChan), and reports whether it is.
func (ck *checker) noteIter(sp *spawn, mine []*gaccess) bool {
	if guards.RecvNamed(sp.parent) == nil || iterChan(sp) == nil {
		return false
	}
	if ck.iters.facts == nil {
		ck.iters = iterState{facts: make(map[*types.Func]*IterFact), accs: make(map[*types.Func][]*gaccess)}
	}
	if sobj, ok := sp.parent.Object().(*types.Func); ok {
		ck.iters.accs[sobj] = mine
	}
	return true
}

// deferIter leaves the pairing of the iterator goroutine of sp with the
// method m to the callers of the spawner: the race the pairing would
// report is kept in the spawner's IterFact.
func (ck *checker) deferIter(mine, theirs []*gaccess, sp, m *spawn) {
	sobj, ok := sp.parent.Object().(*types.Func)
	mobj, mok := m.Fn.Object().(*types.Func)
	if !ok || !mok {
		return // no caller can name it, or no call of it can race
	}
	var held []analysis.Diagnostic
	outer := ck.hold
	ck.hold = &held
	ck.pairObject(mine, theirs, sp, m)
	ck.hold = outer
	if len(held) == 0 {
		return
	}
	f := ck.iters.facts[sobj]
	if f == nil {
		f = new(IterFact)
		ck.iters.facts[sobj] = f
	}
	pos := ck.pass.Fset.Position(held[0].Pos)
	f.Races = append(f.Races, IterRace{
		Method: mobj.FullName(),
		Race:   held[0].Message,
		At:     fmt.Sprintf("%s:%d", shortFile(pos.Filename), pos.Line),
	})
}

// hasIterators reports whether a go statement of the package may start an
// iterator goroutine: its spawner returns a channel it makes.
func (ck *checker) hasIterators() bool {
	for _, fn := range ck.fns {
		if returnedChan(fn) != nil && len(ck.spawnsOf(fn)) > 0 {
			return true
		}
	}
	return false
}

func (ck *checker) exportIter() {
	for obj, f := range ck.iters.facts {
		ck.pass.ExportObjectFact(obj, f)
	}
}
