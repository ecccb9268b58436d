package output

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := JSON(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	want := `{
	"example.com/p": {
		"concurrentwrite": [
			{
				"posn": "/src/p/a.go:10:3",
				"end": "/src/p/a.go:10:9",
				"message": "concurrent write to map out without mu (held: none)"
			}
		],
		"iterorder": [
			{
				"posn": "/src/p/b.go:3:1",
				"end": "/src/p/b.go:5:2",
				"message": "result depends on map iteration order: keys appended to ks, which is returned unsorted"
			}
		],
		"nilmerge": [
			{
				"category": "nilwrite",
				"posn": "/src/p/a.go:10:3",
				"end": "/src/p/a.go:10:9",
				"message": "write to map out, which is nil when ok is false",
				"suggested_fixes": [
					{
						"message": "Initialize out before merging",
						"edits": [
							{
								"filename": "/src/p/a.go",
								"start": 700,
								"end": 700,
								"new": "out = make(map[string]int)\n"
							}
						]
					}
				],
				"related": [
					{
						"posn": "/src/p/a.go:4:2",
						"end": "/src/p/a.go:4:2",
						"message": "out is declared here"
					}
				]
			}
		]
	},
	"example.com/p_test": {
		"nilmerge": [
			{
				"posn": "/src/p/a_test.go:7:2",
				"end": "/src/p/a_test.go:7:8",
				"message": "write to map m, which is nil"
			}
		]
	}
}
`
	if got := buf.String(); got != want {
		t.Errorf("JSON:\n%s\nwant:\n%s", got, want)
	}
}

// TestJSONTree checks the output against the schema of the multichecker's
// tree as its readers (go vet -json, the corpus script) decode it.
func TestJSONTree(t *testing.T) {
	var buf bytes.Buffer
	errs := []PackageError{{Package: "example.com/q [example.com/q.test]", Pass: "nilmerge", Err: "failed prerequisites"}}
	if err := JSONWithErrors(&buf, sample(), errs); err != nil {
		t.Fatal(err)
	}
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(buf.Bytes(), &tree); err != nil {
		t.Fatal(err)
	}
	var e struct{ Error string }
	if err := json.Unmarshal(tree["example.com/q"]["nilmerge"], &e); err != nil || e.Error != "failed prerequisites" {
		t.Errorf("error entry: %s (%v)", tree["example.com/q"]["nilmerge"], err)
	}
	var diags []struct {
		Posn, End, Message, Category string
		SuggestedFixes               []struct {
			Message string
			Edits   []struct {
				Filename   string
				Start, End int
				New        string
			}
		} `json:"suggested_fixes"`
		Related []struct{ Posn, End, Message string }
	}
	if err := json.Unmarshal(tree["example.com/p"]["nilmerge"], &diags); err != nil {
		t.Fatal(err)
	}
	if len(diags) != 1 || len(diags[0].SuggestedFixes) != 1 || diags[0].SuggestedFixes[0].Edits[0].Start != 700 || len(diags[0].Related) != 1 {
		t.Errorf("nilmerge diagnostics decode as %+v", diags)
	}
	for pkg := range tree {
		if pkg != "example.com/p" && pkg != "example.com/p_test" && pkg != "example.com/q" {
			t.Errorf("unexpected package key %q", pkg)
		}
	}

	buf.Reset()
	if err := JSON(&buf, nil); err != nil || buf.String() != "{}\n" {
		t.Errorf("JSON(nil) = %q, %v; want {}", buf.String(), err)
	}
}
