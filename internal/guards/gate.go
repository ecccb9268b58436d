package guards

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/factsonly"
)

// Gate is the gate of Analyzer (see factsonly.Gate). Its facts need, in
// the package's own code:
//
//   - SummaryFact: a lock taken or released, or a call of a function of
//     another package with a SummaryFact. A summary names locks, and the
//     lockset analysis learns of locks only from calls with a lock row of
//     internal/apis (lockset.Classify) and from imported summaries.
//   - ServesFact: a call with a ServePerCall row, or of a function with a
//     ServesFact.
//   - RunsFact: a goroutine started by the package that calls a func or
//     interface field, exported, of a struct type of the package; or a
//     store into a field of another package with a RunsFact. A goroutine
//     of the package runs one of its functions: started by a go
//     statement, by a call with a spawner row, or by converting a function
//     of the package to net/http.HandlerFunc (which needs the handler's
//     signature).
//   - SerialFact: a send on a field, and a go statement (the executor's
//     goroutine).
//
// The facts of other packages count through Unless: the gate only looks
// at the package's own code.
var Gate = &analysis.Analyzer{
	Name:       "guardsgate",
	Doc:        "guardsgate: tell a driver whether guards can export facts on a package analysed only for them (reports nothing)",
	URL:        "https://pkg.go.dev/github.com/maplint/maplint/internal/guards",
	Run:        runGate,
	ResultType: factsonly.GateType,
}

func runGate(pass *analysis.Pass) (any, error) {
	calls := calledRoles(pass)
	no := !calls[apis.Lock] && !calls[apis.ServePerCall] &&
		!(exportsCallableField(pass) && (calls[apis.Spawn] || hasGoOrHandler(pass))) &&
		!(sendsOnField(pass) && hasGoOrHandler(pass))
	return &factsonly.Gate{NoFacts: no, UnlessOwn: true}, nil
}

// LocksGate is the gate of the passes whose facts are lock summaries
// (concurrentwrite's LockFact is guards' SummaryFact of the same function,
// with the writes it makes under the locks it requires): they need a lock
// call in the package, or a call of a function with a SummaryFact. In an
// internal package, a goroutine of the package (a go statement, a spawner
// call, a handler) may also give a method concurrentwrite's PhaseFact; in
// any package, a method that returns a channel and has a go statement may
// start an iterator goroutine, and have concurrentwrite's IterFact, a go
// statement with a send on a field may start a goroutine that hands its
// result to the methods that start it (a PhaseFact), and a selection of a
// map field may be an access of an AccessFact.
var LocksGate = &analysis.Analyzer{
	Name:       "locksgate",
	Doc:        "locksgate: tell a driver whether a pass exporting lock summaries can export facts on a package analysed only for them (reports nothing)",
	URL:        "https://pkg.go.dev/github.com/maplint/maplint/internal/guards",
	Run:        runLocksGate,
	ResultType: factsonly.GateType,
}

func runLocksGate(pass *analysis.Pass) (any, error) {
	calls := calledRoles(pass)
	no := !calls[apis.Lock] &&
		!(InternalPackage(pass.Pkg.Path()) && (calls[apis.Spawn] || calls[apis.ServePerCall] || hasGoOrHandler(pass))) &&
		!spawnsIterator(pass) &&
		!(sendsOnField(pass) && hasGoOrHandler(pass)) &&
		!selectsMapField(pass)
	return &factsonly.Gate{NoFacts: no, Unless: []*analysis.Analyzer{Analyzer}, UnlessOwn: true}, nil
}

// selectsMapField reports whether the package selects a struct field of
// map type: the accesses of concurrentwrite's AccessFact are to such
// fields (an imported function with the fact counts through UnlessOwn).
func selectsMapField(pass *analysis.Pass) bool {
	for _, sel := range pass.TypesInfo.Selections {
		if sel.Kind() == types.FieldVal && apis.IsMap(sel.Obj().Type()) {
			return true
		}
	}
	return false
}

// spawnsIterator reports whether a method of the package returns a
// channel and has a go statement in its body: the shape of a method that
// starts an iterator goroutine (concurrentwrite's IterFact).
func spawnsIterator(pass *analysis.Pass) bool {
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv == nil || fd.Body == nil || !returnsChan(pass.TypesInfo.Defs[fd.Name]) {
				continue
			}
			found := false
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				_, isGo := n.(*ast.GoStmt)
				found = found || isGo
				return !found
			})
			if found {
				return true
			}
		}
	}
	return false
}

