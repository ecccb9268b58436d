package concurrentwrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/maplint/maplint/internal/apis"
	"github.com/maplint/maplint/internal/lockset"
	"github.com/maplint/maplint/internal/mapid"
)

// The fixes, and why they keep behaviour apart from removing the race:
//
//	s.m[k] = v              →  s.mu.Lock()
//	                           s.m[k] = v
//	                           s.mu.Unlock()
//
//	s.m[k] = v  (last statement of the function)
//	                        →  s.mu.Lock()
//	                           defer s.mu.Unlock()
//	                           s.m[k] = v
//
// Taking the lock can deadlock if it is already held, so the fix is only
// offered when the statement calls no function (a call might take the
// lock), nothing in the package calls the function (statically, deferred,
// through an interface or as a callback: that call may hold the lock,
// even when the function is also started by go or stored, which makes
// the access unguarded on those other paths), and the function has no
// deferred unlock of its own. A read before the function's own Lock of
// the guard (a fast path) gets the fix whatever its callers: holding the
// guard there, they would deadlock on that Lock.
//
//	s.mu.RLock()            →  s.mu.Lock()
//	defer s.mu.RUnlock()    →  defer s.mu.Unlock()
//
// The write lock is stronger than the read lock, so every access the read
// lock protected stays protected. The fix renames every RLock and RUnlock of
// the same mutex in the function, and is not offered when the function calls
// another function of the package (which may take the read lock again: a
// read lock under the write lock deadlocks), nor when the package calls the
// function (its caller may hold the read lock: the write lock under it
// deadlocks).

// wrapFix returns the fix that takes guard (the mutex mu) around the write
// a, or why none is safe.
func (ck *checker) wrapFix(a *access, guard string, mu mapid.Ref) ([]analysis.SuggestedFix, string) {
	return ck.wrapFixWith(a, guard, mu, "Lock", "Unlock")
}

// wrapFixWith returns the fix that calls guard's lock and unlock methods
// around the statement of the access a, or why none is safe. A return
// statement takes the lock and defers the unlock: the function ends right
// after it.
func (ck *checker) wrapFixWith(a *access, guard string, mu mapid.Ref, lock, unlock string) ([]analysis.SuggestedFix, string) {
	return ck.wrapFixOf(a, guard, mu, lock, unlock, false)
}

// wrapFixOf is wrapFixWith; selfLocking says that a's function takes the
// guard itself, elsewhere than at a: no caller can hold it then (the
// function's own Lock would deadlock), and a deferred unlock belongs to
// that other critical section.
func (ck *checker) wrapFixOf(a *access, guard string, mu mapid.Ref, lock, unlock string, selfLocking bool) ([]analysis.SuggestedFix, string) {
	if len(ck.lp.Callers(a.fn)) > 0 && !selfLocking {
		return nil, fmt.Sprintf("%s is called in the package, where a caller may already hold %s", ck.fnText(a.fn), guard)
	}
	stmt, why := ck.wrappable(a, guard, "take "+guard, "")
	if why != "" {
		return nil, why
	}
	body, ok := funcBody(stmt)
	if !ok {
		return nil, "the access is not in a function body"
	}
	_, ret := stmt.Node().(*ast.ReturnStmt)
	ret = ret || ends(stmt, body)
	if defersUnlock(a.fn, mu) && (ret || !selfLocking) {
		return nil, fmt.Sprintf("%s already defers the unlock of %s", ck.fnText(a.fn), guard)
	}
	what := "write"
	if !a.Write {
		what = "read"
	}
	var edits []analysis.TextEdit
	if ret {
		e, err := ck.src.InsertBefore(stmt.Node(), guard+"."+lock+"()\ndefer "+guard+"."+unlock+"()")
		if err != nil {
			return nil, whyNoSource
		}
		edits = append(edits, e)
	} else {
		e, err := ck.src.InsertBefore(stmt.Node(), guard+"."+lock+"()")
		if err != nil {
			return nil, whyNoSource
		}
		indent, err := ck.src.Indent(stmt.Node().Pos())
		if err != nil {
			return nil, whyNoSource
		}
		end := ck.lineEnd(stmt.Node())
		edits = append(edits, e, analysis.TextEdit{Pos: end, End: end, NewText: []byte("\n" + indent + guard + "." + unlock + "()")})
	}
	verb := "Lock"
	if lock != "Lock" {
		verb = "Read-lock"
	}
	return []analysis.SuggestedFix{{Message: fmt.Sprintf("%s %s around the %s", verb, guard, what), TextEdits: edits}}, ""
}

