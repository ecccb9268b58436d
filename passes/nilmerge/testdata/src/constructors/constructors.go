// Package constructors exercises exported map fields that every
// constructor of the type leaves nil while a method writes them (issue 11,
// item 5); the fix initialises the field in the constructor.
package constructors

type Handler func()

type Mux struct {
	Name     string
	Handlers map[string]Handler
}

func NewMux(name string) *Mux {
	return &Mux{Name: name}
}

func (m *Mux) Handle(pattern string, h Handler) {
	m.Handlers[pattern] = h // want `write to map m.Handlers, which is nil here: field Handlers is left nil by NewMux, and nothing in the package sets it at constructors.go:13`
}

// Router's constructor makes the map: silent.
type Router struct {
	Name   string
	Routes map[string]Handler
}

func NewRouter(name string) *Router {
	return &Router{Name: name, Routes: map[string]Handler{}}
}

func (r *Router) Handle(pattern string, h Handler) {
	r.Routes[pattern] = h
}

// Table has no constructor: its users build it, and may set Rows.
type Table struct {
	Rows map[string]int
}

func (t *Table) Add(k string) {
	t.Rows[k]++
}

// Registry's second constructor returns a value it did not build: trusted.
type Registry struct {
	Entries map[string]int
}

func NewRegistry() *Registry { return &Registry{} }

func FromShared(r *Registry) *Registry { return r }

func (r *Registry) Put(k string) {
	r.Entries[k] = 1
}

// Lazy initialises the map in a method: the field is assigned, silent.
type Lazy struct {
	Items map[string]int
}

func NewLazy() *Lazy { return &Lazy{} }

func (l *Lazy) Put(k string) {
	if l.Items == nil {
		l.Items = make(map[string]int)
	}
	l.Items[k] = 1
}

// Multi is built over several lines.
type Multi struct {
	Name string
	Seen map[string]bool
}

func NewMulti(name string) *Multi {
	return &Multi{
		Name: name,
	}
}

func (m *Multi) Mark(k string) {
	m.Seen[k] = true // want `write to map m.Seen, which is nil here: field Seen is left nil by NewMulti, and nothing in the package sets it at constructors.go:77`
}
