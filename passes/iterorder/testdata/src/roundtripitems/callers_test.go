package roundtripitems

import "testing"

// snapshotEntries wraps a snapshot into the entries of a log, in a test:
// as in nats-server's jetstream_cluster_1_test.go, which returns
// encodeMetaSnapshot's bytes inside an entry from a function literal.
type entry struct{ data []byte }

func TestSnapshotEntries(t *testing.T) {
	js := &jetStream{streams: map[string]map[string]*streamAssignment{}}
	mk := func() []*entry {
		snap, _ := js.encodeMetaSnapshot(js.streams)
		return []*entry{{snap}}
	}
	if len(mk()) != 1 {
		t.Fatal("one entry")
	}
}