// whyNoSource is the reason for no fix when the source to edit cannot be
// read.
const whyNoSource = "the source of the statement cannot be read"

// wrappable returns the statement of the access a, which the lock guard
// can wrap, or why it cannot: the statement is not a simple one directly
// in a block, it calls a function that may do risk (take the lock: a
// deadlock), or it receives from a channel (it would wait holding the
// lock, which the sender may need). other names the map when a is not the
// access reported but another that the fix must wrap too.
func (ck *checker) wrappable(a *access, guard, risk, other string) (inspector.Cursor, string) {
	subject, stmtSubject := "the access", "the statement"
	if other != "" {
		subject = "an access to " + other
		stmtSubject = "the statement of " + subject
	}
	c, ok := ck.syn.at[a.Pos]
	if !ok {
		return c, subject + " is not in a statement that a lock can wrap"
	}
	stmt, ok := enclosingStmt(c)
	if !ok {
		return c, subject + " is " + place(c, guard)
	}
	if call := ck.callsFunctions(stmt.Node()); call != nil {
		return c, fmt.Sprintf("%s calls %s, which may %s", stmtSubject, types.ExprString(call.Fun), risk)
	}
	if receives(stmt.Node()) {
		return c, fmt.Sprintf("%s receives from a channel, and would wait holding %s", stmtSubject, guard)
	}
	return stmt, ""
}

// place says where the access at c is, when it is not in a statement
// that a lock can wrap (see enclosingStmt).
func place(c inspector.Cursor, guard string) string {
	if _, ok := c.Node().(*ast.RangeStmt); ok {
		return "a range loop, whose body would run holding " + guard
	}
	for ; c.Valid(); c = c.Parent() {
		switch c.Node().(type) {
		case *ast.CommClause:
			return "in a select case's communication"
		case *ast.CaseClause:
			return "in a case of a switch statement"
		case *ast.IfStmt:
			return "in the header of an if statement"
		case *ast.SwitchStmt, *ast.TypeSwitchStmt:
			return "in the header of a switch statement"
		case *ast.ForStmt:
			return "in the header of a for loop"
		case *ast.RangeStmt:
			return "in the header of a range loop"
		case *ast.SendStmt:
			return "in a send statement, which may block holding " + guard
		case *ast.GoStmt, *ast.DeferStmt:
			return "in the arguments of a go or defer statement"
		case *ast.DeclStmt:
			return "in a var declaration"
		case *ast.AssignStmt, *ast.IncDecStmt, *ast.ExprStmt, *ast.ReturnStmt:
			continue // the statement is in a header, see its parent
		case ast.Stmt, *ast.FuncLit:
			return "not in a statement that a lock can wrap"
		}
	}
	return "not in a statement that a lock can wrap"
}

// fnText names fn in a reason: its name, or for a function literal the
// function it is in.
func (ck *checker) fnText(fn *ssa.Function) string {
	if fn.Parent() != nil {
		return "the function literal in " + ck.funcName(fn)
	}
	return ck.funcName(fn)
}

// upgradeFix returns the fix that turns the read lock l (held at the write
// a) and its unlocks into the write lock, or why none is safe.
func (ck *checker) upgradeFix(a *access, l lockset.Lock) ([]analysis.SuggestedFix, string) {
	name := ck.lockName(l)
	if len(ck.lp.Callers(a.fn)) > 0 {
		// A caller may hold the read lock: the write lock taken under
		// it would deadlock.
		return nil, fmt.Sprintf("%s is called in the package, where a caller may hold the read lock %s", ck.fnText(a.fn), name)
	}
	c, call, sel, ok := ck.lockCall(l)
	if !ok || ck.lockRole(call) != apis.RLock {
		return nil, fmt.Sprintf("%s is read-locked by a helper, not by an RLock call the fix can rename", name)
	}
	lockName, ok1 := ck.methodWithRole(sel.X, apis.Lock)
	unlockName, ok2 := ck.methodWithRole(sel.X, apis.Unlock)
	if !ok1 || !ok2 {
		return nil, fmt.Sprintf("%s has no write lock methods", name)
	}
	mu := types.ExprString(sel.X)
	fc, ok := enclosingFunc(c)
	if !ok {
		return nil, fmt.Sprintf("%s is read-locked by a helper, not by an RLock call the fix can rename", name)
	}
	var edits []analysis.TextEdit
	unlocks := 0
	for cc := range fc.Preorder((*ast.CallExpr)(nil)) {
		call := cc.Node().(*ast.CallExpr)
		if ck.callsPackageFunc(call) {
			return nil, fmt.Sprintf("the function calls %s, which may read-lock %s again", types.ExprString(call.Fun), mu)
		}
		s, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || types.ExprString(s.X) != mu {
			continue
		}
		switch ck.lockRole(call) {
		case apis.RLock:
			edits = append(edits, analysis.TextEdit{Pos: s.Sel.Pos(), End: s.Sel.End(), NewText: []byte(lockName)})
		case apis.RUnlock:
			unlocks++
			edits = append(edits, analysis.TextEdit{Pos: s.Sel.Pos(), End: s.Sel.End(), NewText: []byte(unlockName)})
		}
	}
	if unlocks == 0 {
		return nil, fmt.Sprintf("the function does not release the read lock %s itself", mu)
	}
	return []analysis.SuggestedFix{{Message: fmt.Sprintf("Take the write lock %s.%s instead of %s", mu, lockName, sel.Sel.Name), TextEdits: edits}}, ""
}

