//go:build go1.23

package recall34

import (
	"bytes"
	"io"
	"sort"
	"strings"
)

type ekuOID struct {
	OID       string
	ShortName string
	Type      string
}

func goNameFromShortName(shortName, prefix string) string {
	parts := strings.Split(shortName, "-")
	for idx, p := range parts {
		if prefix == "" && idx == 0 {
			continue
		}
		parts[idx] = strings.Title(p)
	}
	return prefix + strings.Join(parts, "")
}

// generateNameConstants is zmap/zcrypto's extended_key_usage_gen.go before
// https://github.com/zmap/zcrypto/pull/163 ("Fix non-deterministic eku
// generation"): the generator ranges over the map of OIDs, so every run
// writes extended_key_usage.go with the constants in another order.
func generateNameConstants(oidToName map[string]ekuOID) []byte {
	buffer := bytes.Buffer{}
	for _, oid := range oidToName { // want `values written to buffer, which is returned unsorted`
		buffer.WriteString(goNameFromShortName(oid.ShortName, "EKU"))
		buffer.WriteString(" = \"")
		buffer.WriteString(oid.ShortName)
		buffer.WriteString("\"\n")
	}
	return buffer.Bytes()
}

// generateNameConstantsFixed is the fix: a sorted slice of keys.
func generateNameConstantsFixed(oidToName map[string]ekuOID) []byte {
	buffer := bytes.Buffer{}
	keys := make([]string, 0, len(oidToName))
	for k := range oidToName {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		oid := oidToName[k]
		buffer.WriteString(goNameFromShortName(oid.ShortName, "EKU"))
		buffer.WriteString(" = \"")
		buffer.WriteString(oid.ShortName)
		buffer.WriteString("\"\n")
	}
	return buffer.Bytes()
}

func writeEKUFile(out io.Writer, oidToName map[string]ekuOID) error { // want writeEKUFile:`sinks\(1: written to out\)`
	if _, err := out.Write(generateNameConstants(oidToName)); err != nil {
		return err
	}
	_, err := out.Write(generateNameConstantsFixed(oidToName))
	return err
}
