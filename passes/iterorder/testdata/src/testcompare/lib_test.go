// This file holds the tests of lib.go: the first three compare a list
// built in map order with a fixed one, the others as a set, after a sort,
// or by its length.
package testcompare

import (
	"reflect"
	"sort"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestMapKeys(t *testing.T) {
	m := map[string]string{"a": "1", "b": "2"}
	require.Equal(t, []string{"a", "b"}, mapKeys(m))
}

func TestNames(t *testing.T) {
	got := Names(map[string]int{"a": 1, "b": 2})
	if !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Errorf("Names() = %v", got)
	}
}

func TestServiceInfo(t *testing.T) {
	info := ServiceInfo(map[string]map[string]bool{"svc": {"Get": true, "List": true}})
	want := map[string]Info{"svc": {Methods: []string{"Get", "List"}}}
	if !reflect.DeepEqual(info, want) {
		t.Errorf("ServiceInfo() = %+v, want %+v", info, want)
	}
}

func TestSetKeys(t *testing.T) {
	m := map[string]string{"a": "1", "b": "2"}
	require.ElementsMatch(t, []string{"a", "b"}, setKeys(m))
}

func TestSortedByTest(t *testing.T) {
	got := SortedByTest(map[string]int{"a": 1, "b": 2})
	sort.Strings(got)
	if !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Errorf("SortedByTest() = %v", got)
	}
}

func TestCounted(t *testing.T) {
	got := Counted(map[string]int{"a": 1, "b": 2})
	t.Logf("got %v", got)
	if len(got) != 2 {
		t.Errorf("Counted() = %v", got)
	}
}

func TestSorted(t *testing.T) {
	if got := Sorted(map[string]int{"a": 1, "b": 2}); !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Errorf("Sorted() = %v", got)
	}
}

func TestSortedByHelper(t *testing.T) {
	if got := sortStrings(SortedByHelper(map[string]int{"a": 1, "b": 2})); !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Errorf("SortedByHelper() = %v", got)
	}
}

func TestOneExpected(t *testing.T) {
	require.Equal(t, []string{"a"}, OneExpected(map[string]int{"a": 1}))
}

func TestFormParams(t *testing.T) {
	ps := FormParams(map[string]map[string]any{"file": {"x-mimetype": "text/plain"}})
	require.Len(t, ps, 1)
	require.Equal(t, map[string]any{"x-mimetype": "text/plain"}, ps[0].Extensions)
}

func TestBindings(t *testing.T) {
	got := Bindings(map[string]string{"q": "x"})
	if len(got) != 1 {
		t.Fatalf("got %d bindings, want 1", len(got))
	}
	if !reflect.DeepEqual(got[0], "q") {
		t.Errorf("binding = %v", got[0])
	}
}

func TestGuarded(t *testing.T) {
	got := Guarded(map[string]string{"q": "x"})
	if len(got) == 1 {
		require.Equal(t, "q", got[0])
	}
	if len(got) == 1 && !reflect.DeepEqual(got[0], "q") {
		t.Errorf("got %v", got)
	}
}

func TestFirstOfMany(t *testing.T) {
	got := FirstOfMany(map[string]string{"a": "1", "b": "2"})
	require.Equal(t, "a", got[0])
}

func TestRefetched(t *testing.T) {
	got := Refetched(map[string]string{"a": "1"})
	require.Len(t, got, 1)
	got = Refetched(map[string]string{"a": "1", "b": "2"})
	require.Equal(t, "a", got[0])
}

func TestTwoAsserted(t *testing.T) {
	got := TwoAsserted(map[string]string{"a": "1", "b": "2"})
	require.Len(t, got, 2)
	require.Equal(t, "a", got[0])
}

func TestToKeyValues(t *testing.T) {
	meta := map[string]string{"key1": "value1"}
	kvs := toKeyValues(meta)
	require.Equal(t, 1, len(kvs))
	require.Equal(t, "key1", *kvs[0].Key)

	meta = map[string]string{"key1": "value1", "key2": "value2"}
	kvs = toKeyValues(meta)
	require.Equal(t, 2, len(kvs))
	for _, kv := range kvs {
		require.Equal(t, meta[*kv.Key], *kv.Value)
	}
}

func TestPairsOf(t *testing.T) {
	meta := map[string]string{"key1": "value1", "key2": "value2"}
	kvs := pairsOf(meta)
	require.Equal(t, "key1", *kvs[0].Key)
}

func TestGrownPairs(t *testing.T) {
	meta := map[string]string{"key1": "value1"}
	meta["key2"] = "value2"
	kvs := grownPairs(meta)
	require.Equal(t, "key1", *kvs[0].Key)
}
