package roundtrip

// A field table written through a helper, in amqp091-go's shape
// (write.go's writeTable hands the pairs it wrote to writeLongstr, which
// writes them to the connection; read.go's readTable puts each decoded
// pair back into a Table): the helper's SinkFact says its argument reaches
// only the writer it is given, so the pairs reach only a stream, which
// the package reads back into the same map type.

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
)

type Table map[string]string

func writeLongstr(w io.Writer, s string) (err error) { // want writeLongstr:`sinks\(1: encoded by binary.Write\)`
	b := []byte(s)
	length := uint32(len(b))
	if err = binary.Write(w, binary.BigEndian, length); err != nil {
		return
	}
	if _, err = w.Write(b[:length]); err != nil {
		return
	}
	return
}

func writeShortstr(w io.Writer, s string) (err error) { // want writeShortstr:`sinks\(1: encoded by binary.Write\)`
	b := []byte(s)
	length := uint8(len(b))
	if err = binary.Write(w, binary.BigEndian, length); err != nil {
		return
	}
	if _, err = w.Write(b[:length]); err != nil {
		return
	}
	return
}

func writeTable(w io.Writer, table Table) error {
	var buf bytes.Buffer
	for key, val := range table { // silent: readTable puts every pair back into a Table
		if err := writeShortstr(&buf, key); err != nil {
			return err
		}
		if err := writeShortstr(&buf, val); err != nil {
			return err
		}
	}
	return writeLongstr(w, buf.String())
}

func readShortstr(r io.Reader) (string, error) {
	var n uint8
	if err := binary.Read(r, binary.BigEndian, &n); err != nil {
		return "", err
	}
	b := make([]byte, n)
	_, err := io.ReadFull(r, b)
	return string(b), err
}

func readTable(r io.Reader) (Table, error) {
	var n uint32
	if err := binary.Read(r, binary.BigEndian, &n); err != nil {
		return nil, err
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(r, b); err != nil {
		return nil, err
	}
	nested := bytes.NewBuffer(b)
	table := make(Table)
	for nested.Len() > 0 {
		key, err := readShortstr(nested)
		if err != nil {
			return nil, err
		}
		val, err := readShortstr(nested)
		if err != nil {
			return nil, err
		}
		table[key] = val
	}
	return table, nil
}

// Headers are written the same way, but nothing here reads them back:
// reported.
type Headers map[string]string

func writeHeaders(w io.Writer, h Headers) error {
	var buf bytes.Buffer
	for key, val := range h { // want `keys written to buf, which is passed to writeLongstr, whose argument is encoded by binary.Write unsorted`
		if err := writeShortstr(&buf, key); err != nil {
			return err
		}
		if err := writeShortstr(&buf, val); err != nil {
			return err
		}
	}
	return writeLongstr(w, buf.String())
}

// Printed, a Table is reported, though the package reads Tables back:
// only a stream is exempt.
func dumpTable(table Table) {
	var buf bytes.Buffer
	for key, val := range table { // want `keys written to buf`
		fmt.Fprintf(&buf, "%s=%s\n", key, val)
	}
	fmt.Println(buf.String())
}
