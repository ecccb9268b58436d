package roundtrip

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
)

// Startup is pgx's StartupMessage (pgproto3/startup_message.go): Encode
// appends the parameters in map order, Decode reads them back into
// Parameters.
type Startup struct {
	Parameters map[string]string
}

func (src *Startup) Encode(dst []byte) []byte {
	for k, v := range src.Parameters { // silent: Decode puts every pair back into Parameters
		dst = append(dst, k...)
		dst = append(dst, 0)
		dst = append(dst, v...)
		dst = append(dst, 0)
	}
	return append(dst, 0)
}

func (dst *Startup) Decode(src []byte) error {
	dst.Parameters = make(map[string]string)
	rp := 0
	for {
		idx := bytes.IndexByte(src[rp:], 0)
		if idx < 0 {
			return errors.New("short")
		}
		key := string(src[rp : rp+idx])
		rp += idx + 1
		if key == "" {
			return nil
		}
		idx = bytes.IndexByte(src[rp:], 0)
		if idx < 0 {
			return errors.New("short")
		}
		dst.Parameters[key] = string(src[rp : rp+idx])
		rp += idx + 1
	}
}

// String is text for people (and for keys): the reader of the encoding
// does not read it.
func (src *Startup) String() string {
	var b strings.Builder
	for k, v := range src.Parameters { // want `result depends on map iteration order: keys written to b, which is returned unsorted`
		b.WriteString(k + "=" + v + " ")
	}
	return b.String()
}

// Hstore is pgx's hstore (pgtype/hstore.go): a map type of the package,
// encoded in map order and decoded back into an Hstore.
type Hstore map[string]string

func (h Hstore) AppendBinary(buf []byte) []byte {
	for k, v := range h { // silent: ParseHstore builds an Hstore from the pairs
		buf = append(buf, k...)
		buf = append(buf, '=')
		buf = append(buf, v...)
		buf = append(buf, ',')
	}
	return buf
}

func ParseHstore(src []byte) Hstore {
	h := make(Hstore)
	for _, pair := range bytes.Split(src, []byte(",")) {
		k, v, ok := bytes.Cut(pair, []byte("="))
		if ok {
			h[string(k)] = string(v)
		}
	}
	return h
}

// Attrs is encoded the same way, but only ever built by hand, never
// decoded: whoever reads the bytes sees the order.
type Attrs map[string]string

func (a Attrs) AppendBinary(buf []byte) []byte {
	for k, v := range a { // want `result depends on map iteration order: keys appended to buf, which is returned unsorted`
		buf = append(buf, k...)
		buf = append(buf, '=')
		buf = append(buf, v...)
		buf = append(buf, ',')
	}
	return buf
}

func (a Attrs) Set(k, v string) { a[k] = v }

// Index is saved as a stream of JSON records and loaded back with a
// json.Decoder into the same map.
type Index struct {
	counts map[string]int
}

type record struct {
	Name  string
	Count int
}

func (ix *Index) Save(w io.Writer) error {
	enc := json.NewEncoder(w)
	for name, n := range ix.counts { // silent: Load decodes every record back into counts
		if err := enc.Encode(record{name, n}); err != nil {
			return err
		}
	}
	return nil
}

func (ix *Index) Load(r io.Reader) error {
	dec := json.NewDecoder(r)
	for {
		var rec record
		if err := dec.Decode(&rec); err != nil {
			if err == io.EOF {
				return nil
			}
			return err
		}
		ix.counts[rec.Name] = rec.Count
	}
}