// returnsChan reports whether obj is a function with a result of channel
// type.
func returnsChan(obj types.Object) bool {
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	res := fn.Signature().Results()
	for i := range res.Len() {
		if _, ok := res.At(i).Type().Underlying().(*types.Chan); ok {
			return true
		}
	}
	return false
}

// InternalPackage reports whether the package path has an internal
// element: by Go's visibility rule only its own module imports it, so the
// callers of its exported functions are all code the module analyses
// after it.
func InternalPackage(path string) bool {
	return path == "internal" || strings.HasPrefix(path, "internal/") ||
		strings.HasSuffix(path, "/internal") || strings.Contains(path, "/internal/")
}

// calledRoles returns which kinds of rows of internal/apis the functions
// and methods the package refers to have: Lock for any lock operation,
// Spawn for any spawner, ServePerCall. A call's callee (apis.Callee) is
// such a function: a static callee or an interface method, named in the
// call, or a method value's method.
func calledRoles(pass *analysis.Pass) map[apis.Role]bool {
	roles := make(map[apis.Role]bool)
	for _, obj := range pass.TypesInfo.Uses {
		fn, ok := obj.(*types.Func)
		if !ok {
			continue
		}
		for _, r := range apis.Rows(fn.Origin()) {
			switch r.Role {
			case apis.Lock, apis.Unlock, apis.RLock, apis.RUnlock, apis.TryLock, apis.TryRLock:
				roles[apis.Lock] = true
			case apis.Spawn, apis.SpawnTimer, apis.SpawnPerCall, apis.SpawnSubtest:
				roles[apis.Spawn] = true
			case apis.ServePerCall:
				roles[apis.ServePerCall] = true
			}
		}
	}
	return roles
}

// exportsCallableField reports whether a struct type of the package has
// an exported field of func or interface type (or a type parameter's).
func exportsCallableField(pass *analysis.Pass) bool {
	found := false
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			st, ok := n.(*ast.StructType)
			if !ok || found {
				return !found
			}
			s, ok := pass.TypesInfo.TypeOf(st).(*types.Struct)
			if !ok {
				found = true // unknown: assume one
				return false
			}
			for i := range s.NumFields() {
				fld := s.Field(i)
				switch fld.Type().Underlying().(type) {
				case *types.Signature, *types.Interface:
					found = found || fld.Exported()
				}
			}
			return true
		})
	}
	return found
}

// hasGoOrHandler reports whether the package has a go statement, or a
// function with the signature of an HTTP handler (which a conversion to
// net/http.HandlerFunc, written or implicit, runs per request).
func hasGoOrHandler(pass *analysis.Pass) bool {
	found := false
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if found {
				return false
			}
			var sig *types.Signature
			switch n := n.(type) {
			case *ast.GoStmt:
				found = true
			case *ast.FuncDecl:
				if obj, ok := pass.TypesInfo.Defs[n.Name].(*types.Func); ok {
					sig = obj.Signature()
				}
			case *ast.FuncLit:
				sig, _ = pass.TypesInfo.TypeOf(n).(*types.Signature)
			}
			if sig != nil && handlerSig(sig) {
				found = true
			}
			return !found
		})
	}
	return found
}

// handlerSig reports whether sig, without its receiver, converts to
// net/http.HandlerFunc (the type goroutine.Spawns knows): its parameters
// are then net/http's, and that package declares the type.
func handlerSig(sig *types.Signature) bool {
	if sig.Params().Len() != 2 {
		return false
	}
	p, ok := types.Unalias(sig.Params().At(1).Type()).(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "net/http" {
		return false
	}
	hf, ok := n.Obj().Pkg().Scope().Lookup("HandlerFunc").(*types.TypeName)
	if !ok {
		return true // not known: assume it converts
	}
	plain := types.NewSignatureType(nil, nil, nil, sig.Params(), sig.Results(), sig.Variadic())
	return types.Identical(plain, hf.Type().Underlying())
}

// sendsOnField reports whether the package sends on a channel it selects
// from a value (x.ch <- v).
func sendsOnField(pass *analysis.Pass) bool {
	found := false
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if s, ok := n.(*ast.SendStmt); ok {
				if _, ok := ast.Unparen(s.Chan).(*ast.SelectorExpr); ok {
					found = true
				}
			}
			return !found
		})
	}
	return found
}
