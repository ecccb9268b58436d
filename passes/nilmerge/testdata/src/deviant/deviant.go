// Package deviant exercises the inference of nilable fields from the
// package's own habits (issue 11, item 8; -nilmerge.deviant): Annotations
// is guarded before two of its writes, so the third, unguarded one is
// reported; Labels is never guarded, so its writes are trusted.
package deviant

type ObjectMeta struct {
	Name        string
	Annotations map[string]string
	Labels      map[string]string
}

type ConfigMap struct {
	ObjectMeta
	Data map[string]string
}

func markSynced(cm *ConfigMap, rev string) {
	if cm.Annotations == nil {
		cm.Annotations = map[string]string{}
	}
	cm.Annotations["synced"] = rev
}

func markOwner(cm *ConfigMap, owner string) {
	if cm.Annotations != nil {
		cm.Annotations["owner"] = owner
	}
}

func markHealth(cm *ConfigMap, health string) {
	cm.Annotations["health"] = health // want `write to map cm.Annotations, which may be nil: field Annotations is checked or set before its writes at 2 other places in this package, but not here`
}

func label(cm *ConfigMap, k, v string) {
	cm.Labels[k] = v
}

func labelAgain(cm *ConfigMap, k, v string) {
	cm.Labels[k] = v
}

func build(name string) *ConfigMap {
	cm := &ConfigMap{ObjectMeta: ObjectMeta{Name: name, Annotations: map[string]string{}}}
	cm.Annotations["created"] = "yes" // built here: left to the rest of the search
	return cm
}

// A callback's argument is prepared by the function that calls it:
// withQuery guards Annotations before it calls customize.
func withQuery(cm *ConfigMap, customize func(*ConfigMap)) {
	if cm.Annotations == nil {
		cm.Annotations = map[string]string{}
	}
	customize(cm)
}

func annotateAll(cm *ConfigMap, v string) {
	withQuery(cm, func(cm *ConfigMap) {
		cm.Annotations["a"] = v
		cm.Annotations["b"] = v
		cm.Annotations["c"] = v
	})
}

// The shape of net/http's decConnsPerHost (std): the entry read before the
// write is tested, and the branch where it is missing never returns, so the
// map has the entry and is not nil. The twin below differs only in that test.
type Transport struct{ conns map[string]int }

func (t *Transport) inc(k string) {
	if t.conns == nil {
		t.conns = make(map[string]int)
	}
	t.conns[k]++
}

func (t *Transport) incAgain(k string) {
	if t.conns == nil {
		t.conns = make(map[string]int)
	}
	t.conns[k]++
}

func (t *Transport) dec(k string) {
	n := t.conns[k]
	if n == 0 {
		panic("underflow")
	}
	t.conns[k] = n - 1
}

func (t *Transport) decUnchecked(k string) {
	n := t.conns[k]
	t.conns[k] = n - 1 // want `write to map t.conns, which may be nil: field conns is checked or set before its writes at 2 other places in this package, but not here`
}

// The shape of caddy's buildPKIApp: a write inside a range over the same
// field, whose body runs only when the map has an entry.
func (t *Transport) rehash() {
	for k, n := range t.conns {
		t.conns[k] = n * 2
	}
}

// The shape of grpc's grpclb balancer: comma-ok tests of entries before
// two writes are membership tests, not evidence that the field may be nil,
// so the bare write is trusted.
type balancerState struct{ states map[string]int }

func newBalancerState() *balancerState {
	return &balancerState{states: make(map[string]int)}
}

func (b *balancerState) update(k string, s int) {
	if old, ok := b.states[k]; ok && old == s {
		return
	}
	b.states[k] = s
}

func (b *balancerState) add(k string) {
	if _, ok := b.states[k]; !ok {
		b.states[k] = 0
	}
}

func (b *balancerState) connect(k string) {
	b.states[k] = 1
}
