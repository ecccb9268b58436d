package concurrentwrite

import (
	"fmt"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/goroutine"
	"github.com/maplint/maplint/internal/mapid"
)

// A spawn is a goroutine start with the function that starts it (nil for a
// ServeHTTP method, started by the server).
type spawn struct {
	*goroutine.Spawn
	parent *ssa.Function
	accs   []*gaccess // what the goroutine accesses, in the parent's terms
	locked bool       // a lock is held where it starts (a call standing for a spawn)
	// sends holds the channel fields that the functions the goroutine
	// reaches send on or close.
	sends map[*types.Var]bool
	// waits and dones hold the WaitGroups its function waits on and
	// signals (see waitdone.go), computed on first use.
	waits, dones []*wgGroup
	sums         *summaries // what accs come from, with the spawn's pins
	// runner, for a function value passed to a parameter that a
	// function of the package runs in goroutines (see paramspawn.go),
	// is that function; parent is then the caller that passes it.
	runner *ssa.Function
}

// A gaccess is an access reached from a goroutine, with its map named in
// the frame of the function that starts the goroutine.
type gaccess struct {
	*access
	id     mapid.ID
	base   mapid.Ref
	locked bool // a lock is held at the access or at a call on the way
	outer  bool // the map comes from outside the goroutine (not made by it)
	shared bool // the map is the same for every copy of the goroutine
	// spawned: reached through a call that starts its function argument
	// in a goroutine of its own (mux.HandleFunc(p, func() {…})): it runs
	// there, not in the caller.
	spawned bool
	// top is the spawner's instruction that makes or reaches the access,
	// for an access of the spawner after the spawn.
	top ssa.Instruction
}

// env binds the parameters of the functions on a call path to values of
// their callers, up to the function that starts the goroutine.
type env struct {
	bind   map[*ssa.Parameter]ssa.Value
	parent *env
}

func (e *env) lookup(p *ssa.Parameter) (ssa.Value, *env) {
	for ; e != nil; e = e.parent {
		if v, ok := e.bind[p]; ok {
			return v, e.parent
		}
	}
	return nil, nil
}

// idIn names the map v in the frame at the root of e.
func idIn(v ssa.Value, e *env) (mapid.ID, mapid.Ref, bool) {
	id, base := mapid.Of(v)
	switch id.Kind {
	case mapid.Unknown:
		return id, mapid.Ref{}, false
	case mapid.Param:
		if bv, pe := e.lookup(id.Site.(*ssa.Parameter)); bv != nil {
			return idIn(bv, pe)
		}
	case mapid.Field:
		ref, ok := refIn(mapid.RefOf(base), e)
		return id, ref, ok
	}
	return id, mapid.Ref{}, true
}

// accIn names the map of the access a in the frame at the root of e: a
// hidden read names it by its holder.
func accIn(a *access, e *env) (mapid.ID, mapid.Ref, bool) {
	if a.Holder == nil {
		return idIn(a.Map, e)
	}
	ref, ok := refIn(mapid.RefOf(a.Holder), e)
	return a.id, ref, ok
}

func refIn(r mapid.Ref, e *env) (mapid.Ref, bool) {
	if p, ok := r.Root.(*ssa.Parameter); ok {
		if bv, pe := e.lookup(p); bv != nil {
			br, ok := refIn(mapid.RefOf(bv), pe)
			return br.Child(r.Path), ok
		}
	}
	return r, true
}

// reach collects the accesses made by the goroutine of sp: by its function
// and everything that reaches in the package, through static calls,
// closures, function values, interface calls and deferred helpers, with
// maps named in the spawner's frame (see summaries).
func (ck *checker) reach(sp *spawn, byFn map[*ssa.Function][]*access) {
	if ck.sums == nil {
		ck.sums = newSummaries(ck, byFn)
	}
	sp.sums = ck.sums
	for _, p := range ck.pinsOf(sp) {
		sp.sums = sp.sums.pinned(p)
	}
	ck.reachIn(sp, sp.sums)
}

// reachWithout returns the accesses that the goroutine of sp reaches on
// the call paths that do not run skip (skip's own accesses, and what it
// reaches, left out).
func (ck *checker) reachWithout(sp *spawn, skip *ssa.Function, byFn map[*ssa.Function][]*access) []*gaccess {
	if ck.sums == nil {
		ck.sums = newSummaries(ck, byFn)
	}
	c := &spawn{Spawn: sp.Spawn, parent: sp.parent, locked: sp.locked}
	ck.reachIn(c, ck.sums.without(skip))
	return c.accs
}

