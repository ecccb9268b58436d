package safemap

import (
	"reflect"
	"testing"
)

type labels map[string]string

func TestPutAll(t *testing.T) {
	for _, tc := range []struct {
		name     string
		dst, src map[string]int
		want     map[string]int
		wantNil  bool
	}{
		{name: "nil dst, nil src", wantNil: true},
		{name: "nil dst, empty src", src: map[string]int{}, wantNil: true},
		{name: "nil dst", src: map[string]int{"a": 1, "b": 2}, want: map[string]int{"a": 1, "b": 2}},
		{name: "empty dst", dst: map[string]int{}, src: map[string]int{"a": 1}, want: map[string]int{"a": 1}},
		{name: "overlap: src wins", dst: map[string]int{"a": 1, "b": 2}, src: map[string]int{"b": 3, "c": 4}, want: map[string]int{"a": 1, "b": 3, "c": 4}},
		{name: "nil src", dst: map[string]int{"a": 1}, want: map[string]int{"a": 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := PutAll(tc.dst, tc.src)
			if tc.wantNil {
				if got != nil {
					t.Fatalf("PutAll = %v, want nil", got)
				}
				return
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("PutAll = %v, want %v", got, tc.want)
			}
			if tc.dst != nil && reflect.ValueOf(got).Pointer() != reflect.ValueOf(tc.dst).Pointer() {
				t.Errorf("PutAll allocated a new map although dst was not nil")
			}
		})
	}
}

func TestPutAllSameMap(t *testing.T) {
	m := map[string]int{"a": 1, "b": 2}
	got := PutAll(m, m)
	if !reflect.DeepEqual(got, map[string]int{"a": 1, "b": 2}) {
		t.Errorf("PutAll(m, m) = %v", got)
	}
}

func TestPutAllDoesNotAliasSrc(t *testing.T) {
	src := map[string]int{"a": 1}
	dst := PutAll(nil, src)
	dst["b"] = 2
	if len(src) != 1 {
		t.Errorf("writing to the result changed src: %v", src)
	}
}

func TestPutAllNamedType(t *testing.T) {
	var dst labels
	dst = PutAll(dst, labels{"env": "prod"}) // the result keeps the named type
	if dst["env"] != "prod" {
		t.Errorf("PutAll = %v", dst)
	}
}

func TestPutAllSizesForSrc(t *testing.T) {
	src := make(map[int]int, 1000)
	for i := 0; i < 1000; i++ {
		src[i] = i
	}
	// A map sized for src up front is allocated once; one that grows entry by
	// entry reallocates its tables as it goes.
	sized := testing.AllocsPerRun(10, func() { PutAll(nil, src) })
	grown := testing.AllocsPerRun(10, func() {
		dst := map[int]int{}
		for k, v := range src {
			dst[k] = v
		}
	})
	if sized >= grown {
		t.Errorf("PutAll(nil, src) made %v allocations, a growing map %v; want fewer", sized, grown)
	}
}
