package version

import (
	"bytes"
	"runtime/debug"
	"strings"
	"testing"
)

func TestFromBuildInfo(t *testing.T) {
	for _, tc := range []struct {
		name string
		bi   debug.BuildInfo
		want string
	}{
		{"installed at a version", debug.BuildInfo{Main: debug.Module{Path: ModulePath, Version: "v1.2.3"}}, "v1.2.3"},
		{"checkout without vcs stamp", debug.BuildInfo{Main: debug.Module{Path: ModulePath, Version: "(devel)"}}, "(devel)"},
		{"checkout with vcs stamp", debug.BuildInfo{Main: debug.Module{Path: ModulePath, Version: "v0.0.0-20261130020000-0123456789ab+dirty"}}, "v0.0.0-20261130020000-0123456789ab+dirty"},
		{"go get -tool in a project", debug.BuildInfo{
			Main: debug.Module{Path: "example.com/project", Version: "(devel)"},
			Deps: []*debug.Module{{Path: "golang.org/x/tools", Version: "v0.48.0"}, {Path: ModulePath, Version: "v1.4.0"}},
		}, "v1.4.0"},
		{"replaced by a directory", debug.BuildInfo{
			Main: debug.Module{Path: "example.com/project"},
			Deps: []*debug.Module{{Path: ModulePath, Version: "v1.4.0", Replace: &debug.Module{Path: "../maplint"}}},
		}, "(devel)"},
		{"replaced by a fork", debug.BuildInfo{
			Main: debug.Module{Path: "example.com/project"},
			Deps: []*debug.Module{{Path: ModulePath, Version: "v1.4.0", Replace: &debug.Module{Path: "example.com/fork", Version: "v1.4.1"}}},
		}, "v1.4.1"},
		{"not in the binary", debug.BuildInfo{Main: debug.Module{Path: "example.com/other"}}, "(devel)"},
	} {
		if got := fromBuildInfo(&tc.bi); got != tc.want {
			t.Errorf("%s: version %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestPrintFull checks the line against the rules of the go command's
// toolID, which parses it.
func TestPrintFull(t *testing.T) {
	var buf bytes.Buffer
	if err := PrintFull(&buf); err != nil {
		t.Fatal(err)
	}
	line := buf.String()
	f := strings.Fields(line)
	if len(f) < 3 || f[1] != "version" || !strings.HasSuffix(line, "\n") {
		t.Fatalf("-V=full line %q is not `name version ...`", line)
	}
	last := f[len(f)-1]
	if !strings.HasPrefix(last, "buildID=") || len(last) != len("buildID=")+64 {
		t.Errorf("-V=full line %q does not end with the executable's hash", line)
	}
	if f[2] != Version() {
		t.Errorf("-V=full line %q does not give the version %q", line, Version())
	}
}

func TestPrint(t *testing.T) {
	var buf bytes.Buffer
	if err := Print(&buf); err != nil {
		t.Fatal(err)
	}
	if f := strings.Fields(buf.String()); len(f) != 4 || f[0] != "maplint" || f[1] != "version" || !strings.HasPrefix(f[3], "go") {
		t.Errorf("version line %q", buf.String())
	}
}