func (ck *checker) reachIn(sp *spawn, sums *summaries) {
	root := &summary{seen: make(map[skey]bool)}
	sums.instantiate(root, sums.of(sp.Fn), spawnBind(sp), sp.locked, false)
	sp.sends = root.sends
	if sp.sends == nil {
		sp.sends = make(map[*types.Var]bool)
	}
	for _, it := range root.items {
		if it.call != nil {
			continue
		}
		ga := &gaccess{access: it.a, id: it.id, base: it.base, locked: it.locked, spawned: it.spawned}
		ga.outer, ga.shared = ck.sharedAcross(sp, ga)
		sp.accs = append(sp.accs, ga)
	}
}

// sharedAcross reports whether the map of a comes from outside the
// goroutine sp (a package variable, a map or object of the spawner or of
// a function enclosing it, a ServeHTTP method's receiver), and whether
// every copy of the goroutine accesses the same one: not a map made in the
// loop iteration that starts the copy.
func (ck *checker) sharedAcross(sp *spawn, a *gaccess) (outer, shared bool) {
	var root ssa.Value
	switch a.id.Kind {
	case mapid.Global:
		return true, true
	case mapid.Local:
		root = a.id.Site
	case mapid.Field:
		root = a.base.Root
		if a.base.Path.VariableIndex() {
			// tries[i].m: each copy may index its own element.
			return true, false
		}
		if mapid.IsGlobal(a.base) {
			return true, true
		}
	default:
		return false, false
	}
	switch r := root.(type) {
	case *ssa.Parameter:
		if sp.parent == nil || r.Parent() != sp.parent {
			// A parameter of the goroutine itself: outside only for a
			// handler's receiver (one object serves every request).
			recv := sp.parent == nil && r.Parent() == sp.Fn && sp.Fn.Signature.Recv() != nil && r == sp.Fn.Params[0]
			return recv, recv
		}
		return true, true
	case ssa.Instruction:
		if sp.parent == nil || !encloses(r.Parent(), sp.parent) {
			return false, false // made by the goroutine: its own
		}
		if r.Parent() != sp.parent {
			return true, true // made by a function enclosing the spawner
		}
		return true, !goroutine.SameIteration(r.Block(), sp.Instr.Block())
	}
	return false, false
}

// encloses reports whether outer is fn or lexically encloses it.
func encloses(outer, fn *ssa.Function) bool {
	for ; fn != nil; fn = fn.Parent() {
		if fn == outer {
			return true
		}
	}
	return false
}

func (ck *checker) sameMap(a, b *gaccess) bool {
	if a.id != b.id {
		return false
	}
	if a.id.Kind != mapid.Field || a.base.Equal(b.base) {
		return true
	}
	if ck.back == nil {
		ck.back = backPointers(ck.fns, ck.pass.Pkg)
	}
	return canon(a.base, ck.back).Equal(canon(b.base, ck.back))
}

// checkGoroutines reports writes, holding no lock, that run in a goroutine
// alongside another access to the same map:
//
//	for _, u := range urls {
//		go func() { seen[u] = true }() // every goroutine writes seen
//	}
//
//	go func() { m[k] = v }()
//	fmt.Println(len(m)) // the spawner reads m while the goroutine writes
//
// The accesses of the spawner count from the go statement until a
// WaitGroup.Wait, errgroup Wait or channel receive; two goroutines started
// by one function race when the second starts before the first is waited
// for.
func (ck *checker) checkGoroutines(fns []*ssa.Function) {
	byFn := ck.byFn
	var spawns []*spawn
	perParent := make(map[*ssa.Function][]*spawn)
	for _, fn := range fns {
		if (goroutine.IsHandler(fn) && !goroutine.InTestFile(fn)) || ck.gr.Served[fn] {
			sp := &spawn{Spawn: &goroutine.Spawn{Kind: goroutine.Handler, Fn: fn, Many: true}}
			spawns = append(spawns, sp)
		}
		for _, s := range ck.spawnsOf(fn) {
			sp := &spawn{Spawn: s, parent: fn}
			spawns = append(spawns, sp)
			perParent[fn] = append(perParent[fn], sp)
		}
	}
	for _, sp := range spawns {
		ck.reach(sp, byFn)
	}
	ck.checkObjects(spawns, fns, byFn)
	for _, sp := range ck.paramSpawns(fns) {
		ck.reach(sp, byFn)
		ck.checkCopies(sp)
	}
	for _, sp := range spawns {
		ck.checkCopies(sp)
		if sp.parent == nil {
			continue
		}
		if sp.Kind != goroutine.Subtest && sp.Kind != goroutine.Handler {
			ck.spawnerPairs(sp, byFn)
		}
		// Other goroutines started later by the same function.
		for _, other := range perParent[sp.parent] {
			if other == sp || !ck.after(sp, other.Instr) {
				continue
			}
			ord := ck.wgOrder(sp, other)
			rev := flip(ord)
			ck.pairs(sp.accs, other.accs, sp, ck.describe(other), ord)
			ck.pairs(other.accs, sp.accs, other, ck.describe(sp), rev)
			ck.readPairs(sp.accs, other.accs, sp, ck.describe(other), false, ord)
			ck.readPairs(other.accs, sp.accs, other, ck.describe(sp), false, rev)
		}
	}
}

