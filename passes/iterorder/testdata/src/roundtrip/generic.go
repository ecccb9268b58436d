package roundtrip

import (
	"encoding/binary"
	"io"
)

// GenericWheel is Wheel with a generic type: Decode's call of Add names an
// instantiation ((*GenericWheel[T]).Add with Decode's T), which has no
// body, so the helper that stores under the key it is given is found
// through its generic origin.
type GenericWheel[T ~int64] struct {
	entries map[uint64]T
}

func (w *GenericWheel[T]) Add(seq uint64, expires T) {
	w.entries[seq] = expires
}

func (w *GenericWheel[T]) Encode() []byte {
	var b []byte
	for seq, ts := range w.entries { // silent: Decode adds every entry back through Add
		b = binary.AppendVarint(b, int64(ts))
		b = binary.AppendUvarint(b, seq)
	}
	return b
}

func (w *GenericWheel[T]) Decode(b []byte) error {
	for len(b) > 0 {
		ts, tn := binary.Varint(b)
		if tn <= 0 {
			return io.ErrUnexpectedEOF
		}
		seq, sn := binary.Uvarint(b[tn:])
		if sn <= 0 {
			return io.ErrUnexpectedEOF
		}
		w.Add(seq, T(ts))
		b = b[tn+sn:]
	}
	return nil
}

// SeqLedger is read back through a generic function rather than a method.
type SeqLedger struct {
	entries map[uint64]int64
}

func put[T ~int64](l *SeqLedger, seq uint64, v T) {
	l.entries[seq] = int64(v)
}

func (l *SeqLedger) Encode() []byte {
	var b []byte
	for seq, v := range l.entries { // silent: Decode puts every entry back through put
		b = binary.AppendVarint(b, v)
		b = binary.AppendUvarint(b, seq)
	}
	return b
}

func (l *SeqLedger) Decode(b []byte) error {
	for len(b) > 0 {
		v, vn := binary.Varint(b)
		if vn <= 0 {
			return io.ErrUnexpectedEOF
		}
		seq, sn := binary.Uvarint(b[vn:])
		if sn <= 0 {
			return io.ErrUnexpectedEOF
		}
		put(l, seq, v)
		b = b[vn+sn:]
	}
	return nil
}

// GenericTimers is Timers with a generic type: the same Add, called only
// with sequences from a list, never from decoded bytes.
type GenericTimers[T ~int64] struct {
	entries map[uint64]T
}

func (t *GenericTimers[T]) Add(seq uint64, expires T) {
	t.entries[seq] = expires
}

func (t *GenericTimers[T]) Encode() []byte {
	var b []byte
	for seq, ts := range t.entries { // want `result depends on map iteration order: keys appended to b, which is returned unsorted`
		b = binary.AppendVarint(b, int64(ts))
		b = binary.AppendUvarint(b, seq)
	}
	return b
}

func (t *GenericTimers[T]) Schedule(seqs []uint64, at T) {
	for _, seq := range seqs {
		t.Add(seq, at)
	}
}
