package outerpath

// A generic registry: each call of its get-or-create helper names an
// instantiation ((*bus[T]).ensure with the caller's T), which has no body,
// so the helper is read through its generic origin.
type bus[T any] struct {
	subs map[string]map[string]chan T
}

func newBus[T any]() *bus[T] {
	return &bus[T]{subs: map[string]map[string]chan T{}}
}

func (b *bus[T]) ensure(topic string) {
	if _, ok := b.subs[topic]; !ok {
		b.subs[topic] = map[string]chan T{}
	}
}

// The helper makes sure of the entry: silent.
func (b *bus[T]) subscribe(topic, id string, ch chan T) {
	b.ensure(topic)
	b.subs[topic][id] = ch
}

// A helper whose only caller makes sure of the entry through ensure:
// silent.
func (b *bus[T]) subscribeVia(topic, id string, ch chan T) {
	b.ensure(topic)
	b.add(topic, id, ch)
}

func (b *bus[T]) add(topic, id string, ch chan T) {
	b.subs[topic][id] = ch
}

// Twin: nothing makes sure of the entry.
func (b *bus[T]) subscribeBare(topic, id string, ch chan T) {
	b.subs[topic][id] = ch // want `write to map b.subs\[topic\], which may be nil: b.subs has no entry for topic unless one was made, and nothing in this function makes sure it has one`
}
