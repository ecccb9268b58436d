package apis

// sortRows: calls that put a slice in order.
var sortRows = []Row{
	{"sort", "", "Strings", Sort, 0, "sorts the slice in place"},
	{"sort", "", "Ints", Sort, 0, "sorts the slice in place"},
	{"sort", "", "Float64s", Sort, 0, "sorts the slice in place"},
	{"sort", "", "Sort", Sort, 0, "sorts the sort.Interface in place"},
	{"sort", "", "Stable", Sort, 0, "sorts the sort.Interface in place"},
	{"sort", "", "Slice", Sort, 0, "sorts the slice in place by less (a total order unless less has ties)"},
	{"sort", "", "SliceStable", Sort, 0, "sorts the slice in place, keeping the order of equal elements"},
	{"sort", "StringSlice", "Sort", Sort, Recv, "sorts the receiver in place"},
	{"sort", "IntSlice", "Sort", Sort, Recv, "sorts the receiver in place"},
	{"sort", "Float64Slice", "Sort", Sort, Recv, "sorts the receiver in place"},
	{"slices", "", "Sort", Sort, 0, "sorts the slice in place"},
	{"slices", "", "SortFunc", Sort, 0, "sorts the slice in place by cmp"},
	{"slices", "", "SortStableFunc", Sort, 0, "sorts the slice in place by cmp, keeping the order of equal elements"},
	{"container/heap", "", "Init", Sort, 0, "establishes the heap order; Pop then yields elements in order"},
	{"slices", "", "Sorted", Sorted, 0, "collects the sequence into a sorted slice"},
	{"slices", "", "SortedFunc", Sorted, 0, "collects the sequence into a slice sorted by cmp"},
	{"slices", "", "SortedStableFunc", Sorted, 0, "collects the sequence into a slice sorted by cmp"},
	{"sort", "", "Reverse", SortView, 0, "returns data with Less reversed: sort.Sort(sort.Reverse(x)) sorts x"},
}

// shuffleRows: calls that put a slice in a random order, through a swap
// function that exchanges two of its elements.
var shuffleRows = []Row{
	{"math/rand", "", "Shuffle", Shuffle, 1, "permutes the n elements that swap exchanges at random"},
	{"math/rand", "Rand", "Shuffle", Shuffle, 1, "permutes the n elements that swap exchanges at random"},
	{"math/rand/v2", "", "Shuffle", Shuffle, 1, "permutes the n elements that swap exchanges at random"},
	{"math/rand/v2", "Rand", "Shuffle", Shuffle, 1, "permutes the n elements that swap exchanges at random"},
}

// randomRows: sources of random numbers. Output that mixes them in differs
// from run to run by design.
var randomRows = []Row{
	{"math/rand", "", "Intn", Random, Recv, "a pseudo-random number from the shared source"},
	{"math/rand", "", "Int", Random, Recv, "a pseudo-random number from the shared source"},
	{"math/rand", "", "Int63", Random, Recv, "a pseudo-random number from the shared source"},
	{"math/rand", "", "Int63n", Random, Recv, "a pseudo-random number from the shared source"},
	{"math/rand", "", "Int31n", Random, Recv, "a pseudo-random number from the shared source"},
	{"math/rand", "", "Float64", Random, Recv, "a pseudo-random number from the shared source"},
	{"math/rand", "", "Perm", Random, Recv, "a pseudo-random permutation"},
	{"math/rand", "", "Shuffle", Random, Recv, "shuffles pseudo-randomly"},
	{"math/rand", "", "Read", Random, 0, "fills p with pseudo-random bytes"},
	{"math/rand", "Rand", "Intn", Random, Recv, "a pseudo-random number"},
	{"math/rand", "Rand", "Int63", Random, Recv, "a pseudo-random number"},
	{"math/rand", "Rand", "Float64", Random, Recv, "a pseudo-random number"},
	{"math/rand", "Rand", "Read", Random, 0, "fills p with pseudo-random bytes"},
	{"math/rand/v2", "", "IntN", Random, Recv, "a pseudo-random number from the shared source"},
	{"math/rand/v2", "", "Int", Random, Recv, "a pseudo-random number from the shared source"},
	{"math/rand/v2", "", "Uint64", Random, Recv, "a pseudo-random number from the shared source"},
	{"math/rand/v2", "", "Float64", Random, Recv, "a pseudo-random number from the shared source"},
	{"math/rand/v2", "", "Perm", Random, Recv, "a pseudo-random permutation"},
	{"math/rand/v2", "", "Shuffle", Random, Recv, "shuffles pseudo-randomly"},
	{"crypto/rand", "", "Read", Random, 0, "fills b with random bytes"},
	{"crypto/rand", "", "Int", Random, Recv, "a uniform random number"},
	{"crypto/rand", "", "Text", Random, Recv, "a random string"},
}

