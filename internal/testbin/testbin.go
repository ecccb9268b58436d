// Package testbin builds the maplint command for end-to-end tests: tests
// that run maplint as a user does share one build per test process.
package testbin

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
)

// build builds cmd/maplint into a fresh temporary directory, once per
// process: the tests of one package share the binary. The directory is left
// behind, as a test binary has no hook that runs after its last test.
var build = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "maplint-testbin")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "maplint")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	out, err := exec.Command("go", "build", "-o", bin, "github.com/maplint/maplint/cmd/maplint").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build cmd/maplint: %v\n%s", err, out)
	}
	return bin, nil
})

// Maplint returns the path of a maplint command built from this checkout.
// In -short mode it skips t: building and running the command takes seconds
// to minutes.
func Maplint(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the maplint command")
	}
	bin, err := build()
	if err != nil {
		t.Fatal(err)
	}
	return bin
}
