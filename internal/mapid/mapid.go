// Package mapid answers which map an SSA value denotes, and which object an
// address points into, so that two accesses made in different functions (or
// goroutines) can be compared.
//
// A map is identified by where it lives:
//
//   - a package-level variable (all functions share it);
//   - a field of a struct type: all *Session values share Session.seen for
//     this purpose, which is how a type meant for concurrent use is reasoned
//     about (the object itself is compared through [Ref]);
//   - a local variable or allocation site (make, a literal, a captured
//     variable), seen through the closures that capture it;
//   - a parameter of the function.
//
// Anything else (a call result, a map read from a channel or another map) is
// [Unknown]: passes stay silent on it.
package mapid

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// Kind says where a map lives.
type Kind uint8

const (
	Unknown Kind = iota
	Global       // a package-level variable: ID.Global
	Field        // a struct field: ID.Field, the object is ID.Base
	Local        // a local variable or allocation site: ID.Site
	Param        // a parameter: ID.Site is the *ssa.Parameter
)

// An ID identifies a map. IDs are comparable; two accesses denote the same
// map when their IDs are equal and, for fields, their bases denote the same
// object.
type ID struct {
	Kind   Kind
	Global *ssa.Global // Global
	Field  *types.Var  // Field: the field's generic origin
	Site   ssa.Value   // Local: *ssa.Alloc, *ssa.MakeMap...; Param: *ssa.Parameter

	step Step // Field: the step that selects the field
}

// FieldStep returns the step that selects the map of a Field ID from the
// object holding it.
func (id ID) FieldStep() Step { return id.step }

func (id ID) String() string {
	switch id.Kind {
	case Global:
		return id.Global.Object().Pkg().Name() + "." + id.Global.Name()
	case Field:
		return "field " + id.Field.Name()
	case Local:
		return "local " + id.Site.Name()
	case Param:
		return "param " + id.Site.Name()
	}
	return "unknown"
}

// Of returns the identity of the map that v (a map-typed value) denotes and,
// for a field, the address or value of the struct that holds it.
func Of(v ssa.Value) (id ID, base ssa.Value) {
	return of(v, 0)
}

func of(v ssa.Value, depth int) (ID, ssa.Value) {
	if depth > 16 {
		return ID{}, nil
	}
	switch v := v.(type) {
	case *ssa.UnOp:
		if v.Op.String() == "*" {
			return addr(v.X, depth+1)
		}
	case *ssa.Field:
		return fieldID(v.X.Type(), v.Field), v.X
	case *ssa.MakeMap:
		return ID{Kind: Local, Site: v}, nil
	case *ssa.Parameter:
		return ID{Kind: Param, Site: v}, nil
	case *ssa.FreeVar:
		if b := Binding(v); b != nil {
			return of(b, depth+1)
		}
	case *ssa.ChangeType:
		return of(v.X, depth+1)
	case *ssa.Phi:
		var first ID
		var firstBase ssa.Value
		for i, e := range v.Edges {
			if e == v {
				continue
			}
			id, base := of(e, depth+1)
			if id.Kind == Unknown || id.Kind == Field {
				return ID{}, nil
			}
			if i == 0 || first.Kind == Unknown {
				first, firstBase = id, base
			} else if id != first {
				return ID{}, nil
			}
		}
		return first, firstBase
	}
	return ID{}, nil
}

// addr resolves the map stored at address a.
func addr(a ssa.Value, depth int) (ID, ssa.Value) {
	switch a := a.(type) {
	case *ssa.Global:
		return ID{Kind: Global, Global: a}, nil
	case *ssa.FieldAddr:
		return fieldID(a.X.Type(), a.Field), a.X
	case *ssa.Alloc:
		return ID{Kind: Local, Site: a}, nil
	case *ssa.FreeVar:
		if b := Binding(a); b != nil {
			return addr(b, depth+1)
		}
	}
	return ID{}, nil
}

// FieldID returns the identity of the map in field i of the struct t is or
// points to (the target of a store, which has no value to pass to Of).
func FieldID(t types.Type, i int) ID { return fieldID(t, i) }

// fieldID returns the ID of field i of the struct that t is or points to,
// named by its generic origin so that all instantiations share it.
func fieldID(t types.Type, i int) ID {
	step := FieldOf(t, i)
	return ID{Kind: Field, Field: step.Var(), step: step}
}