// lockRole returns the lock role of the method call calls (RLock for
// (*sync.RWMutex).RLock, also promoted through an embedded mutex), or 0.
func (ck *checker) lockRole(call *ast.CallExpr) apis.Role {
	fn, ok := typeutil.Callee(ck.pass.TypesInfo, call).(*types.Func)
	if !ok {
		return 0
	}
	for _, role := range []apis.Role{apis.Lock, apis.Unlock, apis.RLock, apis.RUnlock} {
		if _, ok := apis.Find(fn, role); ok {
			return role
		}
	}
	return 0
}

// methodWithRole returns the name of the method of x's type (or of its
// pointer) that plays role in the API table: Lock for a sync.RWMutex, or
// for a struct embedding one.
func (ck *checker) methodWithRole(x ast.Expr, role apis.Role) (string, bool) {
	return methodOfType(ck.pass.TypesInfo.TypeOf(x), role)
}

// methodOfType is methodWithRole for a value of type t.
func methodOfType(t types.Type, role apis.Role) (string, bool) {
	if t == nil {
		return "", false
	}
	if _, isPtr := t.Underlying().(*types.Pointer); !isPtr {
		t = types.NewPointer(t)
	}
	ms := types.NewMethodSet(t)
	for i := range ms.Len() {
		if fn, ok := ms.At(i).Obj().(*types.Func); ok {
			if _, ok := apis.Find(fn, role); ok {
				return fn.Name(), true
			}
		}
	}
	return "", false
}

// enclosingStmt returns the statement, directly in a block or case body,
// that contains c, if it is an assignment, ++/-- or expression statement.
// The communication of a select case (case m := <-chans[k]:) is not in
// its clause's body: no statement can go before it.
func enclosingStmt(c inspector.Cursor) (inspector.Cursor, bool) {
	for ; c.Valid(); c = c.Parent() {
		switch c.Node().(type) {
		case *ast.AssignStmt, *ast.IncDecStmt, *ast.ExprStmt, *ast.ReturnStmt:
			switch c.Parent().Node().(type) {
			case *ast.BlockStmt, *ast.CaseClause:
				return c, true
			case *ast.CommClause:
				k, _ := c.ParentEdge()
				return c, k == edge.CommClause_Body
			}
			return c, false
		case ast.Stmt, *ast.FuncLit:
			return c, false
		}
	}
	return c, false
}

// funcBody returns the body of the function that contains c.
func funcBody(c inspector.Cursor) (*ast.BlockStmt, bool) {
	fc, ok := enclosingFunc(c)
	if !ok {
		return nil, false
	}
	switch n := fc.Node().(type) {
	case *ast.FuncDecl:
		return n.Body, n.Body != nil
	case *ast.FuncLit:
		return n.Body, true
	}
	return nil, false
}

func enclosingFunc(c inspector.Cursor) (inspector.Cursor, bool) {
	for fc := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return fc, true
	}
	return c, false
}

// ends reports whether stmt is the last statement of body.
func ends(stmt inspector.Cursor, body *ast.BlockStmt) bool {
	return stmt.Parent().Node() == body && body.List[len(body.List)-1] == stmt.Node()
}

