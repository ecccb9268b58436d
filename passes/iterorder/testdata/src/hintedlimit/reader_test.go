// This file holds block_test.go:554's shape (prometheus tsdb): a test of
// another package asks the reader for the smallest values and compares
// them in order with a fixed list (silent: the limit sorts them), and its
// twin through the limit that does not sort (reported at the call).
package hintedlimit_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"hintedlimit"
	"hintedlimit/limits"
)

func TestLabelValuesSmallest(t *testing.T) {
	var r hintedlimit.Reader
	got := r.LabelValues("bar", &limits.Hints{Limit: 2, LimitSmallest: true})
	require.Equal(t, []string{"0", "1"}, got)
}

func TestLabelValuesTruncated(t *testing.T) {
	var r hintedlimit.Reader
	got := r.LabelValuesTruncated("bar", &limits.Hints{Limit: 2}) // want "result depends on map iteration order: the result of hintedlimit.Reader.LabelValuesTruncated, built in map order and returned unsorted, is compared by require.Equal unsorted"
	require.Equal(t, []string{"0", "1"}, got)
}
