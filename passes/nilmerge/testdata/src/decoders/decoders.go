// Package decoders exercises maps filled by a decoder, which stay (or
// become) nil for null or empty input, and map fields of a decoded struct,
// which stay nil when the input has none (issue 11, item 9).
package decoders

import (
	"encoding/json"
	"io"
)

func parse(data []byte) (map[string]any, error) { // want parse:`returnsNil\(0@decoders.go:14\)`
	var m map[string]any
	err := json.Unmarshal(data, &m)
	return m, err
}

func parseTwin(data []byte) (map[string]any, error) {
	var m map[string]any
	err := json.Unmarshal(data, &m)
	if m == nil {
		m = map[string]any{}
	}
	return m, err
}

func stamp(data []byte) error {
	m, err := parse(data)
	if err != nil {
		return err
	}
	m["seen"] = true // want `write to map m, which is nil here: returned by parse, which returns nil at decoders.go:14`
	return nil
}

func stampTwin(data []byte) error {
	m, err := parseTwin(data)
	if err != nil {
		return err
	}
	m["seen"] = true
	return nil
}

func direct(r io.Reader) error {
	m := map[string]string{}
	if err := json.NewDecoder(r).Decode(&m); err != nil {
		return err
	}
	m["source"] = "stream" // want `write to map m, which is nil here: decoded by json.Decoder.Decode, which leaves it nil for null or empty input at decoders.go:46`
	return nil
}

func directTwin(r io.Reader) error {
	m := map[string]string{}
	if err := json.NewDecoder(r).Decode(&m); err != nil {
		return err
	}
	if m == nil {
		m = map[string]string{}
	}
	m["source"] = "stream"
	return nil
}

type Config struct {
	Name   string
	Labels map[string]string
}

func load(data []byte) (*Config, error) {
	var c Config
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, err
	}
	c.Labels["loaded"] = "yes" // want `write to map c.Labels, which is nil here: field Labels decoded by json.Unmarshal, which leaves it nil when the input has none at decoders.go:72`
	return &c, nil
}

func loadTwin(data []byte) (*Config, error) {
	var c Config
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, err
	}
	if c.Labels == nil {
		c.Labels = map[string]string{}
	}
	c.Labels["loaded"] = "yes"
	return &c, nil
}

// Hooked decodes itself, and makes its map whatever the input holds.
type Hooked struct {
	Labels map[string]string
}

func (h *Hooked) UnmarshalJSON(data []byte) error {
	h.Labels = map[string]string{}
	return nil
}

func loadHooked(data []byte) (*Hooked, error) {
	var h Hooked
	if err := json.Unmarshal(data, &h); err != nil {
		return nil, err
	}
	h.Labels["loaded"] = "yes"
	return &h, nil
}

// helm v3.22.0's engine.fromJSON shape (found with the pass, a false
// positive): the map is made, and written only where the decoder failed.
// Null, the only input that makes the map nil, decodes without an error,
// so on the error path the map still holds what make gave it.
func fromJSON(str string) map[string]any {
	m := map[string]any{}
	if err := json.Unmarshal([]byte(str), &m); err != nil {
		m["Error"] = err.Error()
	}
	return m
}

// Twin: the write where the decoder succeeded, which null input reaches
// with a nil map.
func fromJSONParsed(str string) map[string]any {
	m := map[string]any{}
	if err := json.Unmarshal([]byte(str), &m); err == nil {
		m["Parsed"] = true // want `write to map m, which is nil here: decoded by json.Unmarshal, which leaves it nil for null or empty input`
	}
	return m
}