// checkCopies reports the races of the copies of the goroutine sp with
// one another, when many may run at once.
func (ck *checker) checkCopies(sp *spawn) {
	if !sp.Many {
		return
	}
	for _, w := range sp.accs {
		if w.Write && !w.locked && w.shared {
			ck.reportRace(w.access, w.access, sp, ck.describeOthers(sp))
		}
	}
	ck.readPairs(sp.accs, sp.accs, sp, ck.describeOthers(sp), true, nil)
}

// spawnerPairs reports the races of the goroutine sp with its spawner
// after the spawn: the spawner's own accesses and those of the calls it
// makes (each with the spawner's instruction that reaches it, for the
// WaitGroup rule).
func (ck *checker) spawnerPairs(sp *spawn, byFn map[*ssa.Function][]*access) {
	var mine []*gaccess
	for _, a := range byFn[sp.parent] {
		if !ck.after(sp, a.Instr) {
			continue
		}
		id, base, ok := accIn(a, nil)
		if ok && !ck.otherIteration(sp, a.Instr, id, base) {
			mine = append(mine, &gaccess{access: a, id: id, base: base, outer: true, locked: a.held.Len() > 0 || a.may.Len() > 0, top: a.Instr})
		}
	}
	mine = append(mine, ck.laterCalls(sp, byFn)...)
	ord := either(ck.spawnerOrder(sp), ck.gateOrder(sp))
	rev := flip(ord)
	ck.pairs(sp.accs, mine, sp, ck.funcName(sp.parent)+" after it starts "+ck.describe(sp), ord)
	ck.pairs(mine, sp.accs, sp, ck.describe(sp), rev)
	ck.readPairs(sp.accs, mine, sp, ck.funcName(sp.parent)+" after it starts "+ck.describe(sp), false, ord)
	ck.readPairs(mine, sp.accs, sp, ck.describe(sp), false, rev)
}

// pairs reports each unlocked write of ws that has an access of os to the
// same map, but for the pairs that ord (when not nil) says are ordered.
func (ck *checker) pairs(ws, os []*gaccess, sp *spawn, by string, ord func(w, o *gaccess) bool) {
	for _, w := range ws {
		if !w.Write || w.locked {
			continue
		}
		for _, o := range os {
			if o.access != w.access && w.outer && o.outer && ck.sameMap(w, o) && (ord == nil || !ord(w, o)) {
				ck.reportRace(w.access, o.access, sp, by)
				break
			}
		}
	}
}

// readPairs reports each read of rs, holding no lock, that has a write of
// ws to the same map holding none either (itself reported): "concurrent
// map read and map write" kills the process as surely as two writes, and
// the read is where it crashes. It is on by default, unlike the guarded
// reads of checkReads: it speaks only where the write that the read races
// is reported too, so it adds a place to a finding, never a finding whose
// write the pass would keep quiet about. For the copies of one
// goroutine (copies), both accesses must reach the same map in every copy.
// A read of a reference loaded under a lock is left alone: a snapshot
// swapped out in the critical section (streams := t.activeStreams;
// t.activeStreams = nil; unlock; range streams) is the function's own.
//
//	for _, c := range conns {
//		go func() {
//			if inUse[c.res] > limit { … } // reported
//			inUse[c.res]++               // reported as a write
//		}()
//	}
func (ck *checker) readPairs(rs, ws []*gaccess, sp *spawn, by string, copies bool, ord func(r, w *gaccess) bool) {
	for _, r := range rs {
		if r.Write || r.locked || !r.outer || (copies && !r.shared) || (r.g != nil && r.g.Loaded.Len() > 0) {
			continue
		}
		for _, w := range ws {
			if w.Write && !w.locked && w.access != r.access && w.outer && (!copies || w.shared) && ck.sameMap(r, w) && (ord == nil || !ord(r, w)) {
				ck.reportReadRace(r.access, w.access, sp, by)
				break
			}
		}
	}
}

