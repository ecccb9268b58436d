package orderflow

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// A loop is a range over a map during the walk of its function.
type loop struct {
	pos     token.Pos
	header  *ssa.BasicBlock // holds the Next
	body    map[*ssa.BasicBlock]bool
	key     ssa.Value // nil when the loop does not use it
	derived map[ssa.Value]bool
	flows   []Flow
	// phis are the header's phis: variables carried from one iteration
	// to the next (counters, the best so far).
	phis []*ssa.Phi
	// guards records, for each body block, the facts that hold in it.
	guards map[*ssa.BasicBlock][]edge
}

// newLoop returns the loop whose header holds next, or nil when it is
// not a range over a map with a body.
func newLoop(fn *ssa.Function, next *ssa.Next) *loop {
	rng, ok := next.Iter.(*ssa.Range)
	if !ok || !isMap(rng.X) || !rng.Pos().IsValid() {
		return nil
	}
	h := next.Block()
	if _, ok := h.Instrs[len(h.Instrs)-1].(*ssa.If); !ok || len(h.Succs) != 2 {
		return nil // the header ends in if ok { body } else { done }
	}
	entry := h.Succs[0]
	l := &loop{
		pos:     rng.Pos(),
		header:  h,
		body:    make(map[*ssa.BasicBlock]bool),
		derived: make(map[ssa.Value]bool),
		guards:  make(map[*ssa.BasicBlock][]edge),
	}
	for _, b := range fn.Blocks {
		if entry.Dominates(b) {
			l.body[b] = true
		}
	}
	for _, in := range h.Instrs {
		if phi, ok := in.(*ssa.Phi); ok {
			l.phis = append(l.phis, phi)
		}
	}
	var seeds []ssa.Value
	for _, r := range *next.Referrers() {
		if ex, ok := r.(*ssa.Extract); ok && ex.Index > 0 {
			seeds = append(seeds, ex)
			if ex.Index == 1 {
				l.key = ex
			}
		}
	}
	l.derive(seeds)
	return l
}

// derive marks the values computed in the body from the seeds: the
// element, and anything computed from it (a field, a call's result, a
// local variable it is stored in).
func (l *loop) derive(seeds []ssa.Value) {
	work := seeds
	for len(work) > 0 {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		if l.derived[v] {
			continue
		}
		l.derived[v] = true
		for _, r := range *v.Referrers() {
			if !l.body[r.Block()] {
				continue
			}
			switch r := r.(type) {
			case *ssa.Store:
				if alloc, ok := r.Addr.(*ssa.Alloc); ok && r.Val == v && l.body[alloc.Block()] {
					work = append(work, alloc) // a variable of the iteration
				}
			case *ssa.Phi:
				if r.Block() != l.header {
					work = append(work, r)
				}
			case ssa.Value:
				switch r.(type) {
				case *ssa.Alloc:
				default:
					work = append(work, r)
				}
			}
		}
	}
}

// block records the flows of body block b, where facts hold.
func (l *loop) block(b *ssa.BasicBlock, facts []edge) {
	l.guards[b] = facts
	for _, in := range b.Instrs {
		switch in := in.(type) {
		case *ssa.MapUpdate:
			l.mapUpdate(in, facts)
		case *ssa.Store:
			if fa, ok := in.Addr.(*ssa.FieldAddr); ok && l.derived[fa.X] && l.counter(in.Val) != nil {
				l.add(Numbered, in.Pos(), name(fa))
			}
		}
	}
}

// mapUpdate records a first-wins build of another map, or a number stored
// per element.
func (l *loop) mapUpdate(mu *ssa.MapUpdate, facts []edge) {
	if !l.derived[mu.Key] {
		return
	}
	if l.counter(mu.Value) != nil {
		l.add(Numbered, mu.Pos(), name(mu.Map))
		return
	}
	if !l.derived[mu.Value] || sameValue(mu.Key, l.key, 0) || !l.merges(mu.Key, 0) || l.onlyFrom(mu.Value, mu.Key, 0) {
		// The key itself is unique, and so, taken as an identity, is a
		// field of the element (obj.address); a set of derived keys, or
		// values computed from the destination alone (a cache of configs
		// loaded per file), are the same whichever entry comes first.
		return
	}
	for _, f := range facts {
		if l.absent(f, mu.Map, mu.Key) && !l.failsWhenPresent(f) {
			l.add(FirstWins, mu.Pos(), name(mu.Map))
			return
		}
	}
}

