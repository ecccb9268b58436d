// Package literals exercises struct values built without their map, and
// nil stored explicitly into a map field (issue 11, item 3), each beside a
// silent twin.
package literals

type ImageConfig struct {
	Env          []string
	ExposedPorts map[string]struct{}
}

func expose(env []string, p string) ImageConfig {
	cfg := ImageConfig{Env: env}
	cfg.ExposedPorts[p] = struct{}{} // want `write to map cfg.ExposedPorts, which is nil here: field ExposedPorts left unset by the value created at literals.go:12`
	return cfg
}

func exposeTwin(env []string, p string) ImageConfig {
	cfg := ImageConfig{Env: env, ExposedPorts: map[string]struct{}{}}
	cfg.ExposedPorts[p] = struct{}{}
	return cfg
}

func exposePtr(env []string, p string) *ImageConfig {
	cfg := &ImageConfig{Env: env}
	cfg.ExposedPorts[p] = struct{}{} // want `write to map cfg.ExposedPorts, which is nil here: field ExposedPorts left unset by the value created at literals.go:24`
	return cfg
}

func exposePtrTwin(env []string, p string) *ImageConfig {
	cfg := &ImageConfig{Env: env}
	cfg.ExposedPorts = make(map[string]struct{})
	cfg.ExposedPorts[p] = struct{}{}
	return cfg
}

type set struct {
	name string
	tags map[string]string
}

func explicitNil(k, v string) *set {
	s := &set{name: "x", tags: nil}
	s.tags[k] = v // want `write to map s.tags, which is nil here: assigned nil at literals.go:42`
	return s
}

func explicitNilTwin(k, v string) *set {
	s := &set{name: "x", tags: map[string]string{}}
	s.tags[k] = v
	return s
}

func nilVariable(k, v string, fresh bool) *set {
	var tags map[string]string
	if fresh {
		tags = map[string]string{}
	}
	s := &set{name: "x", tags: tags}
	s.tags[k] = v // want `write to map s.tags, which is nil here: assigned a map that is nil on this path at literals.go:58`
	return s
}

func nilVariableTwin(k, v string, fresh bool) *set {
	tags := map[string]string{}
	if fresh {
		tags = map[string]string{"a": "b"}
	}
	s := &set{name: "x", tags: tags}
	s.tags[k] = v
	return s
}

func (s *set) reset(k, v string) {
	s.tags = nil
	s.name = ""
	s.tags[k] = v // want `write to map s.tags, which is nil here: assigned nil at literals.go:74`
}

func (s *set) resetTwin(k, v string) {
	s.tags = map[string]string{}
	s.name = ""
	s.tags[k] = v
}

func (s *set) grow() { s.tags = map[string]string{} }

// A call between the reset and the write may assign the field again.
func (s *set) resetThenCall(k, v string) {
	s.tags = nil
	s.grow()
	s.tags[k] = v
}
