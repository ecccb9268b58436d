// Package toml is a stub of github.com/BurntSushi/toml's decoding API
// (v1.6.0), for the decoders testdata.
package toml

// MetaData is what Decode learned about the document.
type MetaData struct{}

// Decode decodes the TOML document data into v.
func Decode(data string, v any) (MetaData, error) { return MetaData{}, nil }

// Unmarshal decodes the TOML document data into v.
func Unmarshal(data []byte, v any) error { return nil }