// absent reports whether fact f says that m has no entry for k: !ok of a
// comma-ok lookup, or m[k] == zero.
func (l *loop) absent(f edge, m, k ssa.Value) bool {
	cond := f.cond
	want := false // the ok of the lookup is false on this edge
	if u, ok := cond.(*ssa.UnOp); ok && u.Op == token.NOT {
		cond, want = u.X, true
	}
	switch c := cond.(type) {
	case *ssa.Extract:
		lk, ok := c.Tuple.(*ssa.Lookup)
		return ok && c.Index == 1 && f.taken == want && sameValue(lk.X, m, 0) && sameValue(lk.Index, k, 0)
	case *ssa.BinOp:
		if c.Op != token.EQL && c.Op != token.NEQ {
			return false
		}
		eq := (c.Op == token.EQL) == (f.taken != want)
		for _, pair := range [][2]ssa.Value{{c.X, c.Y}, {c.Y, c.X}} {
			lk, ok := pair[0].(*ssa.Lookup)
			z, isConst := pair[1].(*ssa.Const)
			if ok && !lk.CommaOk && isConst && z.IsNil() || ok && isConst && isZero(z) {
				return eq && sameValue(lk.X, m, 0) && sameValue(lk.Index, k, 0)
			}
		}
	}
	return false
}

func isZero(c *ssa.Const) bool {
	return c.Value == nil || c.Value.ExactString() == "0" || c.Value.ExactString() == `""` || c.Value.ExactString() == "false"
}

// counter returns the header phi that v is computed from, when that phi is
// a counter of the loop (n = n + 1 on the way back to the header), or nil.
func (l *loop) counter(v ssa.Value) *ssa.Phi {
	for range 4 {
		switch x := v.(type) {
		case *ssa.Phi:
			if x.Block() == l.header && l.isCounter(x) {
				return x
			}
			return nil
		case *ssa.Convert:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.BinOp:
			if _, ok := x.Y.(*ssa.Const); !ok {
				return nil
			}
			v = x.X
		default:
			return nil
		}
	}
	return nil
}

// isCounter reports whether header phi p is incremented by a constant on
// every path back to the header that changes it.
func (l *loop) isCounter(p *ssa.Phi) bool {
	found := false
	for i, e := range p.Edges {
		if !l.body[l.header.Preds[i]] || e == p {
			continue
		}
		if !l.incrementOf(e, p, 0) {
			return false
		}
		found = true
	}
	return found
}

