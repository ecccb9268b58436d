package sinks

import (
	"encoding/json"
	"io"
)

// Slices kept in a field of a returned struct (coredns's plugin
// constructors: return &Route53{zoneNames: zoneNames}). An exported field
// is part of the result: reported where a consumer in this package shows
// it (the consumers are at the end of the file). An unexported one is a
// store into a field, which only the package reads, as z.names = names is:
// silent by default, reported under -strict (strict.UnexportedField).

type Zones struct {
	Names []string
	n     int
}

func NewZones(keys map[string]bool) *Zones {
	var names []string
	for k := range keys { // want `keys appended to names, which is returned unsorted`
		names = append(names, k)
	}
	return &Zones{Names: names, n: len(names)}
}

type zoneSet struct {
	names []string
	n     int
}

func NewZoneSet(keys map[string]bool) *zoneSet {
	var names []string
	for k := range keys {
		names = append(names, k)
	}
	return &zoneSet{names: names, n: len(names)}
}

// NewZoneSetPositional is NewZoneSet with a positional literal.
func NewZoneSetPositional(keys map[string]bool) zoneSet {
	var names []string
	for k := range keys {
		names = append(names, k)
	}
	return zoneSet{names, len(names)}
}

// Wrapped holds the unexported struct in an exported field of a slice
// literal: the slice is the result, whatever its elements hold.
func Wrapped(keys map[string]bool) [][]string { // want Wrapped:`orderedresult\(0\)`
	var names []string
	for k := range keys {
		names = append(names, k)
	}
	return [][]string{names}
}

// apiResult is a record without methods that the package hands on
// (prometheus's apiFuncResult, whose data the handler encodes as the
// response): its unexported fields are the result, reported where Respond
// encodes it.
type apiResult struct {
	data any
	err  error
}

func targetMetadata(active map[string][]string) apiResult {
	res := []string{}
	for k := range active { // want `keys appended to res, which is returned unsorted`
		res = append(res, k)
	}
	return apiResult{res, nil}
}

// Serve is the handler: it hands the record's data on.
func Serve(active map[string][]string) any {
	return targetMetadata(active).data
}

// Names lets zoneSet be an object with methods (the constructors above).
func (z *zoneSet) Names() int { return z.n }

// The consumers in this package that show these results: with them, the
// loops of NewZones and targetMetadata are reported where they build the
// list (without a consumer here, a struct result is silent by default,
// since no fact carries it to other packages). NewZoneSet's list stays in
// an unexported field nobody shows: silent.

func EncodeZones(w io.Writer, keys map[string]bool) error { // want EncodeZones:`sinks\(1: encoded by json.NewEncoder\(w\).Encode\)`
	return json.NewEncoder(w).Encode(NewZones(keys))
}

func Respond(w io.Writer, active map[string][]string) error { // want Respond:`sinks\(1: encoded by json.NewEncoder\(w\).Encode\)`
	return json.NewEncoder(w).Encode(Serve(active))
}

func CountZones(keys map[string]bool) int {
	return NewZoneSet(keys).Names()
}
