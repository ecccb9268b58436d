package returned

// Generic helpers: a call names an instantiation (newBox[int]), which has
// no body, so the struct is followed through the generic origin. Every
// instance's literal leaves the same field out: a field of a type
// parameter's type is not a map field the caller can write.
type Box[T any] struct {
	Value  T
	Labels map[string]string
}

func newBox[T any](v T) *Box[T] { return &Box[T]{Value: v} }

func boxed(k, v string) *Box[int] {
	b := newBox(1)
	b.Labels[k] = v // want `write to map b.Labels, which is nil here: field Labels left unset by the value newBox returns at generic.go:12`
	return b
}

// Twin: the generic helper's literal sets the field.
func newFullBox[T any](v T) *Box[T] { return &Box[T]{Value: v, Labels: map[string]string{}} }

func fullBoxed(k, v string) *Box[int] {
	b := newFullBox(1)
	b.Labels[k] = v
	return b
}

// A generic helper returning a struct of a plain type.
func defaultsFor[T any](T) *Options { return &Options{Name: "x"} }

func labelledFor(k, v string) *Options {
	o := defaultsFor(0)
	o.Labels[k] = v // want `write to map o.Labels, which is nil here: field Labels left unset by the value defaultsFor returns at generic.go:30`
	return o
}

// Twin: the generic helper hands its allocation to a method of the type
// argument (through the pointer type parameter), which may make the map.
func (o *Options) Init() { o.Labels = map[string]string{} }

func newInited[T any, PT interface {
	*T
	Init()
}]() *T {
	p := PT(new(T))
	p.Init()
	return (*T)(p)
}

func initedLabelled(k, v string) *Options {
	o := newInited[Options]()
	o.Labels[k] = v
	return o
}
