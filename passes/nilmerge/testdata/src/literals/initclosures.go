// A package variable's initializer may assign a map field inside nested
// function literals (ginkgo's var _ = Describe(..., func() { BeforeEach(
// func() { v = &T{...} }) }), kubectl v0.37.2's pkg/apps test, reported as
// "never assigned", a false positive): every nested literal is scanned.
package literals

type visitor struct {
	visits map[string]int
}

func (v *visitor) visit(k string) { v.visits[k]++ }

var current *visitor

var _ = describe(func() {
	beforeEach(func() {
		current = &visitor{map[string]int{}}
	})
})

// Twin: the nested literal leaves the field out, and nothing else assigns
// it.
type counter struct {
	counts map[string]int
}

func (c *counter) count(k string) {
	c.counts[k]++ // want `write to map c.counts, which is nil here: field counts is never assigned, and counter is created without it`
}

var currentCounter *counter

var _ = describe(func() {
	beforeEach(func() {
		currentCounter = &counter{}
	})
})

func describe(f func()) bool { f(); return true }

func beforeEach(f func()) { f() }
