package apis

// testOnlyRows: the test handles. testing.TB has an unexported method, so
// only the testing package's T, B and F implement it, and it makes them
// only for the tests, benchmarks and fuzz targets that go test runs: a
// function that takes one (a test helper compiled into a package, as
// internal/testenv's WriteImportcfg) runs under go test, as the code of a
// test file does. The rows are on a method each handle declares itself
// (T's Helper is promoted from an unexported type).
var testOnlyRows = []Row{
	{"testing", "TB", "Helper", TestOnly, Recv, "TB's unexported method: only the testing package's handles implement it"},
	{"testing", "T", "Run", TestOnly, Recv, "*T is made by go test for a test function"},
	{"testing", "B", "Run", TestOnly, Recv, "*B is made by go test for a benchmark"},
	{"testing", "F", "Fuzz", TestOnly, Recv, "*F is made by go test for a fuzz target"},
}

// lenIsRows: test assertions of a collection's length. Once one has run,
// either the length is the one asserted or the test has failed (require's
// stop the test, assert's mark it failed and go on): what the test checks
// after it matters only with that length. iterorder reads them: an element
// of a list asserted to hold one element has no other to come before it.
var lenIsRows = []Row{
	{"github.com/stretchr/testify/assert", "", "Len", LenIs, 1, "ObjectsAreEqual of len(object) and length; Fail otherwise"},
	{"github.com/stretchr/testify/assert", "Assertions", "Len", LenIs, 0, "assert.Len with the receiver's testing.T"},
	{"github.com/stretchr/testify/require", "", "Len", LenIs, 1, "assert.Len, then t.FailNow when it fails"},
	{"github.com/stretchr/testify/require", "Assertions", "Len", LenIs, 0, "require.Len with the receiver's testing.T"},
}
