package apis

// layoutRows: functions whose use depends on the runtime's private map
// implementation. Code that links to them (//go:linkname) reads or builds
// the runtime's own structures: the bucket layout (hmap, bmap, hiter) up
// to Go 1.23, the Swiss tables of internal/runtime/maps since Go 1.24.
// Such code reads garbage or fails to link when the implementation
// changes. A row with an empty Name stands for every member of its
// package.
var layoutRows = []Row{
	{"internal/runtime/maps", "", "", MapLayout, Recv, "the Swiss-table map implementation of Go 1.24 and later; its types and functions change with the runtime"},
	{"runtime", "", "makemap", MapLayout, Recv, "allocates the runtime's map header for a map type descriptor"},
	{"runtime", "", "makemap64", MapLayout, Recv, "allocates the runtime's map header"},
	{"runtime", "", "makemap_small", MapLayout, Recv, "allocates the runtime's map header"},
	{"runtime", "", "mapaccess1", MapLayout, Recv, "compiler entry point: takes the runtime's map header and type descriptor"},
	{"runtime", "", "mapaccess2", MapLayout, Recv, "compiler entry point: takes the runtime's map header and type descriptor"},
	{"runtime", "", "mapaccess1_fast32", MapLayout, Recv, "compiler entry point specialised by key layout"},
	{"runtime", "", "mapaccess2_fast32", MapLayout, Recv, "compiler entry point specialised by key layout"},
	{"runtime", "", "mapaccess1_fast64", MapLayout, Recv, "compiler entry point specialised by key layout"},
	{"runtime", "", "mapaccess2_fast64", MapLayout, Recv, "compiler entry point specialised by key layout"},
	{"runtime", "", "mapaccess1_faststr", MapLayout, Recv, "compiler entry point specialised by key layout"},
	{"runtime", "", "mapaccess2_faststr", MapLayout, Recv, "compiler entry point specialised by key layout"},
	{"runtime", "", "mapaccess1_fat", MapLayout, Recv, "compiler entry point for large values"},
	{"runtime", "", "mapaccess2_fat", MapLayout, Recv, "compiler entry point for large values"},
	{"runtime", "", "mapaccessK", MapLayout, Recv, "internal lookup returning the key slot"},
	{"runtime", "", "mapassign", MapLayout, Recv, "compiler entry point: returns the address of the value slot inside the runtime's buckets"},
	{"runtime", "", "mapassign_fast32", MapLayout, Recv, "compiler entry point specialised by key layout"},
	{"runtime", "", "mapassign_fast32ptr", MapLayout, Recv, "compiler entry point specialised by key layout"},
	{"runtime", "", "mapassign_fast64", MapLayout, Recv, "compiler entry point specialised by key layout"},
	{"runtime", "", "mapassign_fast64ptr", MapLayout, Recv, "compiler entry point specialised by key layout"},
	{"runtime", "", "mapassign_faststr", MapLayout, Recv, "compiler entry point specialised by key layout"},
	{"runtime", "", "mapdelete", MapLayout, Recv, "compiler entry point"},
	{"runtime", "", "mapdelete_fast32", MapLayout, Recv, "compiler entry point specialised by key layout"},
	{"runtime", "", "mapdelete_fast64", MapLayout, Recv, "compiler entry point specialised by key layout"},
	{"runtime", "", "mapdelete_faststr", MapLayout, Recv, "compiler entry point specialised by key layout"},
	{"runtime", "", "mapiterinit", MapLayout, Recv, "fills an iterator whose layout (hiter, then maps.Iter) is the caller's to declare"},
	{"runtime", "", "mapiternext", MapLayout, Recv, "advances an iterator whose layout is the caller's to declare"},
	{"runtime", "", "mapclear", MapLayout, Recv, "compiler entry point for clear(m)"},
	{"runtime", "", "mapinitnoop", MapLayout, Recv, "internal iterator initialisation"},
	{"reflect", "", "makemap", MapLayout, Recv, "reflect's private hook into the runtime's map implementation"},
	{"reflect", "", "mapaccess", MapLayout, Recv, "reflect's private hook into the runtime's map implementation"},
	{"reflect", "", "mapaccess_faststr", MapLayout, Recv, "reflect's private hook into the runtime's map implementation"},
	{"reflect", "", "mapassign", MapLayout, Recv, "reflect's private hook into the runtime's map implementation"},
	{"reflect", "", "mapassign0", MapLayout, Recv, "reflect's private hook into the runtime's map implementation"},
	{"reflect", "", "mapassign_faststr", MapLayout, Recv, "reflect's private hook into the runtime's map implementation"},
	{"reflect", "", "mapassign_faststr0", MapLayout, Recv, "reflect's private hook into the runtime's map implementation"},
	{"reflect", "", "mapdelete", MapLayout, Recv, "reflect's private hook into the runtime's map implementation"},
	{"reflect", "", "mapdelete_faststr", MapLayout, Recv, "reflect's private hook into the runtime's map implementation"},
	{"reflect", "", "mapiterinit", MapLayout, Recv, "fills an iterator whose layout (hiter, then maps.Iter) is the caller's to declare"},
	{"reflect", "", "mapiternext", MapLayout, Recv, "advances an iterator whose layout is the caller's to declare"},
	{"reflect", "", "mapiterkey", MapLayout, Recv, "reads the key slot of an iterator whose layout is the caller's to declare"},
	{"reflect", "", "mapiterelem", MapLayout, Recv, "reads the value slot of an iterator whose layout is the caller's to declare"},
	{"reflect", "", "mapclear", MapLayout, Recv, "reflect's private hook into the runtime's map implementation"},
	{"reflect", "", "maplen", MapLayout, Recv, "reflect's private hook into the runtime's map implementation"},

	{"reflect", "Value", "Pointer", RawPointer, Recv, "for a map, returns the address of the runtime's map header"},
	{"reflect", "Value", "UnsafePointer", RawPointer, Recv, "for a map, returns the address of the runtime's map header"},
	{"reflect", "", "ValueOf", Reflects, 0, "returns a Value holding its argument"},
}

// LayoutRow returns the row saying that the function or variable named
// name of package pkg (a //go:linkname target) belongs to the runtime's
// private map implementation.
func LayoutRow(pkg, name string) (Row, bool) {
	for _, k := range []key{{pkg, "", name}, {pkg, "", ""}} {
		for _, r := range table[k] {
			if r.Role == MapLayout {
				return r, true
			}
		}
	}
	return Row{}, false
}

// ImplementationRow returns the row saying that package pkg, as a whole,
// is the runtime's map implementation (a row with an empty Name): the
// types it declares are the map header and tables themselves, not copies
// of them.
func ImplementationRow(pkg string) (Row, bool) {
	for _, r := range table[key{pkg, "", ""}] {
		if r.Role == MapLayout {
			return r, true
		}
	}
	return Row{}, false
}
