package strict

// The guards of a statement in a map loop are the If edges of the SSA
// that dominate it (orderflow.Paths.Guards): the ifs and cases around it,
// and an if that skips the rest of the iteration before it.

type entry struct {
	ID   string
	Size int
	Skip bool
}

// Named returns the entry whose key is name, tested by skipping the
// others: at most one key passes, as under if k == name.
func Named(m map[string]*entry, name string) *entry {
	for k, e := range m {
		if k != name {
			continue
		}
		return e
	}
	return nil
}

// FirstKept returns the first entry not skipped: several can be.
func FirstKept(m map[string]*entry) string {
	for k, e := range m { // want `keys returned on the first match, which need not be unique`
		if e.Skip {
			continue
		}
		return k
	}
	return ""
}

// ByID keeps the entry with the given identity: at most one.
func ByID(m map[string]*entry, id string) *entry {
	var found *entry
	for _, e := range m {
		if e.ID == id {
			found = e
		}
	}
	return found
}

// AnyKept keeps whichever entry not skipped comes last: several can be.
func AnyKept(m map[string]*entry) *entry {
	var found *entry
	for _, e := range m { // want `values assigned to found, which keeps an arbitrary one`
		if !e.Skip {
			found = e
		}
	}
	return found
}

// Largest keeps the largest entry, the first one visited or a larger one:
// whichever comes first, the largest size wins.
func Largest(m map[string]*entry) *entry {
	var best *entry
	for _, e := range m {
		if best == nil || e.Size > best.Size {
			best = e
		}
	}
	return best
}

// LargestSkipping is Largest written with a continue.
func LargestSkipping(m map[string]*entry) *entry {
	var best *entry
	for _, e := range m {
		if best != nil && e.Size <= best.Size {
			continue
		}
		best = e
	}
	return best
}
