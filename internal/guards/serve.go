package guards

import (
	"fmt"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
)

// A ServesFact says that an exported function registers its parameter
// Param as a service whose methods run in a goroutine per call: generated
// gRPC code's
//
//	func RegisterFooServer(s grpc.ServiceRegistrar, srv FooServer) {
//		s.RegisterService(&Foo_ServiceDesc, srv)
//	}
//
// has the fact "serves($1)", so that pb.RegisterFooServer(s, &server{}) in
// another package makes server's methods concurrent.
type ServesFact struct {
	Param int
}

func (*ServesFact) AFact() {}

func (f *ServesFact) String() string { return fmt.Sprintf("serves($%d)", f.Param) }

// served finds the methods of the package that a server runs in a
// goroutine per call (rows of the API table with the ServePerCall role, or
// functions with a ServesFact), and exports the facts of the package's own
// registering functions.
func (r *Result) served(fns []*ssa.Function) {
	r.Served = make(map[*ssa.Function]bool)
	named := make(map[*types.Named]bool)
	for _, fn := range fns {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				c, ok := instr.(*ssa.Call)
				if !ok {
					continue
				}
				v := r.servedArg(c)
				if v == nil {
					continue
				}
				if n := concreteNamed(v); n != nil {
					named[n] = true
				}
				r.exportServes(fn, v)
			}
		}
	}
	for _, fn := range fns {
		if n := RecvNamed(fn); n != nil && named[n] && fn.Object() != nil && fn.Object().Exported() {
			r.Served[fn] = true
		}
	}
}

// servedArg returns the value that the call c registers as a service, or
// nil.
func (r *Result) servedArg(c *ssa.Call) ssa.Value {
	if row, ok := apis.Of(&c.Call, apis.ServePerCall); ok {
		return apis.Arg(&c.Call, row.Arg)
	}
	callee := apis.StaticCallee(&c.Call)
	if callee == nil || r.pass == nil {
		return nil
	}
	obj, ok := callee.Object().(*types.Func)
	if !ok || obj.Pkg() == r.pass.Pkg {
		return nil
	}
	var f ServesFact
	if !r.pass.ImportObjectFact(obj, &f) {
		return nil
	}
	return apis.Arg(&c.Call, f.Param)
}

// exportServes exports a ServesFact for fn when v, a registered service,
// is one of its parameters.
func (r *Result) exportServes(fn *ssa.Function, v ssa.Value) {
	obj, ok := fn.Object().(*types.Func)
	if !ok || fn.Parent() != nil || !obj.Exported() {
		return
	}
	if ci, ok := v.(*ssa.ChangeInterface); ok {
		v = ci.X
	}
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	off := 0
	if fn.Signature.Recv() != nil {
		off = 1
	}
	for i, p := range fn.Params {
		if p == v && i >= off {
			r.pass.ExportObjectFact(obj, &ServesFact{Param: i - off})
			return
		}
	}
}

// concreteNamed returns the named type of the value behind v, seen through
// a conversion to an interface.
func concreteNamed(v ssa.Value) *types.Named {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	if types.IsInterface(v.Type()) {
		return nil
	}
	return NamedOf(v.Type())
}

// RecvNamed returns the generic origin of the named type of fn's receiver
// (through a pointer), or nil for a function.
func RecvNamed(fn *ssa.Function) *types.Named {
	if fn.Signature.Recv() == nil {
		return nil
	}
	return NamedOf(fn.Signature.Recv().Type())
}

// NamedOf returns the generic origin of the named type t or *t, or nil.
func NamedOf(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	if n != nil {
		n = n.Origin()
	}
	return n
}
