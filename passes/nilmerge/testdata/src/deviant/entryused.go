package deviant

// Two more ways a write is known safe, from nats-server v2.15.3's tests.
// consumers is guarded before five writes, so the twins are reported.
type consumerConfig struct{ Replicas int }

type assignment struct {
	Name   string
	Config *consumerConfig
}

type streamAssignment struct {
	consumers map[string]*assignment
}

func addConsumer(sa *streamAssignment, ca *assignment) {
	if sa.consumers == nil {
		sa.consumers = map[string]*assignment{}
	}
	sa.consumers[ca.Name] = ca
}

func addConsumers(sa *streamAssignment, cas []*assignment) {
	if sa.consumers == nil {
		sa.consumers = map[string]*assignment{}
	}
	for _, ca := range cas {
		sa.consumers[ca.Name] = ca
	}
}

func renameConsumer(sa *streamAssignment, ca *assignment, name string) {
	if sa.consumers != nil {
		sa.consumers[name] = ca
	}
}

func restoreConsumer(sa *streamAssignment, ca *assignment) {
	if len(sa.consumers) == 0 {
		sa.consumers = make(map[string]*assignment, 1)
	}
	sa.consumers[ca.Name] = ca
}

func resetConsumer(sa *streamAssignment, ca *assignment) {
	if sa.consumers == nil {
		return
	}
	sa.consumers[ca.Name] = ca
}

// The shape of jetstream_cluster_4_test.go:6821: the entry read from the
// field is dereferenced before the write, which panics first when the map
// is nil.
func scaleUp(sa *streamAssignment) {
	ca := sa.consumers["C"]
	ncfg := *ca.Config
	ncfg.Replicas = 3
	sa.consumers["C"] = &assignment{Name: "C", Config: &ncfg}
}

// Twin: the config is not read through the entry.
func scaleUpFresh(sa *streamAssignment) {
	ncfg := consumerConfig{}
	ncfg.Replicas = 3
	sa.consumers["C"] = &assignment{Name: "C", Config: &ncfg} // want `write to map sa.consumers, which may be nil: field consumers is checked or set before its writes at 5 other places in this package, but not here`
}

var current *streamAssignment

func run(f func()) { f() }

// The shape of jetstream_cluster_3_test.go:12273: the struct comes from a
// function literal held by a local variable, called from a closure, that
// builds it.
func scaleCases(names []string) {
	newStream := func() *streamAssignment {
		return &streamAssignment{consumers: map[string]*assignment{}}
	}
	for _, name := range names {
		run(func() {
			osa := newStream()
			osa.consumers[name] = &assignment{Name: name}
		})
	}
}

// The literal converted to a named function type is the same helper.
type streamMaker func() *streamAssignment

func scaleCasesNamed(names []string) {
	newStream := streamMaker(func() *streamAssignment {
		return &streamAssignment{consumers: map[string]*assignment{}}
	})
	for _, name := range names {
		run(func() {
			osa := newStream()
			osa.consumers[name] = &assignment{Name: name}
		})
	}
}

// Twin: the function literal returns a struct it did not build.
func scaleCurrent(names []string) {
	getStream := func() *streamAssignment {
		return current
	}
	for _, name := range names {
		run(func() {
			osa := getStream()
			osa.consumers[name] = &assignment{Name: name} // want `write to map osa.consumers, which may be nil: field consumers is checked or set before its writes at 5 other places in this package, but not here`
		})
	}
}
