// Package version tells which maplint a binary is: the version of the
// maplint module it was built from, for `maplint version` and for the
// `-V=full` handshake of go vet -vettool and go fix -fixtool.
package version

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
)

// ModulePath is the path of the maplint module.
const ModulePath = "github.com/maplint/maplint"

// devel is the version of a build from a checkout that the go command could
// not stamp with a version from version control.
const devel = "(devel)"

// Version returns the version of the maplint module in this binary:
// "v1.2.3" for `go install …/cmd/maplint@v1.2.3`, a pseudo-version for a
// build stamped from a git checkout, "(devel)" for a build from a checkout
// without version-control information (or from a directory that replaces
// the module). It never contains spaces.
//
// maplint need not be the main module: when a project pins it with
// `go get -tool`, the main module is the project, and maplint is one of its
// dependencies.
func Version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return devel
	}
	return fromBuildInfo(bi)
}

func fromBuildInfo(bi *debug.BuildInfo) string {
	if bi.Main.Path == ModulePath {
		return moduleVersion(&bi.Main)
	}
	for _, m := range bi.Deps {
		if m.Path == ModulePath {
			return moduleVersion(m)
		}
	}
	return devel
}

// moduleVersion returns m's version, or that of its replacement: a module
// replaced by a directory has none, and is a development build.
func moduleVersion(m *debug.Module) string {
	if m.Replace != nil {
		m = m.Replace
	}
	if m.Version == "" {
		return devel
	}
	return m.Version
}

// Print writes the answer to `maplint version`: maplint's version and the
// Go toolchain that built it, e.g. "maplint version v1.2.3 go1.26.8".
func Print(w io.Writer) error {
	_, err := fmt.Fprintf(w, "maplint version %s %s\n", Version(), runtime.Version())
	return err
}

// PrintFull writes the answer to `maplint -V=full`, which the go command
// asks a -vettool or -fixtool for before it runs it, and uses as the tool's
// identity in its build cache:
//
//	maplint version v1.2.3 buildID=<sha256 of the executable>
//
// The go command (cmd/go/internal/work.(*Builder).toolID) reads the fields:
// the second must be "version"; when the third contains "devel", the last
// must be buildID=<id> and the id alone is the cache key; otherwise the whole
// line is. Either way the key includes the hash of the executable, so that a
// rebuilt maplint, even one with an unchanged version (a development build,
// a replaced dependency, another Go toolchain), invalidates cached vet
// results. x/tools' analysisflags prints the same hash, after the path of
// the executable and "version devel comments-go-here"; only the version
// field differs, which now says which maplint it is.
func PrintFull(w io.Writer) error {
	id, err := ExecutableHash()
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "maplint version %s buildID=%s\n", Version(), id)
	return err
}

// ExecutableHash returns the hex SHA-256 of the running executable: it
// changes with every build, so the go command's vet cache and maplint's own
// cache never reuse results of another build.
func ExecutableHash() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return fmt.Sprintf("%x", h.Sum(nil)), nil
}
