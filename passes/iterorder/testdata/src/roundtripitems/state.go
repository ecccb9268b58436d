package roundtripitems

import "encoding/binary"

// The shape of nats-server's stream state (server/memstore.go,
// EncodedStreamState, and server/store.go, DecodeStreamState): the
// sources of a store, a map of *sourceState, are appended to the encoding
// in map order; the decoder reads them into another struct's map of
// sourceState.
type sourceState struct {
	Seq   uint64
	Ident string
}

type memStore struct {
	sources map[string]*sourceState
}

type replicatedState struct {
	Msgs    uint64
	Sources map[string]sourceState
}

func (ms *memStore) EncodedStreamState() []byte {
	var b []byte
	b = binary.AppendUvarint(b, uint64(len(ms.sources)))
	for name, ss := range ms.sources { // silent: DecodeStreamState puts each source back into a map
		b = binary.AppendUvarint(b, uint64(len(name)))
		b = append(b, name...)
		b = binary.AppendUvarint(b, ss.Seq)
		b = binary.AppendUvarint(b, uint64(len(ss.Ident)))
		b = append(b, ss.Ident...)
	}
	return b
}

func DecodeStreamState(buf []byte) *replicatedState {
	rs := &replicatedState{}
	n, bi := binary.Uvarint(buf)
	readString := func() string {
		l, k := binary.Uvarint(buf[bi:])
		bi += k
		s := string(buf[bi : bi+int(l)])
		bi += int(l)
		return s
	}
	for i := uint64(0); i < n; i++ {
		name := readString()
		seq, k := binary.Uvarint(buf[bi:])
		bi += k
		ident := readString()
		if rs.Sources == nil {
			rs.Sources = make(map[string]sourceState)
		}
		rs.Sources[name] = sourceState{Seq: seq, Ident: ident}
	}
	return rs
}

// The same encoding of a store's mirrors, whose decoder keeps them as a
// list in the order read.
type mirrorState struct {
	Seq  uint64
	Name string
}

type mirrorStore struct {
	mirrors map[string]*mirrorState
}

type mirrorList struct {
	byName map[string]mirrorState
	list   []mirrorState
}

func (ms *mirrorStore) EncodedState() []byte {
	var b []byte
	for name, m := range ms.mirrors { // want `result depends on map iteration order: keys appended to b, which is returned unsorted`
		b = binary.AppendUvarint(b, uint64(len(name)))
		b = append(b, name...)
		b = binary.AppendUvarint(b, m.Seq)
	}
	return b
}

func DecodeMirrors(buf []byte) *mirrorList {
	ml := &mirrorList{byName: make(map[string]mirrorState)}
	for bi := 0; bi < len(buf); {
		l, k := binary.Uvarint(buf[bi:])
		bi += k
		name := string(buf[bi : bi+int(l)])
		bi += int(l)
		seq, k := binary.Uvarint(buf[bi:])
		bi += k
		m := mirrorState{Seq: seq, Name: name}
		ml.byName[name] = m
		ml.list = append(ml.list, m)
	}
	return ml
}
