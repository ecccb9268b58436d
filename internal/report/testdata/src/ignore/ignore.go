// Package ignore exercises //maplint:ignore: where it applies, and that a
// directive without a reason silences nothing and is reported.
package ignore

func f(m map[string]int) {
	//maplint:ignore mapwrite the map is never nil here
	m["a"] = 1

	m["b"] = 2 //maplint:ignore mapwrite trailing directives apply to their own line

	//maplint:ignore other,mapwrite a list of passes
	m["c"] = 3

	//maplint:ignore other this directive names another pass
	m["d"] = 4 // want "map write"

	// want +1 "maplint:ignore directive for mapwrite has no reason"
	//maplint:ignore mapwrite
	m["e"] = 5 // want "map write"

	// A directive covers only the next line.
	//maplint:ignore mapwrite the first write only
	m["f"] = 6
	m["g"] = 7 // want "map write"

	//maplint:ignoreall mapwrite not a directive
	m["h"] = 8 // want "map write"

	//maplint:ignore mapwrite the directive may be followed by more comment lines
	// like this one.
	m["i"] = 9
}

func g(m map[string]int) {
	// want +1 "maplint:ignore directive for mapwrite has no reason"
	//maplint:ignore
	m["x"] = 1 // want "map write"
}
