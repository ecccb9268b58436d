// Package yaml is a stub of gopkg.in/yaml.v2 with the signatures the
// decoder rows of the API table name.
package yaml

func Unmarshal(in []byte, out interface{}) error { return nil }
