// Package outerpath exercises the path-based inner maps of a map of maps
// (issue 11, item 7, -nilmerge.outerpath): a write into outer[a][b] where
// outer is a field or package map that the package fills, but nothing in the
// writing function makes sure outer[a] exists. Each positive has a silent
// twin that differs only in the guard.
package outerpath

type Event struct{}

type registry struct {
	subs map[string]map[string]chan Event
}

func newRegistry() *registry {
	return &registry{subs: map[string]map[string]chan Event{}}
}

func (r *registry) createTopic(topic string) {
	r.subs[topic] = map[string]chan Event{}
}

func (r *registry) subscribe(topic, id string, ch chan Event) {
	r.subs[topic][id] = ch // want `write to map r.subs\[topic\], which may be nil: r.subs has no entry for topic unless one was made, and nothing in this function makes sure it has one`
}

// Twin: the comma-ok check.
func (r *registry) subscribeChecked(topic, id string, ch chan Event) {
	if _, ok := r.subs[topic]; !ok {
		r.subs[topic] = map[string]chan Event{}
	}
	r.subs[topic][id] = ch
}

// Twin: the nil check.
func (r *registry) subscribeNilChecked(topic, id string, ch chan Event) {
	if r.subs[topic] == nil {
		r.subs[topic] = map[string]chan Event{}
	}
	r.subs[topic][id] = ch
}

// Twin: a get-or-create helper of the package that fills the outer map.
func (r *registry) subscribeEnsured(topic, id string, ch chan Event) {
	r.ensure(topic)
	r.subs[topic][id] = ch
}

func (r *registry) ensure(topic string) {
	if _, ok := r.subs[topic]; !ok {
		r.subs[topic] = map[string]chan Event{}
	}
}

// Twin: the key comes from ranging over the outer map.
func (r *registry) broadcast(id string, ch chan Event) {
	for topic := range r.subs {
		r.subs[topic][id] = ch
	}
}

// Twin: a helper whose only caller makes sure of the entry.
func (r *registry) subscribeVia(topic, id string, ch chan Event) {
	if r.subs[topic] == nil {
		r.subs[topic] = map[string]chan Event{}
	}
	r.add(topic, id, ch)
}

func (r *registry) add(topic, id string, ch chan Event) {
	r.subs[topic][id] = ch
}

// A package map of maps, filled for some keys elsewhere.
var counts = map[string]map[string]int{}

func record(kind string) {
	counts[kind] = map[string]int{}
}

func bump(kind, name string) {
	counts[kind][name]++ // want `write to map counts\[kind\], which may be nil: counts has no entry for kind unless one was made`
}

// Twin: the entry is made in the same function.
func bumpMade(kind, name string) {
	if counts[kind] == nil {
		counts[kind] = map[string]int{}
	}
	counts[kind][name]++
}

// Twin: an entry made up front, with the same constant key.
func init() {
	counts["total"] = map[string]int{}
}

func bumpTotal(name string) {
	counts["total"][name]++
}

// Twin of bump, the shape of grpc's expectLogsN: a helper whose every
// caller passes a constant key that the package fills up front.
func expectTotal(name string) { bumpKind("total", name) }

func bumpKind(kind, name string) {
	counts[kind][name]++
}