func (l *loop) incrementOf(e ssa.Value, p *ssa.Phi, depth int) bool {
	if depth > 4 {
		return false
	}
	switch x := e.(type) {
	case *ssa.BinOp:
		_, isConst := x.Y.(*ssa.Const)
		return x.Op == token.ADD && x.X == p && isConst
	case *ssa.Phi:
		for _, y := range x.Edges {
			if y != p && !l.incrementOf(y, p, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

func (l *loop) add(k Kind, pos token.Pos, target string) {
	for _, f := range l.flows {
		if f.Kind == k && f.Pos == pos {
			return
		}
	}
	l.flows = append(l.flows, Flow{Kind: k, Pos: pos, Target: target})
}

// sameValue reports whether a and b compute the same value: the same SSA
// value, or the same operation on the same operands (dst[f(k)] written and
// read with two calls of f).
func sameValue(a, b ssa.Value, depth int) bool {
	if a == b {
		return true
	}
	if a == nil || b == nil || depth > 4 || !types.Identical(a.Type(), b.Type()) {
		return false
	}
	switch x := a.(type) {
	case *ssa.UnOp:
		y, ok := b.(*ssa.UnOp)
		return ok && x.Op == y.Op && sameValue(x.X, y.X, depth+1)
	case *ssa.FieldAddr:
		y, ok := b.(*ssa.FieldAddr)
		return ok && x.Field == y.Field && sameValue(x.X, y.X, depth+1)
	case *ssa.Field:
		y, ok := b.(*ssa.Field)
		return ok && x.Field == y.Field && sameValue(x.X, y.X, depth+1)
	case *ssa.Convert:
		y, ok := b.(*ssa.Convert)
		return ok && sameValue(x.X, y.X, depth+1)
	case *ssa.ChangeType:
		y, ok := b.(*ssa.ChangeType)
		return ok && sameValue(x.X, y.X, depth+1)
	case *ssa.MakeInterface:
		y, ok := b.(*ssa.MakeInterface)
		return ok && sameValue(x.X, y.X, depth+1)
	case *ssa.BinOp:
		y, ok := b.(*ssa.BinOp)
		return ok && x.Op == y.Op && sameValue(x.X, y.X, depth+1) && sameValue(x.Y, y.Y, depth+1)
	case *ssa.Const:
		y, ok := b.(*ssa.Const)
		return ok && x.Value != nil && y.Value != nil && x.Value.ExactString() == y.Value.ExactString()
	case *ssa.Call:
		y, ok := b.(*ssa.Call)
		if !ok || x.Call.IsInvoke() != y.Call.IsInvoke() || x.Call.Method != y.Call.Method ||
			!sameValue(x.Call.Value, y.Call.Value, depth+1) || len(x.Call.Args) != len(y.Call.Args) {
			return false
		}
		for i := range x.Call.Args {
			if !sameValue(x.Call.Args[i], y.Call.Args[i], depth+1) {
				return false
			}
		}
		return true
	case *ssa.Function:
		return x == b
	case *ssa.Builtin:
		y, ok := b.(*ssa.Builtin)
		return ok && x.Name() == y.Name() // len(k) twice is one value
	}
	return false
}

// name returns how the source names v, the target of a flow: a variable,
// a parameter, a global, or a field of one of them.
func name(v ssa.Value) string {
	switch x := v.(type) {
	case *ssa.Parameter, *ssa.Global, *ssa.FreeVar:
		return x.Name()
	case *ssa.Alloc:
		return x.Comment
	case *ssa.Phi:
		return x.Comment
	case *ssa.UnOp:
		if x.Op == token.MUL {
			return name(x.X)
		}
	case *ssa.FieldAddr:
		if s, ok := x.X.Type().Underlying().(*types.Pointer); ok {
			if st, ok := s.Elem().Underlying().(*types.Struct); ok {
				if base := name(x.X); base != "" {
					return base + "." + st.Field(x.Field).Name()
				}
				return st.Field(x.Field).Name()
			}
		}
	}
	return ""
}

// onlyFrom reports whether v is computed from key and from values that do
// not depend on the element: key itself, or a call, conversion or
// extraction whose element-derived operands are all onlyFrom key.
func (l *loop) onlyFrom(v, key ssa.Value, depth int) bool {
	if sameValue(v, key, 0) {
		return true
	}
	if depth > 4 {
		return false
	}
	in, ok := v.(ssa.Instruction)
	if !ok {
		return false
	}
	switch v.(type) {
	case *ssa.Call, *ssa.Extract, *ssa.Convert, *ssa.ChangeType, *ssa.MakeInterface, *ssa.UnOp:
	default:
		return false
	}
	found := false
	for _, op := range in.Operands(nil) {
		if *op == nil {
			continue
		}
		switch (*op).(type) {
		case *ssa.Const, *ssa.Function, *ssa.Global, *ssa.Builtin:
			continue
		}
		if !l.derived[*op] {
			continue // not from the element: the same for every entry
		}
		if !l.onlyFrom(*op, key, depth+1) {
			return false
		}
		found = true
	}
	return found
}

// failsWhenPresent reports whether the branch of fact f's condition where
// the entry is present never comes back to the loop (it returns an error
// or panics): a check that destinations are unique, not a first-wins
// build (if _, ok := seen[addr]; ok { return errDuplicate }).
func (l *loop) failsWhenPresent(f edge) bool {
	ifs, ok := f.cond.(ssa.Instruction)
	if !ok {
		return false
	}
	var b *ssa.BasicBlock
	for _, r := range *f.cond.Referrers() {
		if i, ok := r.(*ssa.If); ok && i.Cond == f.cond {
			b = i.Block()
		}
	}
	if b == nil || ifs == nil {
		return false
	}
	present := b.Succs[0]
	if f.taken {
		present = b.Succs[1]
	}
	seen := map[*ssa.BasicBlock]bool{}
	work := []*ssa.BasicBlock{present}
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[x] {
			continue
		}
		seen[x] = true
		if x == l.header || l.header == nil && len(x.Succs) == 0 && returnsTrue(x) {
			return false
		}
		work = append(work, x.Succs...)
	}
	return true
}

// returnsTrue reports whether block b of a yield function returns true
// (the loop goes on).
func returnsTrue(b *ssa.BasicBlock) bool {
	ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
	if !ok || len(ret.Results) != 1 {
		return false
	}
	c, ok := ret.Results[0].(*ssa.Const)
	return ok && isTrue(c)
}

// merges reports whether destination key k is computed from the element
// by an operation that can map several elements to one value (a call such
// as strings.ToLower or filepath.Base, arithmetic), rather than read from
// it (a field, a conversion), which code treats as the element's identity.
func (l *loop) merges(k ssa.Value, depth int) bool {
	if depth > 6 || !l.derived[k] {
		return false
	}
	switch x := k.(type) {
	case *ssa.Call, *ssa.BinOp:
		return true
	case *ssa.UnOp:
		return l.merges(x.X, depth+1)
	case *ssa.FieldAddr:
		return l.merges(x.X, depth+1)
	case *ssa.Field:
		return l.merges(x.X, depth+1)
	case *ssa.Convert:
		return l.merges(x.X, depth+1)
	case *ssa.ChangeType:
		return l.merges(x.X, depth+1)
	case *ssa.MakeInterface:
		return l.merges(x.X, depth+1)
	case *ssa.Extract:
		return l.merges(x.Tuple, depth+1)
	case *ssa.Phi:
		for _, e := range x.Edges {
			if l.merges(e, depth+1) {
				return true
			}
		}
	}
	return false
}
