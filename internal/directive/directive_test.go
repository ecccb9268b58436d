package directive

import (
	"fmt"
	"reflect"
	"testing"
)

// directives parses comment texts as the directives of one package.
func directives(texts ...string) *Directives {
	ds := new(Directives)
	for _, text := range texts {
		if d := parse(text); d != nil {
			ds.list = append(ds.list, d)
		}
	}
	return ds
}

func TestUnknown(t *testing.T) {
	ds := directives(
		"//maplint:ignore nilmerge,iterordr reason",         // reported by nilmerge, the first known name
		"//maplint:ignore concurentwrite reason",            // by concurrentwrite, the nearest
		"//maplint:ignore leak reason",                      // by the nearest, with no suggestion
		"//maplint:ignore the map is filled before any use", // the pass is missing: "the" is no pass
		"//maplint:ignore iterorder,nilmerge reason",        // all known
		"//maplint:ignore",                                  // names nothing: malformed, not unknown
	)
	got := make(map[string][]string)
	for _, pass := range PassNames() {
		for _, u := range ds.Unknown(pass) {
			got[pass] = append(got[pass], fmt.Sprintf("%s→%s", u.Name, u.Suggest))
		}
	}
	nearestLeak, _ := nearestName("leak", PassNames())
	nearestThe, _ := nearestName("the", PassNames())
	want := map[string][]string{
		"nilmerge":        {"iterordr→iterorder"},
		"concurrentwrite": {"concurentwrite→concurrentwrite"},
	}
	want[nearestLeak] = append(want[nearestLeak], "leak→")
	want[nearestThe] = append(want[nearestThe], "the→")
	if !reflect.DeepEqual(got, want) {
		t.Errorf("unknown names by reporting pass:\n got %v\nwant %v", got, want)
	}

	// A pass outside the suite knows its own name.
	if u := directives("//maplint:ignore mapwrite reason").Unknown("mapwrite"); len(u) != 0 {
		t.Errorf("an analyzer outside the suite reports its own name as unknown: %v", u)
	}
}

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"nilmerge", "nilmerge", 0},
		{"nilmerg", "nilmerge", 1},
		{"nilmrege", "nilmerge", 2},
		{"", "abc", 3},
		{"kitten", "sitting", 3},
	} {
		if got := editDistance(tc.a, tc.b); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
		if got := editDistance(tc.b, tc.a); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.b, tc.a, got, tc.want)
		}
	}
}
