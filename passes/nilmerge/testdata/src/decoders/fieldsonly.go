package decoders

// TOML and gob decoders make a map decoded into, even for an empty
// document (BurntSushi/toml v1.6.0, pelletier/go-toml/v2 v2.4.3, go1.26's
// encoding/gob), so only a map field of a struct decoded into can stay nil:
// when the input has no value for it.

import (
	"encoding/gob"
	"io"

	"github.com/BurntSushi/toml"
)

func tomlSettings(doc string) error {
	var m map[string]any
	if _, err := toml.Decode(doc, &m); err != nil {
		return err
	}
	m["source"] = "toml" // silent: Decode made the map
	return nil
}

type Service struct {
	Name string
	Env  map[string]string
}

func tomlService(doc []byte) (*Service, error) {
	var s Service
	if err := toml.Unmarshal(doc, &s); err != nil {
		return nil, err
	}
	s.Env["SERVICE"] = s.Name // want `write to map s.Env, which is nil here: field Env decoded by toml.Unmarshal, which leaves it nil when the input has none`
	return &s, nil
}

func tomlServiceTwin(doc []byte) (*Service, error) {
	var s Service
	if err := toml.Unmarshal(doc, &s); err != nil {
		return nil, err
	}
	if s.Env == nil {
		s.Env = map[string]string{}
	}
	s.Env["SERVICE"] = s.Name
	return &s, nil
}

func gobCounts(r io.Reader) (map[string]int, error) {
	var counts map[string]int
	if err := gob.NewDecoder(r).Decode(&counts); err != nil {
		return nil, err
	}
	counts["decoded"]++ // silent: Decode made the map
	return counts, nil
}

func gobService(r io.Reader) (*Service, error) {
	var s Service
	if err := gob.NewDecoder(r).Decode(&s); err != nil {
		return nil, err
	}
	s.Env["SERVICE"] = s.Name // want `write to map s.Env, which is nil here: field Env decoded by gob.Decoder.Decode, which leaves it nil when the input has none`
	return &s, nil
}
