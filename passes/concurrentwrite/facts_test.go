package concurrentwrite

import (
	"bytes"
	"encoding/gob"
	"reflect"
	"testing"

	"github.com/maplint/maplint/internal/lockset"
	"github.com/maplint/maplint/internal/mapid"
)

// TestLockFactGob checks that a LockFact survives gob (the vet protocol and
// golangci-lint serialise facts) and stays small.
func TestLockFactGob(t *testing.T) {
	mu := mapid.StepData{Kind: mapid.FieldStep, Name: "mu"}
	shard3 := mapid.PathData{
		{Kind: mapid.FieldStep, Name: "shards"},
		{Kind: mapid.DerefStep},
		{Kind: mapid.ConstIndexStep, Name: "3"},
	}
	f := &LockFact{
		Summary: lockset.Summary{
			Acquires: []lockset.Abstract{{Param: 0, Path: mapid.PathData{mu}}},
			Releases: []lockset.Abstract{{Param: -1, Global: "example.com/pkg.registryMu", Read: true}},
			Requires: []lockset.Abstract{{Param: 1, Path: append(shard3[:3:3], mu)}},
		},
		Writes: []lockset.Abstract{{Param: 1, Path: append(shard3[:3:3], mapid.StepData{Kind: mapid.FieldStep, Name: "m"})}},
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(f); err != nil {
		t.Fatal(err)
	}
	const budget = 400 // bytes, type information included
	if buf.Len() > budget {
		t.Errorf("encoded fact is %d bytes, budget %d", buf.Len(), budget)
	}
	var g LockFact
	if err := gob.NewDecoder(&buf).Decode(&g); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(f, &g) {
		t.Errorf("round trip: got %+v, want %+v", g, *f)
	}
	if got, want := g.String(), "acquires($0.mu) releases(example.com/pkg.registryMu(r)) requires($1.shards*[3].mu) writes($1.shards*[3].m)"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}
