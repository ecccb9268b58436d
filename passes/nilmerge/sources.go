package nilmerge

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/mapid"
)

// This file recognises the nil sources other than nil constants: struct
// fields that nothing assigns, package variables that nothing assigns, the
// inner maps of a map of maps that nothing fills, and helpers that return
// nil (summaries here, facts in fact.go).

// pkgWrites records, for the whole package, which struct fields and package
// variables are ever assigned or have their address taken.
type pkgWrites struct {
	setFields  map[*types.Var]bool
	setGlobals map[*ssa.Global]bool
	converted  map[*types.TypeName]bool      // struct types made by conversion from another type
	created    map[*types.TypeName]token.Pos // first allocation of a struct type
}

// scanWrites scans every function of the package, including the package
// initializer (which holds the initializers of package variables).
func scanWrites(pass *analysis.Pass, s *buildssa.SSA) *pkgWrites {
	w := &pkgWrites{
		setFields:  make(map[*types.Var]bool),
		setGlobals: make(map[*ssa.Global]bool),
		converted:  make(map[*types.TypeName]bool),
		created:    make(map[*types.TypeName]token.Pos),
	}
	funcs := append([]*ssa.Function(nil), s.SrcFuncs...)
	if init := s.Pkg.Func("init"); init != nil {
		// The initializer and every function literal inside a package
		// variable's initializer, however deeply nested (ginkgo's
		// var _ = Describe(..., func() { BeforeEach(func() { v = &T{...} }) })).
		var add func(fn *ssa.Function)
		add = func(fn *ssa.Function) {
			funcs = append(funcs, fn)
			for _, anon := range fn.AnonFuncs {
				add(anon)
			}
		}
		add(init)
	}
	var ops []*ssa.Value
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch instr := instr.(type) {
				case *ssa.FieldAddr:
					if f := fieldOf(instr.X.Type(), instr.Field); f != nil && !mapid.OnlyLoaded(instr) {
						w.setFields[f] = true
					}
				case *ssa.ChangeType:
					w.noteConversion(instr.X.Type(), instr.Type())
				case *ssa.Convert:
					w.noteConversion(instr.X.Type(), instr.Type())
				case *ssa.Alloc:
					if tn := structName(instr.Type()); tn != nil && instr.Pos().IsValid() && !copied(instr) {
						if p, ok := w.created[tn]; !ok || instr.Pos() < p {
							w.created[tn] = instr.Pos()
						}
					}
				}
				ops = instr.Operands(ops[:0])
				for i, op := range ops {
					g, ok := (*op).(*ssa.Global)
					if !ok {
						continue
					}
					if u, ok := instr.(*ssa.UnOp); ok && u.Op == token.MUL && i == 0 {
						continue // a load
					}
					w.setGlobals[g] = true
				}
			}
		}
	}
	return w
}

func (w *pkgWrites) noteConversion(from, to types.Type) {
	if tn := structName(to); tn != nil && structName(from) != tn {
		w.converted[tn] = true
	}
}

// copied reports whether a whole value is stored into al: a copy (such as
// the spill of a value receiver), not the creation of a new value.
func copied(al *ssa.Alloc) bool {
	for _, ref := range *al.Referrers() {
		if st, ok := ref.(*ssa.Store); ok && st.Addr == al {
			return true
		}
	}
	return false
}

// structName returns the named struct type that t is or points to.
func structName(t types.Type) *types.TypeName {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return nil
	}
	if _, ok := n.Underlying().(*types.Struct); !ok {
		return nil
	}
	return n.Origin().Obj()
}

// fieldOf returns field i of the struct that ptr points to.
func fieldOf(ptr types.Type, i int) *types.Var {
	p, ok := ptr.Underlying().(*types.Pointer)
	if !ok {
		return nil
	}
	st, ok := p.Elem().Underlying().(*types.Struct)
	if !ok || i >= st.NumFields() {
		return nil
	}
	return st.Field(i).Origin()
}

