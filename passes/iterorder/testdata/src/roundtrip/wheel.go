package roundtrip

import (
	"encoding/binary"
	"io"
)

// Wheel is nats-server's timer hash wheel (server/thw/thw.go): Encode
// appends the entries in map order, Decode reads each one back through
// Add, which stores it under its sequence.
type Wheel struct {
	entries map[uint64]int64
}

func (w *Wheel) Add(seq uint64, expires int64) {
	w.entries[seq] = expires
}

func (w *Wheel) Encode() []byte {
	var b []byte
	for seq, ts := range w.entries { // silent: Decode adds every entry back through Add
		b = binary.AppendVarint(b, ts)
		b = binary.AppendUvarint(b, seq)
	}
	return b
}

func (w *Wheel) Decode(b []byte) error {
	for len(b) > 0 {
		ts, tn := binary.Varint(b)
		if tn <= 0 {
			return io.ErrUnexpectedEOF
		}
		seq, sn := binary.Uvarint(b[tn:])
		if sn <= 0 {
			return io.ErrUnexpectedEOF
		}
		w.Add(seq, ts)
		b = b[tn+sn:]
	}
	return nil
}

// Timers has the same Add, but its entries only ever come from a list of
// sequences, never from decoded bytes: nothing reads the encoding back.
type Timers struct {
	entries map[uint64]int64
}

func (t *Timers) Add(seq uint64, expires int64) {
	t.entries[seq] = expires
}

func (t *Timers) Encode() []byte {
	var b []byte
	for seq, ts := range t.entries { // want `result depends on map iteration order: keys appended to b, which is returned unsorted`
		b = binary.AppendVarint(b, ts)
		b = binary.AppendUvarint(b, seq)
	}
	return b
}

func (t *Timers) Schedule(seqs []uint64, at int64) {
	for _, seq := range seqs {
		t.Add(seq, at)
	}
}
