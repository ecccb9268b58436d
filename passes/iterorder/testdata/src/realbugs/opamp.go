// Package realbugs holds order bugs that public projects fixed, in the
// shape of the code before the fix, each with the issue or pull request
// that fixed it. Each must be reported by default.
package realbugs

import "crypto/sha256"

type AgentConfigFile struct {
	Body        []byte
	ContentType string
}

type AgentConfigMap struct{ ConfigMap map[string]*AgentConfigFile }

type EffectiveConfig struct {
	ConfigMap *AgentConfigMap
	Hash      []byte
}

// CalcHashEffectiveConfig is open-telemetry/opamp-go's client helper before
// the fix of https://github.com/open-telemetry/opamp-go/issues/70 ("the hash
// computed may be different using the same set of data"): the fix sorts the
// keys before hashing.
func CalcHashEffectiveConfig(msg *EffectiveConfig) {
	h := sha256.New()
	if msg.ConfigMap != nil {
		for k, v := range msg.ConfigMap.ConfigMap { // want `keys written to hash h`
			h.Write([]byte(k))
			h.Write(v.Body)
			h.Write([]byte(v.ContentType))
		}
	}
	msg.Hash = h.Sum(nil)
}
