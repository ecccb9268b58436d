package deviant

// A nil test of the field on some path to the write, though not on every
// path, follows the package's rule: the shape of nats-server's
// (*fileStore).decodeSourcesState (v2.15.3, server/filestore.go:12756),
// which makes the map when count > 0 && fs.sources == nil and writes it
// only in a loop of count steps. sources is guarded before three other
// writes, so the twin without the test is reported.
type sourceState struct{ seq uint64 }

type fileStore struct{ sources map[string]*sourceState }

func (fs *fileStore) applyState(states map[string]uint64) {
	if fs.sources == nil {
		fs.sources = make(map[string]*sourceState)
	}
	for name, seq := range states {
		fs.sources[name] = &sourceState{seq: seq}
	}
}

func (fs *fileStore) seed(name string) {
	if fs.sources == nil {
		return
	}
	fs.sources[name] = &sourceState{}
}

func (fs *fileStore) bump(name string) {
	if len(fs.sources) > 0 {
		fs.sources[name] = &sourceState{seq: 1}
	}
}

func (fs *fileStore) decode(names []string, count uint64) {
	if count > 0 && fs.sources == nil {
		fs.sources = make(map[string]*sourceState)
	}
	for i := uint64(0); i < count; i++ {
		fs.sources[names[i]] = &sourceState{seq: i}
	}
}

// Twin: no test of the field at all.
func (fs *fileStore) decodeBare(names []string, count uint64) {
	for i := uint64(0); i < count; i++ {
		fs.sources[names[i]] = &sourceState{seq: i} // want `write to map fs.sources, which may be nil: field sources is checked or set before its writes at 4 other places in this package, but not here`
	}
}