func (ck *checker) reportReadRace(r, w *access, sp *spawn, by string) {
	if !ck.inFile(r.Pos) || ck.reported[r.Pos] || benignLen(r) {
		return
	}
	if goroutine.InTestFile(w.fn) && !goroutine.InTestFile(r.fn) {
		// A race that only a test makes is the test's finding (its write
		// is reported): the package's own read would be reported in the
		// test build alone, and the fix belongs to the test.
		return
	}
	related := []analysis.RelatedInformation{{Pos: w.Pos, Message: fmt.Sprintf("%s of %s", opNoun(w), ck.mapName(w))}}
	if p := sp.Pos(); p.IsValid() {
		related = append(related, analysis.RelatedInformation{Pos: p, Message: "goroutine started here"})
	}
	// The read's fix is the lock that guards the write too: where the map
	// has no guard yet, which lock is a design decision; on a local map,
	// the write's finding offers the new mutex, or says why it does not.
	why := fmt.Sprintf("which lock should guard %s is a design decision", ck.mapName(r))
	if r.id.Kind == mapid.Local {
		why = "a lock taken here alone would not order it with the unlocked write"
	}
	ck.addFix(analysis.Diagnostic{
		Pos:      r.Pos,
		Category: CategoryRead,
		Message:  fmt.Sprintf("concurrent %s of map %s (held: none); also written by %s", readVerb(r), ck.mapName(r), by),
		Related:  related,
	}, nil, why)
}

func (ck *checker) reportRace(w, o *access, sp *spawn, by string) {
	if !ck.inFile(w.Pos) || ck.reported[w.Pos] {
		return
	}
	related := []analysis.RelatedInformation{}
	if o != w && o.Pos.IsValid() {
		related = append(related, analysis.RelatedInformation{Pos: o.Pos, Message: fmt.Sprintf("other %s of %s", opNoun(o), ck.mapName(o))})
	}
	if p := sp.Pos(); p.IsValid() {
		related = append(related, analysis.RelatedInformation{Pos: p, Message: "goroutine started here"})
	} else if sp.Fn != nil && sp.Fn.Pos().IsValid() {
		related = append(related, analysis.RelatedInformation{Pos: sp.Fn.Pos(), Message: "handler called in a goroutine per request"})
	}
	var others []*access
	for _, a := range sp.accs {
		if a.id == w.id && !a.locked {
			others = append(others, a.access)
		}
	}
	if o != w && o.id == w.id {
		others = append(others, o)
	}
	fix, why := ck.localMutexFix(w, others)
	ck.addFix(analysis.Diagnostic{
		Pos:      w.Pos,
		Category: CategoryGoroutine,
		Message:  fmt.Sprintf("concurrent write to map %s%s (held: none); also accessed by %s", ck.mapName(w), via(w), by),
		Related:  related,
	}, fix, why)
}

// describeOthers names the other copies of the goroutine sp.
func (ck *checker) describeOthers(sp *spawn) string {
	d := ck.describe(sp)
	if sp.Kind == goroutine.Handler {
		return d
	}
	return "other " + strings.TrimPrefix(d, "the ")
}

// describe names the goroutines of sp for messages.
func (ck *checker) describe(sp *spawn) string {
	if sp.parent == nil {
		return "concurrent requests to " + ck.funcName(sp.Fn)
	}
	where := ck.funcName(sp.parent)
	if sp.runner != nil {
		callee := sp.Instr.(ssa.CallInstruction).Common().StaticCallee()
		return "the goroutines started in a loop in " + ck.funcName(sp.runner) + " that run the function " + where + " passes to " + ck.funcName(callee)
	}
	loop := ""
	if sp.Many && sp.Kind != goroutine.Handler {
		loop = " in a loop"
	}
	switch sp.Kind {
	case goroutine.Stored:
		return "the goroutines that run the function " + where + " stores in " + ck.storedField(sp)
	case goroutine.Handler:
		return "concurrent requests to the handler registered in " + where
	case goroutine.Subtest:
		return "the parallel subtests started" + loop + " in " + where
	case goroutine.AfterFunc:
		return "the function started by AfterFunc" + loop + " in " + where
	case goroutine.WaitGroupGo, goroutine.ErrGroupGo:
		return "the goroutines started by " + sp.Kind.String() + loop + " in " + where
	}
	if loop != "" {
		return "the goroutines started in a loop in " + where
	}
	return "the goroutine started in " + where
}
