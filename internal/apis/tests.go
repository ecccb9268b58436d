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
