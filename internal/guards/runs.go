package guards

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/goroutine"
	"github.com/maplint/maplint/internal/mapid"
)

// A RunsFact says that the package calls the function (or the interface's
// methods) stored in an exported field in goroutines it starts, many at
// once when Many is set: gardener/docforge's jobs package runs Job.Worker
// in MaxWorkers goroutines,
//
//	func (j *Job) Dispatch(ctx context.Context) {
//		for range j.MaxWorkers {
//			go func() { … j.Worker.Work(ctx, task, j.Queue) }()
//		}
//	}
//
// so the field jobs.Job.Worker has the fact "runs(many)", and a package
// that stores a function there (controller.job.Worker = w) has that
// function run concurrently with itself and with the rest of the program.
type RunsFact struct {
	Many bool
}

func (*RunsFact) AFact() {}

func (f *RunsFact) String() string {
	if f.Many {
		return "runs(many)"
	}
	return "runs"
}

// exportRuns exports a RunsFact for each exported field of an exported
// type whose value a goroutine of the package calls: in the function the
// goroutine starts, or in a function of the package it calls directly.
func (r *Result) exportRuns(fns []*ssa.Function) {
	found := make(map[*types.Var]bool) // field -> many
	var order []*types.Var
	for _, fn := range fns {
		for _, s := range r.spawnsOf(fn) {
			if s.Kind == goroutine.Stored {
				continue
			}
			for _, g := range append([]*ssa.Function{s.Fn}, r.Locks.Callees(s.Fn)...) {
				for _, f := range calledFields(g) {
					if !f.Exported() || f.Pkg() != r.pass.Pkg {
						continue
					}
					if _, ok := found[f]; !ok {
						order = append(order, f)
					}
					found[f] = found[f] || s.Many
				}
			}
		}
	}
	for _, f := range order {
		r.pass.ExportObjectFact(f, &RunsFact{Many: found[f]})
	}
}

// calledFields returns the fields whose value fn calls: a func field, or an
// interface field whose method it invokes.
func calledFields(fn *ssa.Function) []*types.Var {
	var out []*types.Var
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			c, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			if f := mapid.LoadedField(c.Common().Value); f != nil {
				out = append(out, f)
			}
		}
	}
	return out
}

// storedRuns returns the spawns that fn makes by storing a function of the
// package into a field with a RunsFact of another package: the function
// runs in that package's goroutines from the store on.
func (r *Result) storedRuns(fn *ssa.Function) []*goroutine.Spawn {
	var out []*goroutine.Spawn
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			st, ok := instr.(*ssa.Store)
			if !ok {
				continue
			}
			fa, ok := st.Addr.(*ssa.FieldAddr)
			if !ok {
				continue
			}
			f := mapid.FieldVar(fa)
			if f == nil || f.Pkg() == nil || f.Pkg() == r.pass.Pkg {
				continue
			}
			var fact RunsFact
			if !r.pass.ImportObjectFact(f.Origin(), &fact) {
				continue
			}
			for _, t := range r.storedFuncs(st.Val, f.Type()) {
				t.Instr, t.Kind, t.Many = st, goroutine.Stored, fact.Many
				out = append(out, t)
			}
		}
	}
	return out
}

// storedFuncs returns the functions of the package that calling v, stored
// in a field of type ft, runs: a function or closure; one that a function
// of the package makes and returns (withGitInfoController(w, ctrl)
// returning a closure over its parameters, bound to the call's arguments);
// a value of a named func type of another package converted to the field's
// interface (jobs.WorkerFunc, an adapter whose method calls the function);
// or, for a value of a type of the package, its methods that the field's
// interface names.
func (r *Result) storedFuncs(v ssa.Value, ft types.Type) []*goroutine.Spawn {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		if n := NamedOf(mi.X.Type()); n != nil && n.Obj().Pkg() == r.pass.Pkg {
			return methodsRun(mi.X, ft)
		}
		if _, isFunc := mi.X.Type().Underlying().(*types.Signature); !isFunc {
			return nil
		}
		v = mi.X
	}
	if ct, ok := v.(*ssa.ChangeType); ok {
		v = ct.X
	}
	if fn, bound := goroutine.Target(v); fn != nil && len(fn.Blocks) > 0 {
		return []*goroutine.Spawn{{Fn: fn, Args: padded(fn, bound)}}
	}
	c, ok := v.(*ssa.Call)
	if !ok {
		return nil
	}
	maker := apis.StaticCallee(&c.Call)
	if maker == nil || maker.Pkg == nil || maker.Pkg.Pkg != r.pass.Pkg || len(c.Call.Args) != len(maker.Params) {
		return nil
	}
	var made *ssa.MakeClosure
	for _, b := range maker.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) != 1 {
			continue
		}
		x := ret.Results[0]
		if ct, ok := x.(*ssa.ChangeType); ok {
			x = ct.X
		}
		mc, ok := x.(*ssa.MakeClosure)
		if !ok || (made != nil && made != mc) {
			return nil
		}
		made = mc
	}
	if made == nil {
		return nil
	}
	fn := made.Fn.(*ssa.Function)
	bind := make(map[*ssa.Parameter]ssa.Value, len(maker.Params))
	for i, p := range maker.Params {
		bind[p] = c.Call.Args[i]
	}
	return []*goroutine.Spawn{{Fn: fn, Args: make([]ssa.Value, len(fn.Params)), Bind: bind}}
}

// methodsRun returns, for x of a type of the package stored in a field of
// interface type ft, the methods of x's type that ft names, bound to x.
func methodsRun(x ssa.Value, ft types.Type) []*goroutine.Spawn {
	it, ok := ft.Underlying().(*types.Interface)
	if !ok || x.Parent() == nil {
		return nil
	}
	prog := x.Parent().Prog
	var out []*goroutine.Spawn
	for i := range it.NumMethods() {
		sel := prog.MethodSets.MethodSet(x.Type()).Lookup(it.Method(i).Pkg(), it.Method(i).Name())
		if sel == nil {
			continue
		}
		if m := prog.MethodValue(sel); m != nil && len(m.Blocks) > 0 {
			args := make([]ssa.Value, len(m.Params))
			args[0] = x
			out = append(out, &goroutine.Spawn{Fn: m, Args: args})
		}
	}
	return out
}

// padded returns bound followed by unknown values for fn's other
// parameters.
func padded(fn *ssa.Function, bound []ssa.Value) []ssa.Value {
	out := make([]ssa.Value, len(fn.Params))
	copy(out, bound)
	return out
}
