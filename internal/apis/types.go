package apis

import "go/types"

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
