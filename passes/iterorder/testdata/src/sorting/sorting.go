// Package sorting exercises sorts made by a function of another package
// (a SortFact), also through a method of this package that calls it
// (helm's List.Run: filterLatest returns map order, and the caller sorts
// with l.sort, which calls releaseutil.SortByName).
package sorting

import "sorting/releaseutil"

type List struct{ Limit int }

func (l *List) sort(rels []*releaseutil.Release) { // want sort:`sorts 0`
	releaseutil.SortByName(rels)
}

func filterLatest(rels []*releaseutil.Release) []*releaseutil.Release {
	latest := make(map[string]*releaseutil.Release)
	for _, r := range rels {
		if old, ok := latest[r.Name]; !ok || old.Version < r.Version {
			latest[r.Name] = r
		}
	}
	out := make([]*releaseutil.Release, 0, len(latest))
	for _, r := range latest {
		out = append(out, r)
	}
	return out
}

// Run sorts what filterLatest returns before returning it.
func (l *List) Run(all []*releaseutil.Release) []*releaseutil.Release { // want Run:`sortedresult`
	results := all[:len(all):len(all)]
	results = filterLatest(results)
	l.sort(results)
	return results
}

func filterUnsorted(rels []*releaseutil.Release) []*releaseutil.Release {
	latest := make(map[string]*releaseutil.Release)
	for _, r := range rels {
		latest[r.Name] = r
	}
	out := make([]*releaseutil.Release, 0, len(latest))
	for _, r := range latest {
		out = append(out, r)
	}
	return out
}

// RunUnsorted only counts before returning: map order reaches its result.
func (l *List) RunUnsorted(all []*releaseutil.Release) []*releaseutil.Release { // want RunUnsorted:`orderedresult\(0\)`
	results := all[:len(all):len(all)]
	results = filterUnsorted(results)
	l.Limit = releaseutil.Count(results)
	return results
}

// Direct sorts with the other package's function itself, through a wrapper
// literal of its own.
func Direct(m map[string]*releaseutil.Release) []*releaseutil.Release {
	var out []*releaseutil.Release
	for _, r := range m {
		out = append(out, r)
	}
	releaseutil.SortByName(out)
	return out
}
