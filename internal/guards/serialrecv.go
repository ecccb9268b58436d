package guards

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/goroutine"
	"github.com/maplint/maplint/internal/mapid"
)

// The receiving side of a serial executor (see SerialFact): what the
// package does with each channel field, and what the one function that
// receives from it does with what it receives.

// chanField is what the package does with one channel field.
type chanField struct {
	sends  []ssa.Instruction // *ssa.Send or *ssa.Select sending on the field of a method's receiver
	recvFn *ssa.Function     // the one function receiving from it
	// called is the field of the received struct whose function recvFn
	// calls (-1: the received value is the function itself); signals
	// says recvFn closes or sends on another field of it after the call.
	called  int
	signals bool
	bad     bool // used otherwise, received in several functions, or what is received escapes
}

// channelUses classifies the uses of every unexported channel field of a
// struct type of pkg.
func channelUses(pkg *types.Package, fns []*ssa.Function) (fields []*chanField) {
	byVar := make(map[*types.Var]*chanField)
	get := func(f *types.Var) *chanField {
		u, ok := byVar[f]
		if !ok {
			u = &chanField{called: -2}
			byVar[f] = u
			fields = append(fields, u)
		}
		return u
	}
	for _, fn := range fns {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch x := instr.(type) {
				case *ssa.FieldAddr:
					if f := chanFieldVar(pkg, mapid.FieldVar(x)); f != nil {
						classifyFieldAddr(fn, x, get(f))
					}
				case *ssa.Field:
					// The field of a copy of the struct (a value
					// receiver, c := *l): a use not followed.
					if st, ok := x.X.Type().Underlying().(*types.Struct); ok && x.Field < st.NumFields() {
						if f := chanFieldVar(pkg, st.Field(x.Field)); f != nil {
							get(f).bad = true
						}
					}
				}
			}
		}
	}
	return fields
}

// chanFieldVar returns the generic origin of f when it is an unexported
// channel field of a struct type of pkg, or nil.
func chanFieldVar(pkg *types.Package, f *types.Var) *types.Var {
	if f == nil || f.Exported() || f.Pkg() != pkg {
		return nil
	}
	if _, isChan := f.Type().Underlying().(*types.Chan); !isChan {
		return nil
	}
	return f.Origin()
}

// classifyFieldAddr records the uses of one address of a channel field:
// stores (its initialisation) and loads used as a channel.
func classifyFieldAddr(fn *ssa.Function, fa *ssa.FieldAddr, u *chanField) {
	for _, ref := range *fa.Referrers() {
		switch ref := ref.(type) {
		case *ssa.Store:
			if ref.Addr != fa {
				u.bad = true
			}
		case *ssa.UnOp:
			if ref.Op != token.MUL {
				u.bad = true
				continue
			}
			for _, use := range *ref.Referrers() {
				classifyChanUse(fn, fa, ref, use, u)
			}
		case *ssa.DebugRef:
		default:
			u.bad = true
		}
	}
}

// classifyChanUse records one use of a loaded channel field ch.
func classifyChanUse(fn *ssa.Function, fa *ssa.FieldAddr, ch ssa.Value, use ssa.Instruction, u *chanField) {
	onReceiver := isRecv(fa.X, fn)
	switch use := use.(type) {
	case *ssa.Send:
		if use.Chan != ch || !onReceiver {
			u.bad = true
			return
		}
		u.sends = append(u.sends, use)
	case *ssa.Select:
		for i, st := range use.States {
			if st.Chan != ch {
				continue
			}
			if st.Dir == types.SendOnly {
				if !onReceiver {
					u.bad = true
					return
				}
				u.sends = append(u.sends, use)
				continue
			}
			received(fn, onReceiver, selectRecv(use, i), u)
		}
	case *ssa.UnOp:
		if use.Op != token.ARROW {
			u.bad = true
			return
		}
		var v ssa.Value = use
		if use.CommaOk {
			v = extract(use, 0)
		}
		received(fn, onReceiver, v, u)
	case *ssa.Call:
		if b, ok := use.Call.Value.(*ssa.Builtin); !ok || (b.Name() != "close" && b.Name() != "len" && b.Name() != "cap") {
			u.bad = true
		}
	case *ssa.DebugRef:
	default:
		u.bad = true
	}
}

// received records a receive of v from the channel in fn.
func received(fn *ssa.Function, onReceiver bool, v ssa.Value, u *chanField) {
	if !onReceiver || (u.recvFn != nil && u.recvFn != fn) {
		u.bad = true
		return
	}
	u.recvFn = fn
	if v == nil {
		return // the value received is not used
	}
	called, signals, ok := runsReceived(v)
	if !ok || (u.called != -2 && u.called != called) {
		u.bad = true
		return
	}
	// Every receive must signal for the sender to wait for the task.
	u.signals = signals && (u.called == -2 || u.signals)
	u.called = called
}

