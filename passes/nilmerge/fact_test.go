package nilmerge

import (
	"bytes"
	"encoding/gob"
	"reflect"
	"testing"
)

// TestReturnsNilGob checks that the fact survives gob (the form in which
// go vet and golangci-lint pass facts between packages) and stays small.
func TestReturnsNilGob(t *testing.T) {
	f := &ReturnsNil{Paths: []NilReturn{{Result: 0, At: "load.go:16"}, {Result: 2, At: "a_rather_long_file_name.go:12345", Conds: []ParamCond{{Param: 1, Kind: 1, Op: "==", Const: `"api"`}}, WithErr: true}}}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(f); err != nil {
		t.Fatal(err)
	}
	const budget = 420 // bytes, gob type descriptors included
	if buf.Len() > budget {
		t.Errorf("ReturnsNil with 2 paths encodes to %d bytes, over the budget of %d", buf.Len(), budget)
	}
	var got ReturnsNil
	if err := gob.NewDecoder(&buf).Decode(&got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&got, f) {
		t.Errorf("round trip: got %v, want %v", &got, f)
	}
	if s := f.String(); s != `returnsNil(0@load.go:16,2@a_rather_long_file_name.go:12345 with error if p1=="api" false)` {
		t.Errorf("String() = %q", s)
	}
}

// TestReturnsNilGobDeterministic checks that equal facts encode to equal
// bytes (the build cache keys on them).
func TestReturnsNilGobDeterministic(t *testing.T) {
	f := &ReturnsNil{Paths: []NilReturn{{Result: 1, At: "a.go:3"}, {Result: 1, At: "a.go:5", WithErr: true}}}
	var a, b bytes.Buffer
	if err := gob.NewEncoder(&a).Encode(f); err != nil {
		t.Fatal(err)
	}
	if err := gob.NewEncoder(&b).Encode(f); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two encodings of one fact differ")
	}
}
