// Package ignore exercises //maplint:ignore: where it applies, and that a
// directive without a reason silences nothing and is reported, and so is a
// name that is no pass.
package ignore

func f(m map[string]int) {
	//maplint:ignore mapwrite the map is never nil here
	m["a"] = 1

	m["b"] = 2 //maplint:ignore mapwrite trailing directives apply to their own line

	//maplint:ignore nilmerge,mapwrite a list of passes
	m["c"] = 3

	//maplint:ignore nilmerge this directive names another pass
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

func unknownNames(m map[string]int) {
	// An unknown name beside a known pass is reported by the first known
	// pass the directive names; the known name still silences its pass.
	// want +1 `maplint:ignore directive names unknown pass nilmrge \(did you mean nilmerge\?\); the passes are nilmerge, concurrentwrite, iterorder`
	//maplint:ignore mapwrite,nilmrge a typo beside a known pass
	m["a"] = 1

	// A directive that names no known pass is reported by the nearest pass,
	// and silences nothing.
	// want +1 `maplint:ignore directive names unknown pass mapwrit \(did you mean mapwrite\?\)`
	//maplint:ignore mapwrit a typo of this pass
	m["b"] = 2 // want "map write"

	// The nearest pass is iterorder, which reports it; mapwrite does not.
	//maplint:ignore iterordr a typo of another pass
	m["c"] = 3 // want "map write"

	// want +1 `maplint:ignore directive names unknown pass mapwriteall \(did you mean mapwrite\?\)`
	//maplint:ignore mapwriteall this is not a pass of maplint
	m["d"] = 4 // want "map write"
}