// runsReceived reports whether the received value v is only called (a
// function), or, for a struct, only has its fields read, one of them a
// function that is only called: field is that field (-1 for v itself).
// signals says another field is closed or sent on after every call.
func runsReceived(v ssa.Value) (field int, signals, ok bool) {
	if _, isFunc := v.Type().Underlying().(*types.Signature); isFunc {
		return -1, false, onlyCalledValue(v)
	}
	reads, ok := fieldReads(v)
	if !ok {
		return 0, false, false
	}
	field = -1
	var calls, sigs []ssa.Instruction
	for _, r := range reads {
		switch r.v.Type().Underlying().(type) {
		case *types.Signature:
			if !onlyCalledValue(r.v) || (field >= 0 && field != r.field) {
				return 0, false, false
			}
			field = r.field
			calls = append(calls, *r.v.Referrers()...)
		case *types.Chan:
			sigs = append(sigs, signalsOn(r.v)...)
		}
	}
	return field, len(calls) > 0 && followedBy(calls, sigs), field >= 0
}

// followedBy reports whether every call of calls (debug references
// aside) is followed, in its iteration, by one of sigs: the sender that
// waits for the signal waits for the call to return.
func followedBy(calls, sigs []ssa.Instruction) bool {
	for _, c := range calls {
		if _, dbg := c.(*ssa.DebugRef); dbg {
			continue
		}
		if !slices.ContainsFunc(sigs, func(s ssa.Instruction) bool { return goroutine.Dominates(c, s) }) {
			return false
		}
	}
	return true
}

// A fieldRead is the value of a field of a struct, read.
type fieldRead struct {
	field int
	v     ssa.Value
}

// fieldReads returns the reads of the fields of the struct value v, which
// must be used for nothing else: directly (t.fn), or through the local
// variable go/ssa stores it in once (t := <-ch in a select case).
func fieldReads(v ssa.Value) ([]fieldRead, bool) {
	if _, isStruct := v.Type().Underlying().(*types.Struct); !isStruct {
		return nil, false
	}
	var out []fieldRead
	for _, ref := range *v.Referrers() {
		switch ref := ref.(type) {
		case *ssa.Field:
			out = append(out, fieldRead{ref.Field, ref})
		case *ssa.Store:
			local, ok := ref.Addr.(*ssa.Alloc)
			if !ok || local.Heap || ref.Val != v {
				return nil, false
			}
			reads, ok := localFieldReads(local, ref)
			if !ok {
				return nil, false
			}
			out = append(out, reads...)
		case *ssa.DebugRef:
		default:
			return nil, false
		}
	}
	return out, true
}

// localFieldReads returns the loads of the fields of the local struct
// variable local, stored only by store and used for nothing else.
func localFieldReads(local *ssa.Alloc, store *ssa.Store) ([]fieldRead, bool) {
	var out []fieldRead
	for _, ref := range *local.Referrers() {
		switch ref := ref.(type) {
		case *ssa.Store:
			if ref != store {
				return nil, false
			}
		case *ssa.FieldAddr:
			for _, use := range *ref.Referrers() {
				ld, ok := use.(*ssa.UnOp)
				if !ok || ld.Op != token.MUL {
					if _, dbg := use.(*ssa.DebugRef); dbg {
						continue
					}
					return nil, false
				}
				out = append(out, fieldRead{ref.Field, ld})
			}
		case *ssa.DebugRef:
		default:
			return nil, false
		}
	}
	return out, true
}

// onlyCalledValue reports whether the function value v is only called,
// synchronously.
func onlyCalledValue(v ssa.Value) bool {
	refs := v.Referrers()
	if refs == nil || len(*refs) == 0 {
		return false
	}
	for _, ref := range *refs {
		switch ref := ref.(type) {
		case *ssa.Call:
			if ref.Call.Value != v || slices.Contains(ref.Call.Args, v) {
				return false
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// signalsOn returns the instructions that close or send on the channel ch.
func signalsOn(ch ssa.Value) []ssa.Instruction {
	var out []ssa.Instruction
	for _, ref := range *ch.Referrers() {
		switch ref := ref.(type) {
		case *ssa.Send:
			if ref.Chan == ch {
				out = append(out, ref)
			}
		case *ssa.Call:
			if b, ok := ref.Call.Value.(*ssa.Builtin); ok && b.Name() == "close" {
				out = append(out, ref)
			}
		}
	}
	return out
}

// selectRecv returns the value that state i of the select s receives, or
// nil when it is not used.
func selectRecv(s *ssa.Select, i int) ssa.Value {
	n := 0
	for j, st := range s.States {
		if j == i {
			break
		}
		if st.Dir == types.RecvOnly {
			n++
		}
	}
	return extract(s, 2+n)
}

// extract returns the Extract of index i of the tuple v, or nil.
func extract(v ssa.Value, i int) ssa.Value {
	for _, ref := range *v.Referrers() {
		if e, ok := ref.(*ssa.Extract); ok && e.Index == i {
			return e
		}
	}
	return nil
}
