package crosspkg

import (
	"encoding/json"
	"io"
	"os"
	"slices"

	"emitter"
)

// The list emitter.Names returns, stored into a field of a local struct
// that is then encoded, as go-ethereum's cmd/devp2p stores Tree.Links()
// into a dnsMetaJSON it marshals (dnscmd.go:309, 376-386).
type meta struct {
	Seq   uint
	Links []string
}

func WriteMeta(m map[string]int) error { // want WriteMeta:`sinks\(0: written to a file by os.WriteFile\)`
	info := meta{Seq: 1, Links: emitter.Names(m)} // want `the result of emitter.Names, built in map order and returned unsorted, is written to a file by os.WriteFile unsorted`
	data, err := json.Marshal(info)
	if err != nil {
		return err
	}
	return os.WriteFile("meta.json", data, 0o644)
}

func EncodeMeta(w io.Writer, m map[string]int) error { // want EncodeMeta:`sinks\(1: encoded by json.NewEncoder\(w\).Encode\)`
	var info meta
	info.Links = emitter.Names(m) // want `the result of emitter.Names, built in map order and returned unsorted, is encoded by json.NewEncoder\(w\).Encode unsorted`
	return json.NewEncoder(w).Encode(&info)
}

// Silent twins: the list sorted before the store, and a struct only used
// as a set.
func WriteSortedMeta(m map[string]int) error { // want WriteSortedMeta:`sinks\(0: written to a file by os.WriteFile\)`
	links := emitter.Names(m)
	slices.Sort(links)
	info := meta{Seq: 1, Links: links}
	data, err := json.Marshal(info)
	if err != nil {
		return err
	}
	return os.WriteFile("meta.json", data, 0o644)
}

func CountMeta(m map[string]int) int {
	info := meta{Links: emitter.Names(m)}
	seen := map[string]bool{}
	for _, l := range info.Links {
		seen[l] = true
	}
	return len(seen)
}

// The geth shape: the struct holding the list is stored into another one,
// returned by an unexported function, and written whole to a file by a
// helper of this package. The list in the other field (go-ethereum's
// Tree.Nodes(), sorted before it is written) is not what the helper shows.
type definition struct {
	Meta  meta
	Nodes []string
}

func toDefinition(m map[string]int) *definition {
	info := meta{Seq: 1, Links: emitter.Names(m)} // want `the result of emitter.Names, built in map order and returned unsorted, is returned unsorted by toDefinition, whose caller shows it`
	return &definition{Meta: info, Nodes: emitter.Names(m)} // silent: writeMetadata shows only def.Meta
}

func writeMetadata(dir string, def *definition) { // want writeMetadata:`sinks\(1: written to a file by os.WriteFile\)`
	data, err := json.MarshalIndent(&def.Meta, "", "  ")
	if err != nil {
		return
	}
	_ = os.WriteFile(dir+"/meta.json", data, 0o644)
}

func Sync(dir string, m map[string]int) {
	def := toDefinition(m)
	writeMetadata(dir, def)
}

// Silent twins: the definition only counted; one file per map entry, each
// written whole (no file shows the order), directly or through a helper.
func toCount(m map[string]int) *definition {
	info := meta{Links: emitter.Names(m)}
	return &definition{Meta: info}
}

func CountLinks(m map[string]int) int {
	return len(toCount(m).Meta.Links)
}

func writeOne(name string, data []byte) { // want writeOne:`sinks\(1: written to a file by os.WriteFile\)`
	_ = os.WriteFile(name, data, 0o644)
}

func WriteEach(m map[string][]byte) {
	for k, v := range m {
		_ = os.WriteFile(k, v, 0o644)
		writeOne(k, v)
	}
}
