// Package niltest exercises writes on a path where the program has just
// tested the map and found it nil (issue 11, item 1), each with a silent
// twin that differs only in the guard.
package niltest

func param(m map[string]int, k string) {
	if m == nil {
		m[k] = 1 // want `write to map m, which is nil here: tested nil at niltest.go:7`
	}
}

func paramTwin(m map[string]int, k string) {
	if m != nil {
		m[k] = 1
	}
}

func returns(m map[string]int, k string) {
	if m != nil {
		return
	}
	m[k] = 1 // want `write to map m, which is nil here: tested nil at niltest.go:19`
}

func returnsTwin(m map[string]int, k string) {
	if m == nil {
		return
	}
	m[k] = 1
}

type reg struct{ tags map[string]string }

func (r *reg) add(k, v string) {
	if r.tags == nil {
		r.tags[k] = v // want `write to map r.tags, which is nil here: tested nil at niltest.go:35`
	}
}

func (r *reg) addTwin(k, v string) {
	if r.tags == nil {
		r.tags = make(map[string]string)
	}
	r.tags[k] = v
}

func (r *reg) init() { r.tags = map[string]string{} }

// A call between the test and the write may assign the field.
func (r *reg) addAfterCall(k, v string) {
	if r.tags == nil {
		r.init()
		r.tags[k] = v
	}
}

func loaded(load func() map[string]int, k string) {
	m := load()
	if m == nil {
		m[k]++ // want `write to map m, which is nil here: tested nil at niltest.go:59`
	}
}

func loadedTwin(load func() map[string]int, k string) {
	m := load()
	if m == nil {
		m = map[string]int{}
	}
	m[k]++
}

// Known miss: after a branch that only logs, the nil way to the write
// goes through a join, and join alternatives are not trusted (they may be
// infeasible through a correlated variable).
func logs(m map[string]int, k string, logf func(string)) {
	if m == nil {
		logf("no map")
	}
	m[k] = 1
}

func logsTwin(m map[string]int, k string, logf func(string)) {
	if m == nil {
		logf("no map")
		return
	}
	m[k] = 1
}

// A loop between the test and the write: the make goes before the write
// only while the map is nil (made unconditionally, it would drop the
// entries of the earlier iterations).
func fillLoop(load func() map[string]int, ks []string) map[string]int {
	m := load()
	if m == nil {
		for _, k := range ks {
			m[k]++ // want `write to map m, which is nil here: tested nil at niltest.go:95`
		}
	}
	return m
}
