// Package clone exercises maps.Clone, which returns nil for a nil map, and
// maps.Collect, which never returns nil (issue 11, item 4).
package clone

import "maps"

func withRegion(base map[string]string, r string) map[string]string {
	out := maps.Clone(base)
	out["region"] = r // want `write to map out, which is nil here: returned by maps.Clone of a map that is nil on this path at clone.go:8`
	return out
}

func callers() {
	withRegion(nil, "eu")
	withRegion(map[string]string{}, "us")
}

func withRegionTwin(base map[string]string, r string) map[string]string {
	out := maps.Clone(base)
	if out == nil {
		out = make(map[string]string)
	}
	out["region"] = r
	return out
}

func callersTwin() {
	withRegionTwin(nil, "eu")
}

func onPath(full bool, r string) {
	var base map[string]string
	if full {
		base = map[string]string{"a": "b"}
	}
	out := maps.Clone(base)
	out["region"] = r // want `write to map out, which is nil here: returned by maps.Clone of a map that is nil on this path at clone.go:36`
}

func onPathTwin(full bool, r string) {
	base := map[string]string{}
	if full {
		base = map[string]string{"a": "b"}
	}
	out := maps.Clone(base)
	out["region"] = r
}

func collected(base map[string]string, r string) {
	out := maps.Collect(maps.All(base))
	out["region"] = r
}
