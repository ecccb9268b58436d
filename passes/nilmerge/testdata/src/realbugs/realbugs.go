// Package realbugs reproduces nil-map panics that public projects hit and
// fixed, each in its original shape (the object, the decoder or the
// constructor, the write), with the issue named above it.
package realbugs

import (
	goyaml "github.com/goccy/go-yaml"
	"gopkg.in/yaml.v2"
)

// go-yaml/yaml#347: "Unmarshaling empty YAML header into map yields nil
// instead of empty map": the map was made, "---" decoded as null set it
// to nil, and the write panicked.
func yamlHeaderOnly() {
	input := map[string]string{}
	data := []byte("---")
	err := yaml.Unmarshal(data, &input)
	if err != nil {
		panic(err)
	}
	input["foo"] = "bar" // want `write to map input, which is nil here: decoded by yaml.Unmarshal, which leaves it nil for null or empty input at realbugs.go:17`
}

// goccy/go-yaml#805 (reported from gohugoio/hugo#14074): "yaml.Unmarshal
// of empty document nils out the map provided".
func emptyDocument(data []byte) (map[string]any, error) {
	target := make(map[string]any)
	if err := goyaml.Unmarshal(data, &target); err != nil {
		return nil, err
	}
	target["source"] = "front matter" // want `write to map target, which is nil here: decoded by yaml.Unmarshal, which leaves it nil for null or empty input at realbugs.go:28`
	return target, nil
}

// miracl/conflate#48: "empty yaml file in includes list causes panic": an
// empty include decodes to a nil map, and merging the parent into it
// panics.
func unmarshalInclude(data []byte) (map[string]interface{}, error) { // want unmarshalInclude:`returnsNil\(0@realbugs.go:41\)`
	var out map[string]interface{}
	err := yaml.Unmarshal(data, &out)
	return out, err
}

func mergeTo(toData, fromData map[string]interface{}) {
	for k, v := range fromData {
		toData[k] = v // want `write to map toData, which is nil here: toData is passed a map that may be nil by this call to mergeTo \(returned by unmarshalInclude, which returns nil at realbugs.go:41\) at realbugs.go:55`
	}
}

func includeFile(parent map[string]interface{}, data []byte) (map[string]interface{}, error) {
	child, err := unmarshalInclude(data)
	if err != nil {
		return nil, err
	}
	mergeTo(child, parent)
	return child, nil
}

// sunriselayer/sunrise#216: "The outer map is initialized, but the inner
// map (map[string]bool) is not" (TallyValidityProofs).
type proof struct {
	Sender  string
	Indices []uint64
}

func tallyValidityProofs(proofs []proof, threshold int) []uint64 {
	shardProofSubmitted := make(map[uint64]map[string]bool)
	for _, p := range proofs {
		for _, index := range p.Indices {
			shardProofSubmitted[index][p.Sender] = true // want `write to map shardProofSubmitted\[index\], which is nil here: every lookup in shardProofSubmitted is nil: nothing stores into the outer map made at realbugs.go:67`
		}
	}
	var valid []uint64
	for index, senders := range shardProofSubmitted {
		if len(senders) >= threshold {
			valid = append(valid, index)
		}
	}
	return valid
}

// k1LoW/tbls#147: "panic: assignment to entry in nil map" in
// (*Config).OutputSchema: a comment built for a table without one left
// ColumnComments out of its literal, and the loop over the columns wrote
// into it (the fix added ColumnComments: map[string]string{}).
type AdditionalComment struct {
	Table          string
	TableComment   string
	ColumnComments map[string]string
}

type table struct {
	Name    string
	Columns []string
}

func outputSchema(tables []table, known map[string]bool, required bool) []AdditionalComment {
	var comments []AdditionalComment
	for _, t := range tables {
		if known[t.Name] {
			continue
		}
		a := AdditionalComment{
			Table: t.Name,
		}
		if required {
			a.TableComment = "table comment required."
		}
		for _, column := range t.Columns {
			a.ColumnComments[column] = "column comment required." // want `write to map a.ColumnComments, which is nil here: field ColumnComments left unset by the value created at realbugs.go:\d+`
		}
		comments = append(comments, a)
	}
	return comments
}