// equalRows: equality tests. A loop that acts only on the entry equal to
// a value looks that entry up; which entry comes first does not matter
// when at most one is equal.
var equalRows = []Row{
	{"bytes", "", "Equal", Equal, 0, "reports whether a and b are the same bytes"},
	{"bytes", "", "EqualFold", Equal, 0, "reports whether s and t are equal under Unicode case-folding"},
	{"strings", "", "EqualFold", Equal, 0, "reports whether s and t are equal under Unicode case-folding"},
	{"reflect", "", "DeepEqual", Equal, 0, "reports whether x and y are deeply equal"},
	{"slices", "", "Equal", Equal, 0, "reports whether s1 and s2 have the same elements in order"},
	{"go/types", "", "Identical", Equal, 0, "reports whether x and y are identical types"},
	{"net/netip", "Addr", "Compare", Equal, Recv, "compares ip with ip2"},
}

// affixRows are the tests that a string begins or ends with another. Of
// the strings that pass one such test against the same string, two with
// the same length are the same string: a longest (or shortest) match
// among distinct keys has no ties (go-getter picks the decompressor whose
// extension is the longest suffix of the path).
var affixRows = []Row{
	{"strings", "", "HasPrefix", Affix, 1, "reports whether s begins with prefix: two prefixes of s of one length are equal"},
	{"strings", "", "HasSuffix", Affix, 1, "reports whether s ends with suffix: two suffixes of s of one length are equal"},
	{"bytes", "", "HasPrefix", Affix, 1, "reports whether s begins with prefix: two prefixes of s of one length are equal"},
	{"bytes", "", "HasSuffix", Affix, 1, "reports whether s ends with suffix: two suffixes of s of one length are equal"},
}

// sameOrderRows: comparisons for which two slices are equal only with the
// same elements in the same order. A test that compares, with one of
// them, a list built in map order against a list written in a fixed
// order passes or fails with the order of the run (stormkit-io#136:
// Handlers() ranged over a map and the test compared it with a fixed
// slice; stripe/smokescreen#190: TestMapKeys moved from require.Equal to
// require.ElementsMatch). ElementsMatch and Subset compare as sets and
// have no row.
var sameOrderRows = []Row{
	{"reflect", "", "DeepEqual", SameOrder, 0, "slices are deeply equal only when their elements are, index by index"},
	{"slices", "", "Equal", SameOrder, 0, "the same elements in the same order"},
	{"github.com/google/go-cmp/cmp", "", "Equal", SameOrder, 0, "slices are compared element by element, in order, unless an option sorts them"},
	{"github.com/google/go-cmp/cmp", "", "Diff", SameOrder, 0, "reports the differences of slices compared element by element, in order"},
	{"github.com/stretchr/testify/assert", "", "Equal", SameOrder, 1, "ObjectsAreEqual: reflect.DeepEqual, or bytes.Equal for []byte"},
	{"github.com/stretchr/testify/assert", "", "EqualValues", SameOrder, 1, "ObjectsAreEqualValues: converts, then compares as Equal"},
	{"github.com/stretchr/testify/assert", "", "Exactly", SameOrder, 1, "the same type, then compares as Equal"},
	{"github.com/stretchr/testify/assert", "Assertions", "Equal", SameOrder, 0, "assert.Equal with the receiver's testing.T"},
	{"github.com/stretchr/testify/require", "", "Equal", SameOrder, 1, "assert.Equal, then stops the test"},
	{"github.com/stretchr/testify/require", "", "EqualValues", SameOrder, 1, "assert.EqualValues, then stops the test"},
	{"github.com/stretchr/testify/require", "", "Exactly", SameOrder, 1, "assert.Exactly, then stops the test"},
	{"github.com/stretchr/testify/require", "Assertions", "Equal", SameOrder, 0, "require.Equal with the receiver's testing.T"},
}

// fieldRows: struct fields whose contents are consumed in any order.
var fieldRows = []Row{
	{"os/exec", "Cmd", "Env", OrderFreeField, 0, "the child's environment: variables are looked up by name, and with several entries for one name only the last counts; entries made from a map's distinct keys name distinct variables, so their order has no effect"},
	{"os", "ProcAttr", "Env", OrderFreeField, 0, "the new process's environment: variables are looked up by name; entries made from a map's distinct keys name distinct variables, so their order has no effect"},
}

// orderFreeRows: functions whose result does not depend on the order of
// the sequence at Arg. iterorder reads them: a list built in map order
// that only such a call reads shows none of its order.
var orderFreeRows = []Row{
	{"slices", "", "Contains", OrderFree, 0, "reports whether v is present in s: the same answer in any order"},
	{"slices", "", "ContainsFunc", OrderFree, 0, "reports whether some element satisfies f: the same answer in any order"},
}
