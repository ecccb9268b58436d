// Package sarifcheck validates a SARIF log against the official SARIF 2.1.0
// JSON schema. Only tests import it: the unit tests of package output and
// the end-to-end tests of maplint -sarif, so that both check against the
// same schema. It keeps the JSON-schema validator, a test-only dependency,
// out of every package that the maplint command builds.
package sarifcheck

import (
	"bytes"
	_ "embed"
	"fmt"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The schema's origin and licence are in testdata/README.md.
//
//go:embed testdata/sarif-schema-2.1.0.json
var schemaJSON []byte

// schemaID is the $id of the schema, under which it is registered so that
// the validator never fetches it.
const schemaID = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// Validate reports whether log is a valid SARIF 2.1.0 log: it returns nil,
// or an error that lists every violation with its JSON pointer. String
// formats (uri, uri-reference, date-time) are checked too.
func Validate(log []byte) error {
	schema, err := compile()
	if err != nil {
		return err
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(log))
	if err != nil {
		return fmt.Errorf("not JSON: %v", err)
	}
	return schema.Validate(doc)
}

// compile compiles the schema; it is cheap enough (milliseconds) to do per
// call, which spares the package any mutable state.
func compile() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaJSON))
	if err != nil {
		return nil, fmt.Errorf("sarif schema: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(schemaID, doc); err != nil {
		return nil, fmt.Errorf("sarif schema: %v", err)
	}
	return c.Compile(schemaID)
}
