package sinks

// Slices kept in a field of a returned struct (coredns's plugin
// constructors: return &Route53{zoneNames: zoneNames}). An exported field
// is part of the result: reported. An unexported one is a store into a
// field, which only the package reads, as z.names = names is: silent by
// default, reported under -strict (strict.UnexportedField).

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
func Wrapped(keys map[string]bool) [][]string {
	var names []string
	for k := range keys { // want `keys appended to names, which is returned unsorted`
		names = append(names, k)
	}
	return [][]string{names}
}
