// Package testhelper exercises test helpers compiled into a package
// (internal/testenv's WriteImportcfg): a function given a test handle
// (testing.TB, *testing.T, *testing.B, *testing.F) runs only under go
// test, and its loops are out of scope as a test file's are. Its twins
// take no handle, or a handle-like interface of their own, and are
// reported.
package testhelper

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"testing"
)

// WriteImportcfg writes an importcfg for a test's compiler run.
func WriteImportcfg(t testing.TB, dstPath string, packageFiles map[string]string) {
	t.Helper()
	icfg := new(bytes.Buffer)
	icfg.WriteString("# import config\n")
	for k, v := range packageFiles {
		fmt.Fprintf(icfg, "packagefile %s=%s\n", k, v)
	}
	if err := os.WriteFile(dstPath, icfg.Bytes(), 0o666); err != nil {
		t.Fatal(err)
	}
}

// Dump prints m for a test.
func Dump(t *testing.T, w io.Writer, m map[string]int) {
	for k, v := range m {
		fmt.Fprintf(w, "%s=%d\n", k, v)
	}
}

// DumpBench prints m for a benchmark, from a function literal.
func DumpBench(b *testing.B, w io.Writer, m map[string]int) {
	func() {
		for k, v := range m {
			fmt.Fprintf(w, "%s=%d\n", k, v)
		}
	}()
}

// WriteConfig writes the same file outside any test.
func WriteConfig(dstPath string, packageFiles map[string]string) error {
	icfg := new(bytes.Buffer)
	for k, v := range packageFiles { // want "result depends on map iteration order: keys written to icfg"
		fmt.Fprintf(icfg, "packagefile %s=%s\n", k, v)
	}
	return os.WriteFile(dstPath, icfg.Bytes(), 0o666)
}

// Reporter has the methods of a test handle, but any type implements it.
type Reporter interface {
	Helper()
	Fatal(args ...any)
}

// DumpTo prints m through a handle that is not the testing package's.
func DumpTo(r Reporter, w io.Writer, m map[string]int) {
	r.Helper()
	for k, v := range m { // want "result depends on map iteration order: keys written to w"
		fmt.Fprintf(w, "%s=%d\n", k, v)
	}
}