// loadSource returns the origin of the nil that load v reads, when the
// location is never assigned: a field of a local struct value that nothing
// sets, an unexported field of a package type that nothing in the package
// ever assigns, or an unexported package variable declared without a value
// and never assigned. Only unexported names qualify, since no other package
// can assign them.
func (a *checker) loadSource(v *ssa.UnOp) *origin {
	if v.Op != token.MUL || !isMapLike(v.Type()) {
		return nil
	}
	switch x := v.X.(type) {
	case *ssa.FieldAddr:
		f := fieldOf(x.X.Type(), x.Field)
		if f == nil {
			return nil
		}
		if al, ok := x.X.(*ssa.Alloc); ok && allocFieldNeverSet(al, x.Field) {
			return &origin{pos: al.Pos(), why: fmt.Sprintf("field %s left unset by the value created", f.Name()), kind: fromField}
		}
		tn := structName(x.X.Type())
		if tn == nil || f.Pkg() != a.pass.Pkg || tn.Pkg() != a.pass.Pkg ||
			a.pkgInfo.setFields[f] || a.pkgInfo.converted[tn] {
			return nil
		}
		if f.Exported() {
			return a.exportedFieldSource(tn, f)
		}
		if pos, ok := a.pkgInfo.created[tn]; ok {
			return &origin{pos: pos, why: fmt.Sprintf("field %s is never assigned, and %s is created without it", f.Name(), tn.Name()), kind: fromField}
		}
		return &origin{pos: f.Pos(), why: fmt.Sprintf("field %s of %s is never assigned", f.Name(), tn.Name()), kind: fromField}
	case *ssa.Global:
		obj := x.Object()
		if obj == nil || obj.Exported() || x.Pkg.Pkg != a.pass.Pkg || a.pkgInfo.setGlobals[x] {
			return nil
		}
		return &origin{pos: x.Pos(), why: fmt.Sprintf("package variable %s is declared without make and never assigned", obj.Name()), kind: fromGlobal}
	}
	return nil
}

// allocFieldNeverSet reports whether field i of the local (or new) struct al
// keeps its zero value: al is only used to address its fields or be copied,
// field i is only read, and a whole value stored into al is the zero value
// or a copy of a literal that leaves field i out (cfg := T{A: a}).
func allocFieldNeverSet(al *ssa.Alloc, i int) bool {
	return allocFieldUnset(al, i, 0)
}

