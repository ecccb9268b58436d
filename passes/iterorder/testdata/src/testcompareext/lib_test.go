// This file holds the external tests of lib.go: the first compares Keys'
// result in order with a fixed list (flaky), the others as a set or by
// its length.
package testcompareext_test

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/require"

	"testcompareext"
)

func TestKeys(t *testing.T) {
	got := testcompareext.Keys(map[string]int{"a": 1, "b": 2}) // want "result depends on map iteration order: the result of testcompareext.Keys, built in map order and returned unsorted, is compared by reflect.DeepEqual unsorted"
	if !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Errorf("Keys() = %v", got)
	}
}

func TestKeysAsSet(t *testing.T) {
	require.ElementsMatch(t, []string{"a", "b"}, testcompareext.Keys(map[string]int{"a": 1, "b": 2}))
}

func TestKeysCount(t *testing.T) {
	got := testcompareext.Keys(map[string]int{"a": 1, "b": 2})
	t.Logf("keys: %v", got)
	if len(got) != 2 {
		t.Errorf("Keys() = %v", got)
	}
}
