package apis

import (
	"go/token"
	"go/types"
	"testing"
)

// TestEncodes checks encoding/json's documented tag rule: a field tagged
// exactly json:"-" is never encoded, json:"-," is (under the key "-"),
// and an unexported field never is; another package's encoder does not
// read the json key.
func TestEncodes(t *testing.T) {
	str := types.Typ[types.String]
	m := types.NewMap(str, str)
	field := func(name string) *types.Var { return types.NewField(token.NoPos, nil, name, m, false) }
	st := types.NewStruct(
		[]*types.Var{field("Dash"), field("DashComma"), field("Named"), field("Bare"), field("hidden"), field("Other")},
		[]string{`json:"-"`, `json:"-,"`, `json:"meta"`, ``, `json:"meta"`, `xml:"-"`},
	)
	encoder := func(path string) *types.Func {
		pkg := types.NewPackage(path, "p")
		sig := types.NewSignatureType(nil, nil, nil, types.NewTuple(types.NewParam(token.NoPos, pkg, "v", types.NewInterfaceType(nil, nil))), nil, false)
		return types.NewFunc(token.NoPos, pkg, "Marshal", sig)
	}
	for _, c := range []struct {
		path string
		want []bool
	}{
		{"encoding/json", []bool{false, true, true, true, false, true}},
		{"example.com/enc", []bool{true, true, true, true, false, true}},
	} {
		enc := encoder(c.path)
		for i, want := range c.want {
			if got := Encodes(enc, st, i); got != want {
				t.Errorf("Encodes(%s, %s `%s`) = %v, want %v", c.path, st.Field(i).Name(), st.Tag(i), got, want)
			}
		}
	}
}
