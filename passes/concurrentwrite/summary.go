package concurrentwrite

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/goroutine"
	"github.com/maplint/maplint/internal/lockset"
	"github.com/maplint/maplint/internal/mapid"
)

// What a goroutine reaches is computed from per-function summaries: the
// accesses a function and its callees make, with their maps named in the
// function's own frame (its parameters, receiver, free variables' bindings
// and globals), each with the "locked on the way" and "spawned" bits. A
// summary is computed once, bottom-up over the strongly connected
// components of the call graph (a cycle is summarised together, until its
// summaries stop growing), and instantiated at a spawn by substituting the
// values the spawn binds to the parameters, as each call site substitutes
// its arguments for its callee's parameters on the way up.

// An sitem is one entry of a summary: an access, or a call of a function
// value held in a parameter of the summarised function (resolved where the
// caller binds the parameter, as targetsOf does through an env).
type sitem struct {
	a       *access
	id      mapid.ID
	base    mapid.Ref
	locked  bool
	spawned bool
	call    *ssa.Call      // a call of the function value in param
	param   *ssa.Parameter // the parameter call calls
	owner   *ssa.Function  // the function that makes call
}

// A summary is what a function and its callees access.
type summary struct {
	items []sitem
	// sends holds the channel fields the function and its callees send
	// on or close (see sendFields).
	sends map[*types.Var]bool
	seen  map[skey]bool
	// frame is the function summarised (nil for a spawn's instance):
	// an access named by one of its own instructions is a map of one
	// activation, which no goroutine reaching it from outside shares,
	// and is left out; so is one named by a parameter of dead, the
	// callee being instantiated, that its call left unbound.
	frame, dead *ssa.Function
}

// An skey identifies an access item, to keep one copy of each.
type skey struct {
	a               *access
	id              mapid.ID
	root            ssa.Value
	path            string
	locked, spawned bool
}

// maxRounds bounds how often the summaries of a cycle are recomputed: an
// access whose map's name grows on every trip around the cycle (f(n)
// writing n.m and calling g(n.next), which calls f) would grow without end.
const maxRounds = 8

// summaries computes and holds the summaries of a package's functions.
type summaries struct {
	ck    *checker
	byFn  map[*ssa.Function][]*access
	sums  map[*ssa.Function]*summary
	index map[*ssa.Function]int
	low   map[*ssa.Function]int
	stack []*ssa.Function
	on    map[*ssa.Function]bool
	next  int
	out   map[*ssa.Function][]*ssa.Function // edges, see edges
	// A variant (see variant.go) shares base's summaries of the
	// functions that reach neither skip nor a call that pin resolves
	// (hits holds those that do); base keeps its variants.
	base     *summaries
	skip     *ssa.Function
	pin      *pin
	hits     map[*ssa.Function]bool
	withouts map[*ssa.Function]*summaries
	pins     []*summaries
}

func newSummaries(ck *checker, byFn map[*ssa.Function][]*access) *summaries {
	return &summaries{
		ck: ck, byFn: byFn,
		sums:  make(map[*ssa.Function]*summary),
		index: make(map[*ssa.Function]int),
		low:   make(map[*ssa.Function]int),
		on:    make(map[*ssa.Function]bool),
		out:   make(map[*ssa.Function][]*ssa.Function),
	}
}

// of returns the summary of fn, computing it and its callees' first.
func (s *summaries) of(fn *ssa.Function) *summary {
	if _, ok := s.index[fn]; !ok {
		s.visit(fn)
	}
	return s.sums[fn]
}

// visit is Tarjan's algorithm: it summarises each component once all
// the components it calls are summarised.
func (s *summaries) visit(fn *ssa.Function) {
	s.index[fn], s.low[fn] = s.next, s.next
	s.next++
	s.stack = append(s.stack, fn)
	s.on[fn] = true
	s.out[fn] = s.edges(fn)
	for _, g := range s.out[fn] {
		if _, ok := s.index[g]; !ok {
			s.visit(g)
			s.low[fn] = min(s.low[fn], s.low[g])
		} else if s.on[g] {
			s.low[fn] = min(s.low[fn], s.index[g])
		}
	}
	if s.low[fn] != s.index[fn] {
		return
	}
	var scc []*ssa.Function
	for {
		g := s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
		s.on[g] = false
		scc = append(scc, g)
		if g == fn {
			break
		}
	}
	s.summarise(scc)
	for _, g := range scc {
		delete(s.out, g) // no longer needed once its component is done
	}
}

