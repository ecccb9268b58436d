package sinks

import (
	"encoding/json"
	"io"
	"slices"
)

type actionOutput struct {
	Spec   string
	Inputs []string
}

// WriteJSONL dumps a map as JSON lines in map order through an encoder
// made over the writer it is given, actionlint's shape
// (scripts/generate-popular-actions/main.go, writeJSONL): reported. The
// project's read-write test compares the output byte for byte with its
// input, and passes only because each fixture has one line.
func WriteJSONL(out io.Writer, actions map[string][]string) error {
	enc := json.NewEncoder(out)
	for spec, inputs := range actions { // want `result depends on map iteration order: keys encoded by enc.Encode`
		j := actionOutput{spec, inputs}
		if err := enc.Encode(&j); err != nil {
			return err
		}
	}
	return nil
}

// WriteJSONLSorted writes the lines in the order of the sorted specs: silent
// (its fact says it encodes what it is given, for its callers to judge).
func WriteJSONLSorted(out io.Writer, actions map[string][]string) error { // want WriteJSONLSorted:`sinks\(1: encoded by enc.Encode\)`
	enc := json.NewEncoder(out)
	for _, spec := range slices.Sorted(func(yield func(string) bool) {
		for k := range actions {
			if !yield(k) {
				return
			}
		}
	}) {
		if err := enc.Encode(&actionOutput{spec, actions[spec]}); err != nil {
			return err
		}
	}
	return nil
}
