package deviant

// A struct that a helper of the package allocates and returns is built,
// like one the function allocates itself: its fields are what the helper
// made them, which the rest of the search follows. The shape of
// nats-server's TestJetStreamStreamConfigClone (v2.15.3,
// server/jetstream_test.go:20302), which builds a config with Metadata:
// make(...), clones it, and writes the clone's Metadata. The twin writes
// into a config the package did not build (one looked up from a map), and
// Metadata is guarded before four other writes (one in a generic function).
type streamConfig struct {
	Name     string
	Metadata map[string]string
}

func setStatic(cfg *streamConfig) {
	if cfg.Metadata == nil {
		cfg.Metadata = make(map[string]string)
	}
	cfg.Metadata["level"] = "1"
}

func copyLevel(cfg, prev *streamConfig) {
	if prev.Metadata != nil {
		if cfg.Metadata == nil {
			cfg.Metadata = make(map[string]string)
		}
		cfg.Metadata["level"] = prev.Metadata["level"]
	}
}

func setVersion(cfg *streamConfig, v string) {
	if cfg.Metadata != nil {
		cfg.Metadata["version"] = v
	}
}

func (cfg *streamConfig) clone() *streamConfig {
	clone := *cfg
	if cfg.Metadata != nil {
		clone.Metadata = make(map[string]string, len(cfg.Metadata))
		for k, v := range cfg.Metadata {
			clone.Metadata[k] = v
		}
	}
	return &clone
}

func cloneAndMark() {
	cfg := &streamConfig{Name: "name", Metadata: make(map[string]string)}
	clone := cfg.clone()
	clone.Metadata["key"] = "value"
}

type streams struct{ configs map[string]*streamConfig }

// Twin: the config comes from a map, not from a helper that built it.
func (s *streams) mark(name string) {
	cfg := s.configs[name]
	cfg.Metadata["key"] = "value" // want `write to map cfg.Metadata, which may be nil: field Metadata is checked or set before its writes at 4 other places in this package, but not here`
}

// A generic helper builds the config it returns, as clone does: a call
// names an instantiation (withName[string]), which has no body, so the
// helper is read through its generic origin. Silent.
func withName[S ~string](name S) *streamConfig {
	return &streamConfig{Name: string(name), Metadata: make(map[string]string)}
}

func markNamed() {
	cfg := withName("x")
	cfg.Metadata["key"] = "value"
}

// A guarded write in a generic function counts as the others do.
func setTag[V ~string](cfg *streamConfig, v V) {
	if cfg.Metadata == nil {
		cfg.Metadata = make(map[string]string)
	}
	cfg.Metadata["tag"] = string(v)
}

// Twin: a generic helper that hands on a config it did not build.
func lookup[K comparable](m map[K]*streamConfig, k K) *streamConfig { return m[k] }

func markLooked(m map[string]*streamConfig) {
	cfg := lookup(m, "x")
	cfg.Metadata["key"] = "value" // want `write to map cfg.Metadata, which may be nil: field Metadata is checked or set before its writes at 4 other places in this package, but not here`
}