// Binding returns the value that the enclosing function binds to the free
// variable fv of a closure, or nil if the closure is not created there.
func Binding(fv *ssa.FreeVar) ssa.Value {
	fn := fv.Parent()
	parent := fn.Parent()
	if parent == nil {
		return nil
	}
	idx := -1
	for i, f := range fn.FreeVars {
		if f == fv {
			idx = i
		}
	}
	for _, b := range parent.Blocks {
		for _, instr := range b.Instrs {
			if mc, ok := instr.(*ssa.MakeClosure); ok && mc.Fn == fn && idx < len(mc.Bindings) {
				return mc.Bindings[idx]
			}
		}
	}
	return nil
}

// A Ref names an object by a root value and a path of field selections,
// dereferences and indexing from it, so that two separately computed
// addresses of one object (s.shards[i].mu in two statements) compare equal.
// Root is a *ssa.Parameter, *ssa.Global, *ssa.Alloc or another value of the
// function that computes the address; free variables are resolved to the
// enclosing function's values. Refs are compared with Equal.
type Ref struct {
	Root ssa.Value
	Path Path // e.g. (field mu), (field shards, deref, index t3, field mu)
}

func (r Ref) IsZero() bool { return r.Root == nil }

// Equal reports whether r and s name the same object.
func (r Ref) Equal(s Ref) bool { return r.Root == s.Root && r.Path.Equal(s.Path) }

// Child returns the ref of the path p inside r.
func (r Ref) Child(p Path) Ref { return Ref{r.Root, r.Path.Concat(p)} }

// Append returns the ref of r followed by steps.
func (r Ref) Append(steps ...Step) Ref { return Ref{r.Root, r.Path.Append(steps...)} }

// String prints r for messages: the root's source name and the field names.
func (r Ref) String() string {
	name := "?"
	switch root := r.Root.(type) {
	case *ssa.Parameter:
		name = root.Name()
	case *ssa.Global:
		name = root.Name()
	case *ssa.Alloc:
		if root.Comment != "" {
			name = root.Comment
		}
	}
	return name + r.Path.String()
}

// RefOf returns the ref of value v (a pointer to, or a value of, an object).
func RefOf(v ssa.Value) Ref {
	return refOf(v, 0)
}

func refOf(v ssa.Value, depth int) Ref {
	if depth > 16 {
		return Ref{Root: v}
	}
	switch x := v.(type) {
	case *ssa.FieldAddr:
		return refOf(x.X, depth+1).Append(FieldOf(x.X.Type(), x.Field))
	case *ssa.Field:
		return refOf(x.X, depth+1).Append(FieldOf(x.X.Type(), x.Field))
	case *ssa.IndexAddr:
		return refOf(x.X, depth+1).Append(Index(x.Index))
	case *ssa.Index:
		return refOf(x.X, depth+1).Append(Index(x.Index))
	case *ssa.UnOp:
		if prm := SpilledParam(x.X); prm != nil {
			return Ref{Root: prm}
		}
		if a, ok := x.X.(*ssa.Alloc); ok {
			if prm := paramCopy(a); prm != nil {
				return Ref{Root: prm}
			}
		}
		if x.Op.String() == "*" {
			return refOf(x.X, depth+1).Append(Deref())
		}
	case *ssa.ChangeType:
		return refOf(x.X, depth+1)
	case *ssa.Alloc:
		if prm := paramCopy(x); prm != nil {
			return Ref{Root: prm}
		}
	case *ssa.FreeVar:
		if b := Binding(x); b != nil {
			return refOf(b, depth+1)
		}
	}
	return Ref{Root: v}
}

// IsGlobal reports whether r is rooted at a package-level variable.
func IsGlobal(r Ref) bool {
	_, ok := r.Root.(*ssa.Global)
	return ok
}

// SpilledParam returns the parameter whose value the local variable a
// holds, when a is a parameter that closures capture (go/ssa gives it a
// cell, stores the parameter there once, and never stores again): loading
// it is reading the parameter. Otherwise it returns nil. The rule is
// [StoredOnce]'s: the variable's other uses are not looked at.
func SpilledParam(a ssa.Value) *ssa.Parameter {
	alloc := cellOf(a)
	if alloc == nil || !alloc.Heap {
		return nil
	}
	// The store is in alloc's function, so a parameter it stores is one
	// of that function's.
	p, _ := storedOnce(alloc).(*ssa.Parameter)
	return p
}