// summarise computes the summaries of the component scc: once for a
// function alone (its calls of itself are not followed), and for a cycle
// again until no summary grows, at most maxRounds times.
func (s *summaries) summarise(scc []*ssa.Function) {
	if s.base != nil && s.reuse(scc) {
		return
	}
	for _, fn := range scc {
		s.sums[fn] = &summary{}
	}
	for round := 0; round < maxRounds; round++ {
		grew := false
		for _, fn := range scc {
			if fn == s.skip {
				continue // left out: its summary stays empty
			}
			sum := s.build(fn, nil)
			grew = grew || len(sum.items) > len(s.sums[fn].items)
			s.sums[fn] = sum
		}
		if !grew || len(scc) == 1 {
			break
		}
	}
	for _, fn := range scc {
		s.sums[fn].seen = nil
	}
}

// edges returns the functions whose summaries fn's summary is made of:
// the targets of its calls and defers, and the functions it passes as
// arguments (which a callee calling its parameter runs).
func (s *summaries) edges(fn *ssa.Function) []*ssa.Function {
	r := s.ck.lp.Result(fn)
	if r == nil {
		return nil
	}
	var out []*ssa.Function
	add := func(g *ssa.Function) {
		if g != nil && g != fn && s.ck.lp.Result(g) != nil {
			out = append(out, g)
		}
	}
	r.Each(func(instr ssa.Instruction, _ lockset.Set) {
		var cc *ssa.CallCommon
		switch c := instr.(type) {
		case *ssa.Call:
			for _, t := range s.targets(&c.Call, nil) {
				add(t.fn)
			}
			cc = &c.Call
		case *ssa.Defer:
			add(apis.StaticCallee(&c.Call))
			cc = &c.Call
		default:
			return
		}
		for _, a := range cc.Args {
			add(funcValue(a))
		}
	})
	return out
}

// funcValue returns the function that calling v runs, as targetsOf resolves
// a parameter's value.
func funcValue(v ssa.Value) *ssa.Function {
	switch v.(type) {
	case *ssa.FreeVar, *ssa.Alloc:
		v = mapid.StoredOnce(v)
	}
	fn, bound := goroutine.Target(v)
	if len(bound) > 0 {
		return nil
	}
	return fn
}

// build computes fn's summary from its accesses and its callees' current
// summaries, in the order of a walk of the call tree: fn's accesses, then
// each call's in turn. With keep, only fn's instructions for which keep
// holds count (see waitdone.go); its callees' summaries are whole.
func (s *summaries) build(fn *ssa.Function, keep func(ssa.Instruction) bool) *summary {
	sum := &summary{seen: make(map[skey]bool), frame: fn}
	for _, a := range s.byFn[fn] {
		if keep != nil && !keep(a.Instr) {
			continue
		}
		id, base, ok := accIn(a, nil)
		if ok {
			sum.add(sitem{a: a, id: id, base: base, locked: a.held.Len() > 0 || a.may.Len() > 0})
		}
	}
	sum.addSends(ownSends(fn))
	r := s.ck.lp.Result(fn)
	if r == nil {
		return sum
	}
	r.Each(func(instr ssa.Instruction, held lockset.Set) {
		if keep != nil && !keep(instr) {
			return
		}
		var ts []target
		var lk, spawned bool
		switch c := instr.(type) {
		case *ssa.Call:
			// A lock held on some path to the call protects the callee
			// as far as this pass is concerned (conditional locking).
			lk = held.Len() > 0 || r.MayHold(instr).Len() > 0
			spawned = goroutine.IsSpawnCall(c)
			if p := paramCallee(c); p != nil {
				sum.items = append(sum.items, sitem{call: c, param: p, owner: fn, locked: lk, spawned: spawned})
				return
			}
			ts = s.targets(&c.Call, nil)
		case *ssa.Defer:
			// A deferred helper runs at return, with the locks held
			// then (defer r.remove(id) in a worker).
			dh, _ := r.DeferHeld(c)
			lk = dh.Len() > 0
			if callee := apis.StaticCallee(&c.Call); callee != nil {
				ts = []target{{callee, c.Call.Args}}
			}
		}
		for _, t := range ts {
			if t.fn == fn {
				continue
			}
			s.apply(sum, t, lk, spawned)
		}
	})
	return sum
}

// apply adds to sum the summary of the call target t, instantiated with
// t's arguments, under the call's lock and spawn bits.
func (s *summaries) apply(sum *summary, t target, locked, spawned bool) {
	callee := s.sums[t.fn] // computed, or in progress in the same cycle
	if callee == nil || s.ck.lp.Result(t.fn) == nil || len(t.args) != len(t.fn.Params) {
		return
	}
	b := make(map[*ssa.Parameter]ssa.Value, len(t.fn.Params))
	for i, p := range t.fn.Params {
		if t.args[i] != nil {
			b[p] = t.args[i]
		}
	}
	dead := sum.dead
	sum.dead = t.fn
	s.instantiate(sum, callee, b, locked, spawned)
	sum.dead = dead
}

