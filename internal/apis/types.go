package apis

import (
	"go/token"
	"go/types"
)

// StructOf returns the struct type of t or *t, or nil.
func StructOf(t types.Type) *types.Struct {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, _ := t.Underlying().(*types.Struct)
	return st
}

// FieldIndex returns the index of the field f (or of another instance of
// its generic origin) in the struct that t is or points to, or -1.
func FieldIndex(t types.Type, f *types.Var) int {
	st := StructOf(t)
	if st == nil {
		return -1
	}
	for i := range st.NumFields() {
		if st.Field(i) == f || st.Field(i).Origin() == f.Origin() {
			return i
		}
	}
	return -1
}

// Mirror returns the comparison with its operands exchanged: a < b is
// b > a; == and != stay.
func Mirror(op token.Token) token.Token {
	switch op {
	case token.LSS:
		return token.GTR
	case token.GTR:
		return token.LSS
	case token.LEQ:
		return token.GEQ
	case token.GEQ:
		return token.LEQ
	}
	return op
}