func allocFieldUnset(al *ssa.Alloc, i, depth int) bool {
	for _, ref := range *al.Referrers() {
		switch ref := ref.(type) {
		case *ssa.FieldAddr:
			if ref.Field == i && !mapid.OnlyLoaded(ref) {
				return false
			}
		case *ssa.UnOp:
			if ref.Op != token.MUL {
				return false
			}
		case *ssa.Store:
			if ref.Addr != al || depth > 2 {
				return false
			}
			switch v := ref.Val.(type) {
			case *ssa.Const:
			case *ssa.UnOp:
				from, ok := v.X.(*ssa.Alloc)
				if !ok || v.Op != token.MUL || !allocFieldUnset(from, i, depth+1) {
					return false
				}
			default:
				return false
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// innerSource returns the origin of the nil read by lookup from a map of
// maps that is never filled: a map made in this function whose only uses are
// lookups, ranges and len. Any store into it, or any other use (passing it
// on, storing it), makes the lookup trusted.
func (a *checker) innerSource(lookup *ssa.Lookup) *origin {
	mm, ok := lookup.X.(*ssa.MakeMap)
	if !ok {
		return nil
	}
	for _, ref := range *mm.Referrers() {
		switch ref := ref.(type) {
		case *ssa.Lookup:
			if ref.X != mm {
				return nil
			}
		case *ssa.Range, *ssa.DebugRef, *ssa.Return:
			// Returning the map does not fill it.
		case *ssa.Call:
			if !isBuiltin(ref.Call.Value, "len") {
				return nil
			}
		default:
			return nil
		}
	}
	return &origin{pos: mm.Pos(), why: "nothing stores into the outer map made", kind: fromInner}
}

// failedAssert returns the origin of the nil that the value of the comma-ok
// type assertion t holds when it fails (m, ok := x.(map[K]V) leaves m nil
// then), on the path where its ok, if the program keeps it, is false.
func failedAssert(t *ssa.TypeAssert, facts []fact) (*origin, []fact) {
	if !t.CommaOk || !isMapLike(t.AssertedType) {
		return nil, nil
	}
	if ok := extractOf(t, 1); ok != nil {
		facts = append(facts[:len(facts):len(facts)], fact{ok, isFalse})
		if !consistent(facts) {
			return nil, nil
		}
	}
	return &origin{pos: t.Pos(), why: "left nil by the type assertion when it fails", kind: fromAssert}, facts
}

// extractOf returns the Extract of result index of the tuple v, or nil when
// the program does not use that result.
func extractOf(v ssa.Value, index int) *ssa.Extract {
	refs := v.Referrers()
	if refs == nil {
		return nil
	}
	for _, r := range *refs {
		if e, ok := r.(*ssa.Extract); ok && e.Index == index {
			return e
		}
	}
	return nil
}

// A nilPath is a return statement that can return nil for one result.
type nilPath struct {
	result  int
	pos     token.Pos
	conds   []paramCond // on the function's parameters, for the nil to be returned
	withErr bool        // returned beside a non-nil error: see callSource
	withOk  bool        // returned beside a boolean that is not the constant true: see callSource
}

// A summary lists the nil returns of a function of this package.
type summary struct {
	paths []nilPath
}

// summarize returns the nil returns of fn: a return of a nil map for a
// result, in any position, on a feasible path. A nil returned with a false
// ok is the caller's to check: it is kept, marked withOk, and counts only
// at a call that drops the ok (m, _ := get()) or whose ok the path to the
// write has found false; the conditions the ok reports (the failed type
// assertion it comes from) are not the caller's to meet. One returned with
// an error is kept, marked withErr, and counts only at a call whose error
// the path to the write has found non-nil (an error branch that does not
// leave). A
// map a decoder left nil is a plain nil even beside its error: the decoder
// returns no error for empty input. The conditions of the path on the
// parameters are kept (see paramCond); a path that depends on them in other
// ways is dropped. Recursive calls are assumed not to return nil.
func (a *checker) summarize(fn *ssa.Function) *summary {
	if s, ok := a.sums[fn]; ok {
		if s == nil {
			return &summary{}
		}
		return s
	}
	a.sums[fn] = nil
	s := &summary{}
	res := fn.Signature.Results()
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || a.dead(b) {
			continue
		}
		for i, rv := range ret.Results {
			if !isMapLike(res.At(i).Type()) {
				continue
			}
			withErr, withOk := othersAllow(ret, i)
			if s.has(i, false, withOk) || withErr && s.has(i, true, withOk) {
				continue
			}
			if p, ok := a.nilReturn(fn, b, ret, i, rv); ok {
				p.withErr = withErr && p.withErr
				p.withOk = withOk
				if !s.has(i, p.withErr, p.withOk) {
					s.paths = append(s.paths, p)
				}
			}
		}
	}
	a.sums[fn] = s
	return s
}

// nilReturn returns the nil path of result i of ret, when rv may be nil.
// Its withErr is true unless the nil comes from a decoder.
func (a *checker) nilReturn(fn *ssa.Function, b *ssa.BasicBlock, ret *ssa.Return, i int, rv ssa.Value) (nilPath, bool) {
	if writtenBefore(rv, b) {
		return nilPath{}, false // the write would have panicked first
	}
	facts := domFacts(a, b)
	if !consistent(facts) {
		return nilPath{}, false
	}
	o, pf := a.search(rv, facts, &searchState{onPath: make(map[*ssa.Phi]bool)})
	if o == nil {
		return nilPath{}, false
	}
	conds, ok := paramConds(reportedByOk(pf, ret, o), fn, true)
	if !ok {
		return nilPath{}, false
	}
	pos := ret.Pos()
	if !pos.IsValid() {
		pos = o.pos
	}
	if !pos.IsValid() {
		pos = fn.Pos()
	}
	return nilPath{result: i, pos: pos, conds: conds, withErr: o.kind != fromDecode}, true
}

// writtenBefore reports whether a write into v dominates block b: v is
// not nil in b, or the write would have panicked.
func writtenBefore(v ssa.Value, b *ssa.BasicBlock) bool {
	refs := v.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		if u, ok := r.(*ssa.MapUpdate); ok && u.Map == v && u.Block().Dominates(b) {
			return true
		}
	}
	return false
}

func (s *summary) has(i int, withErr, withOk bool) bool {
	for _, p := range s.paths {
		if p.result == i && p.withErr == withErr && p.withOk == withOk {
			return true
		}
	}
	return false
}

// othersAllow says how callers must expect a nil map in result i of ret:
// beside an error result that is not known nil (withErr), beside a boolean
// that is not the constant true (withOk: the comma-ok form). Other results
// do not matter: a function may return a made map and a nil one.
func othersAllow(ret *ssa.Return, i int) (withErr, withOk bool) {
	errType := types.Universe.Lookup("error").Type()
	for j, r := range ret.Results {
		if j == i {
			continue
		}
		c, isConst := r.(*ssa.Const)
		switch {
		case types.Identical(r.Type(), errType):
			if !isConst || !c.IsNil() {
				withErr = true
			}
		case apis.IsBool(r.Type()):
			if !isConst || c.Value == nil || !constant.BoolVal(c.Value) {
				withOk = true
			}
		}
	}
	return withErr, withOk
}

// reportedByOk leaves out of pf the facts about a failed comma-ok type
// assertion (its value nil, its ok false) whose ok ret returns: the
// function reports that condition to its callers, who are the ones to test
// it (callSource counts the nil where they do not).
func reportedByOk(pf []fact, ret *ssa.Return, o *origin) []fact {
	if o.kind != fromAssert {
		return pf
	}
	var assert *ssa.TypeAssert
	for _, r := range ret.Results {
		if e, ok := r.(*ssa.Extract); ok && e.Index == 1 {
			if t, ok := e.Tuple.(*ssa.TypeAssert); ok && t.CommaOk {
				assert = t
			}
		}
	}
	if assert == nil {
		return pf
	}
	out := make([]fact, 0, len(pf))
	for _, f := range pf {
		if e, ok := f.v.(*ssa.Extract); ok && e.Tuple == ssa.Value(assert) {
			continue
		}
		out = append(out, f)
	}
	return out
}

func dependsOnParam(v ssa.Value, depth int, seen map[ssa.Value]bool) bool {
	switch v.(type) {
	case *ssa.Parameter, *ssa.FreeVar:
		return true
	case *ssa.Const, *ssa.Global, *ssa.Function, *ssa.Builtin:
		return false
	}
	if seen[v] {
		return false
	}
	seen[v] = true
	if depth == 0 {
		return true // too deep to tell: assume it does
	}
	instr, ok := v.(ssa.Instruction)
	if !ok {
		return true
	}
	for _, op := range instr.Operands(nil) {
		if *op != nil && dependsOnParam(*op, depth-1, seen) {
			return true
		}
	}
	return false
}

// callSource returns the origin of a nil that result index of call may be:
// the callee, in this package or (through its ReturnsNil fact) in another,
// has a nil return for it whose conditions on the parameters the call's
// arguments may satisfy under facts.
func (a *checker) callSource(call *ssa.Call, index int, facts []fact, st *searchState) *origin {
	callee := apis.StaticCallee(call.Common())
	if callee == nil {
		return nil
	}
	obj, _ := callee.Object().(*types.Func)
	if callee.Pkg != nil && callee.Pkg.Pkg == a.pass.Pkg {
		if len(callee.Blocks) == 0 {
			return nil
		}
		for _, p := range a.summarize(callee).paths {
			if p.result == index && (!p.withErr || errTaken(call, facts)) && (!p.withOk || okDropped(call, facts)) && a.satisfiable(p.conds, call.Call.Args, facts, st) {
				return &origin{pos: p.pos, why: fmt.Sprintf("returned by %s, which returns nil%s", callee.Name(), withOkText(p.withOk)), kind: fromCall}
			}
		}
		return nil
	}
	if obj == nil {
		return nil
	}
	var f ReturnsNil
	if !a.pass.ImportObjectFact(obj, &f) {
		return nil
	}
	for _, p := range f.Paths {
		conds, ok := p.decode()
		if p.Result == index && ok && (!p.WithErr || errTaken(call, facts)) && (!p.WithOk || okDropped(call, facts)) && a.satisfiable(conds, call.Call.Args, facts, st) {
			return &origin{at: p.At, call: call.Pos(), why: fmt.Sprintf("returned by %s, which returns nil%s", funcName(obj), withOkText(p.WithOk)), kind: fromCall}
		}
	}
	return nil
}

// withOkText is what a message adds for a nil returned with a false ok.
func withOkText(withOk bool) string {
	if withOk {
		return " with a false ok"
	}
	return ""
}

// okDropped reports whether the program cannot have tested the boolean
// results of call before the write: it drops them (m, _ := get()), or
// facts say one of them is false (the path went through the branch that
// found it false and did not leave).
func okDropped(call *ssa.Call, facts []fact) bool {
	res := call.Call.Signature().Results()
	for j := range res.Len() {
		if !apis.IsBool(res.At(j).Type()) {
			continue
		}
		e := extractOf(call, j)
		if e == nil {
			continue
		}
		if refs := e.Referrers(); refs == nil || len(*refs) == 0 {
			continue
		}
		for _, f := range facts {
			if f.v == ssa.Value(e) && f.k == isFalse {
				return true
			}
		}
		return false
	}
	return true
}

// errTaken reports whether facts say that an error result of call is
// non-nil: the path to the write went through the error branch and did not
// leave it.
func errTaken(call *ssa.Call, facts []fact) bool {
	errType := types.Universe.Lookup("error").Type()
	for _, ref := range *call.Referrers() {
		e, ok := ref.(*ssa.Extract)
		if !ok || !types.Identical(e.Type(), errType) {
			continue
		}
		for _, f := range facts {
			if f.v == ssa.Value(e) && f.k == nonNil {
				return true
			}
		}
	}
	return false
}

// funcName names a function of another package as pkg.F or pkg.T.M.
func funcName(f *types.Func) string {
	name := f.Name()
	if recv := f.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			name = n.Obj().Name() + "." + name
		}
	}
	if f.Pkg() != nil {
		name = f.Pkg().Name() + "." + name
	}
	return name
}