// instantiate adds the items of callee to sum, their maps named through
// the bindings b of the callee's parameters, and its calls of parameters
// resolved to the functions b binds them to.
func (s *summaries) instantiate(sum, callee *summary, b map[*ssa.Parameter]ssa.Value, locked, spawned bool) {
	sum.addSends(callee.sends)
	for _, it := range callee.items {
		if it.call == nil {
			id, base, ok := substitute(it, b)
			if ok {
				sum.add(sitem{a: it.a, id: id, base: base, locked: locked || it.locked, spawned: spawned || it.spawned})
			}
			continue
		}
		v := b[it.param]
		if v == nil {
			continue
		}
		// The function value is resolved in the callee's frame, then
		// what it reaches is carried up through b like the callee's own.
		inner := &summary{seen: make(map[skey]bool)}
		for _, t := range s.targets(&it.call.Call, &env{bind: map[*ssa.Parameter]ssa.Value{it.param: v}}) {
			if t.fn != it.owner && s.sums[t.fn] == nil && len(s.stack) == 0 {
				s.of(t.fn)
			}
			if t.fn != it.owner {
				s.apply(inner, t, it.locked, it.spawned)
			}
		}
		s.instantiate(sum, inner, b, locked, spawned)
	}
}

// substitute names the map of the access item it in the caller's frame,
// given the values b bound to the callee's parameters (what idIn and refIn
// do through an env).
func substitute(it sitem, b map[*ssa.Parameter]ssa.Value) (mapid.ID, mapid.Ref, bool) {
	if it.id.Kind == mapid.Param {
		if v := b[it.id.Site.(*ssa.Parameter)]; v != nil {
			id, base, ok := idIn(v, nil)
			return id, base, ok && base.Path.Len() <= maxNameSteps
		}
		return it.id, it.base, true
	}
	if p, ok := it.base.Root.(*ssa.Parameter); ok {
		if v := b[p]; v != nil {
			base := mapid.RefOf(v).Child(it.base.Path)
			return it.id, base, base.Path.Len() <= maxNameSteps
		}
	}
	return it.id, it.base, true
}

// maxNameSteps bounds the steps of a map's name carried up a summary: a
// recursive descent with many call sites (opa's gojsonschema validator
// calls itself on s.itemsChildren[i], s.anyOf[i], s.propertiesChildren[i]
// and a dozen more) names a new map on each trip round the cycle, and the
// names multiply by the number of call sites on every round (the package
// ran out of memory at 24 GB). A longer name is dropped: the access is
// kept under its shorter names, from the trips before.
const maxNameSteps = 8

// paramCallee returns the parameter whose function value the call c runs,
// when nothing else says what it runs (see targetsOf).
func paramCallee(c *ssa.Call) *ssa.Parameter {
	if c.Call.StaticCallee() != nil || c.Call.IsInvoke() {
		return nil
	}
	v := c.Call.Value
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		v = u.X
	}
	p, _ := v.(*ssa.Parameter)
	return p
}

func (sum *summary) add(it sitem) {
	if sum.frame != nil && sum.deadRoot(it) {
		return
	}
	k := skey{it.a, it.id, it.base.Root, string(it.base.Path.AppendKey(nil)), it.locked, it.spawned}
	if sum.seen[k] {
		return
	}
	sum.seen[k] = true
	sum.items = append(sum.items, it)
}

func (sum *summary) addSends(fs map[*types.Var]bool) {
	for f := range fs {
		if sum.sends == nil {
			sum.sends = make(map[*types.Var]bool)
		}
		sum.sends[f] = true
	}
}

// ownSends returns the channel fields that fn sends on or closes.
func ownSends(fn *ssa.Function) map[*types.Var]bool {
	var out map[*types.Var]bool
	add := func(v ssa.Value) {
		if f := mapid.LoadedField(v); f != nil {
			if out == nil {
				out = make(map[*types.Var]bool)
			}
			out[f] = true
		}
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case *ssa.Send:
				add(instr.Chan)
			case *ssa.Select:
				for _, st := range instr.States {
					if st.Dir == types.SendOnly {
						add(st.Chan)
					}
				}
			case *ssa.Call:
				if bi, ok := instr.Call.Value.(*ssa.Builtin); ok && bi.Name() == "close" && len(instr.Call.Args) == 1 {
					add(instr.Call.Args[0])
				}
			}
		}
	}
	return out
}

// deadRoot reports whether the map of it is named by an instruction of the
// summarised function or by an unbound parameter of the callee being
// instantiated (see summary.frame).
func (sum *summary) deadRoot(it sitem) bool {
	var root ssa.Value
	switch it.id.Kind {
	case mapid.Local, mapid.Param:
		root = it.id.Site
	case mapid.Field:
		root = it.base.Root
	}
	switch r := root.(type) {
	case *ssa.Parameter:
		return r.Parent() == sum.dead
	case ssa.Instruction:
		return r.Parent() == sum.frame
	}
	return false
}
