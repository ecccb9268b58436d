// Package yaml is a stub of github.com/goccy/go-yaml with the signature
// the decoder row of the API table names.
package yaml

func Unmarshal(data []byte, v interface{}) error { return nil }