// callsFunctions returns the first call in n of anything but builtins,
// conversions and the maps package, or nil.
func (ck *checker) callsFunctions(n ast.Node) *ast.CallExpr {
	var calls *ast.CallExpr
	ast.Inspect(n, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || calls != nil {
			return calls == nil
		}
		if tv, ok := ck.pass.TypesInfo.Types[call.Fun]; ok && (tv.IsType() || tv.IsBuiltin()) {
			return true
		}
		if fn, ok := typeutil.Callee(ck.pass.TypesInfo, call).(*types.Func); ok {
			if _, ok := apis.Find(fn, apis.CallsNothing); ok {
				return true
			}
		}
		if ck.cannotLock(call) {
			return true
		}
		calls = call
		return false
	})
	return calls
}

// receives reports whether n receives from a channel (s.m[k] = <-ch): the
// lock would be held while it waits, and the sender may need it.
func receives(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if u, ok := n.(*ast.UnaryExpr); ok && u.Op == token.ARROW {
			found = true
		}
		return !found
	})
	return found
}

// cannotLock reports whether call cannot take a lock of this package: a
// function of another package (time.Now(), strconv.Itoa(n)) that is given
// nothing through which it could reach one — no value of a type of this
// package, no function, interface or unsafe pointer — cannot name the
// package's mutexes, nor call back into code that does.
func (ck *checker) cannotLock(call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(ck.pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg() == ck.pass.Pkg {
		return false
	}
	args := call.Args
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && ck.pass.TypesInfo.Selections[sel] != nil {
		args = append([]ast.Expr{sel.X}, args...)
	}
	for _, a := range args {
		if !ck.opaqueToLocks(ck.pass.TypesInfo.TypeOf(a), make(map[*types.Named]bool)) {
			return false
		}
	}
	return true
}

// opaqueToLocks reports whether a value of type t carries nothing through
// which a callee could reach a lock of this package. A named type met
// again on the way (a list of itself) adds nothing: its other parts are
// checked where it was first met. A lock itself (a type with a Lock
// method in the API table: sync.Mutex, or a struct of another package
// that embeds one) is not opaque: the guard may be that lock, reached
// through the value given (s.t.Len() locks s.t, the guard of s.t.Rows).
func (ck *checker) opaqueToLocks(t types.Type, seen map[*types.Named]bool) bool {
	if t == nil {
		return false
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		if n.Obj().Pkg() == ck.pass.Pkg {
			return false
		}
		if seen[n] {
			return true
		}
		seen[n] = true
		if _, ok := methodOfType(n, apis.Lock); ok {
			return false
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Kind() != types.UnsafePointer
	case *types.Pointer:
		return ck.opaqueToLocks(u.Elem(), seen)
	case *types.Slice:
		return ck.opaqueToLocks(u.Elem(), seen)
	case *types.Array:
		return ck.opaqueToLocks(u.Elem(), seen)
	case *types.Map:
		return ck.opaqueToLocks(u.Key(), seen) && ck.opaqueToLocks(u.Elem(), seen)
	case *types.Struct:
		for f := range u.Fields() {
			if !ck.opaqueToLocks(f.Type(), seen) {
				return false
			}
		}
		return true
	}
	return false // functions, interfaces, channels
}

// callsPackageFunc reports whether call calls a function or method declared
// in the package being analyzed.
func (ck *checker) callsPackageFunc(call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(ck.pass.TypesInfo, call).(*types.Func)
	return ok && fn.Pkg() == ck.pass.Pkg
}

// defersUnlock reports whether fn defers the Unlock of mu (the Unlock row
// of the API table, called on the same lock path, whatever the expression
// that names it).
func defersUnlock(fn *ssa.Function, mu mapid.Ref) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if d, ok := instr.(*ssa.Defer); ok {
				if op, m := lockset.Classify(&d.Call); op == lockset.Release && mapid.RefOf(m).Equal(mu) {
					return true
				}
			}
		}
	}
	return false
}

// lineEnd returns the end of n, or of the comment that follows it on its
// line, so that a statement inserted after n leaves that comment in place.
func (ck *checker) lineEnd(n ast.Node) token.Pos {
	end := n.End()
	f := ck.syn.file(end)
	if f == nil {
		return end
	}
	line := ck.pass.Fset.Position(end).Line
	for _, cg := range f.Comments {
		if cg.Pos() >= end && ck.pass.Fset.Position(cg.Pos()).Line == line {
			return cg.End()
		}
	}
	return end
}
