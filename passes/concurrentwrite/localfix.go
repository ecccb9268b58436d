package concurrentwrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/maplint/maplint/internal/edits"
	"github.com/maplint/maplint/internal/mapid"
)

// The fix for a goroutine race on a local map, which has no lock yet:
//
//	seen := make(map[string]bool)    →  seen := make(map[string]bool)
//	                                    var seenMu sync.Mutex
//	go func() { seen[u] = true }()   →  go func() { seenMu.Lock(); seen[u] = true; seenMu.Unlock() }()
//
// Every access to the map that the goroutines make, and that the spawner
// makes while they run, is wrapped; the mutex is declared right after the
// map's variable, so it is in scope wherever the map is named. The fix is
// not offered when an access is outside that scope (the map passed to
// another function, which names it as its parameter), when one of those
// statements calls a function that might reach the map (it could deadlock
// or miss an access), receives from a channel (the goroutines would wait
// holding the mutex), or is not a simple statement; and it is offered
// once per map.

// localMutexFix returns the fix for the race between the unlocked write w
// and the accesses others, on a local map, or why none is safe.
func (ck *checker) localMutexFix(w *access, others []*access) ([]analysis.SuggestedFix, string) {
	if w.id.Kind != mapid.Local {
		return nil, fmt.Sprintf("which lock should guard %s is a design decision", ck.mapName(w))
	}
	if ck.localFixed[w.id] {
		return nil, fmt.Sprintf("the fix of another write guards %s with a new mutex", ck.mapName(w))
	}
	ident, ok := ck.syn.mapExpr(w).(*ast.Ident)
	if !ok {
		return nil, fmt.Sprintf("%s is not the name of a local variable", ck.mapName(w))
	}
	obj, ok := ck.pass.TypesInfo.Uses[ident].(*types.Var)
	if !ok || obj.Parent() == nil || obj.Parent() == ck.pass.Pkg.Scope() {
		return nil, fmt.Sprintf("%s is not the name of a local variable", ck.mapName(w))
	}
	file := ck.syn.file(obj.Pos())
	decl := declStmt(file, obj.Pos())
	if file == nil || decl == nil {
		return nil, fmt.Sprintf("%s is not declared by a statement of a block, after which a mutex could be", obj.Name())
	}
	name := edits.FreshName(obj.Parent(), decl.End(), obj.Name()+"Mu")
	prefix, imp := edits.AddImport(ck.pass.TypesInfo, file, "sync", "sync", "Mutex", decl.Pos())
	indent, err := ck.src.Indent(decl.Pos())
	if err != nil {
		return nil, whyNoSource
	}
	end := ck.lineEnd(decl)
	out := append(imp, analysis.TextEdit{Pos: end, End: end, NewText: fmt.Appendf(nil, "\n%svar %s %sMutex", indent, name, prefix)})
	done := make(map[ast.Node]bool)
	for _, a := range append([]*access{w}, others...) {
		if a.Pos < decl.End() || !obj.Parent().Contains(a.Pos) {
			// Reached through another name (a parameter of a function
			// the map is passed to): the new mutex is not in scope there.
			return nil, fmt.Sprintf("%s is also accessed through another name, where a new mutex would not be in scope", obj.Name())
		}
		e, why := ck.wrapStmt(a, name, done)
		if why != "" {
			return nil, why
		}
		out = append(out, e...)
	}
	ck.localFixed[w.id] = true
	return []analysis.SuggestedFix{{Message: fmt.Sprintf("Guard %s with a new mutex %s", obj.Name(), name), TextEdits: out}}, ""
}

// wrapStmt returns the edits that lock name around the statement of a,
// none if done already has it, or why it cannot.
func (ck *checker) wrapStmt(a *access, name string, done map[ast.Node]bool) ([]analysis.TextEdit, string) {
	stmt, why := ck.wrappable(a, name, "reach "+ck.mapName(a), ck.mapName(a))
	if why != "" {
		return nil, why
	}
	if _, ret := stmt.Node().(*ast.ReturnStmt); ret {
		return nil, fmt.Sprintf("an access to %s is in a return statement, after which no unlock can go", ck.mapName(a))
	}
	if done[stmt.Node()] {
		return nil, ""
	}
	done[stmt.Node()] = true
	e, err := ck.src.InsertBefore(stmt.Node(), name+".Lock()")
	if err != nil {
		return nil, whyNoSource
	}
	indent, err := ck.src.Indent(stmt.Node().Pos())
	if err != nil {
		return nil, whyNoSource
	}
	end := ck.lineEnd(stmt.Node())
	return []analysis.TextEdit{e, {Pos: end, End: end, NewText: []byte("\n" + indent + name + ".Unlock()")}}, ""
}

// declStmt returns the statement, directly in a block, that declares the
// variable whose name is at pos: an assignment with := or a var
// declaration.
func declStmt(file *ast.File, pos token.Pos) ast.Stmt {
	if file == nil {
		return nil
	}
	path, _ := astutil.PathEnclosingInterval(file, pos, pos)
	for i, n := range path {
		switch n := n.(type) {
		case *ast.AssignStmt, *ast.DeclStmt:
			if i+1 < len(path) {
				if _, ok := path[i+1].(*ast.BlockStmt); ok {
					return n.(ast.Stmt)
				}
			}
			return nil
		case *ast.FuncDecl, *ast.FuncLit:
			return nil
		}
	}
	return nil
}
