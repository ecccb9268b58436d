// Package limitations records known misses of nilmerge: nil maps it does
// not report, by design (to stay precise) or for lack of a model.
package limitations

func fill(dst map[string]int, src map[string]int) {
	for k, v := range src {
		dst[k] = v // known miss: a nil passed through a func value is not followed
	}
}

func caller() {
	apply(fill)
}

func apply(f func(dst, src map[string]int)) {
	f(nil, map[string]int{"a": 1})
}

func rareMake(keys []string, rare func(string) bool) {
	var m map[string]int
	for _, k := range keys {
		if rare(k) {
			m = make(map[string]int)
		}
		m[k] = 1 // known miss: a map made inside the loop is trusted to exist on later iterations
	}
}

func partlyFilled(rows [][2]string) {
	idx := make(map[string]map[string]bool)
	idx["a"] = map[string]bool{}
	for _, r := range rows {
		idx[r[0]][r[1]] = true // known miss: any store into the outer map makes every lookup trusted
	}
}

type holder struct{ m map[string]int }

// Once a known miss: stored values are followed within a function now.
func throughMemory(k string) {
	h := &holder{m: nil}
	h.m[k] = 1 // want `write to map h.m, which is nil here: assigned nil at limitations.go:41`
}

type registry struct {
	closed bool
	m      map[string]int
}

func (r *registry) snapshot() map[string]int {
	if r.closed {
		return nil
	}
	return map[string]int{}
}

func receiverDependent(r *registry) {
	r.closed = true
	s := r.snapshot()
	s["k"] = 1 // known miss: a nil return that depends on the receiver's fields is trusted
}

// ConfigMap stands for an object fetched from an API server, whose Data is
// nil when the object has none.
type ConfigMap struct{ Data map[string]string }

type kvStore struct{ data map[string]string }

func (s *kvStore) load(cm *ConfigMap) { s.data = cm.Data }

// The shape of knative/pkg#2001 ("kvstore panics on empty map"): the field
// only ever holds a map the package did not make (another object's field),
// and no write of it is guarded, so neither the sources nor -deviant see it.
func (s *kvStore) set(k, v string) {
	s.data[k] = v // known miss: a field copied from another object's map field is trusted
}
