// Package manycalls is the shape of opa's gojsonschema validator: two
// functions that call each other on many parts of a schema, so that the
// name of the map a goroutine reaches grows on every trip round the cycle,
// once per call site. The race is found, at its shortest names, and the
// summaries stay small: without maxNameSteps the names are multiplied by
// the seven call sites on every round, and this package alone exhausts
// the memory (opa's validator reached 24 GB).
package manycalls

type schema struct {
	seen                                      map[string]bool
	items, not, anyOf, oneOf, allOf, props, x *schema
}

func validate(s *schema, k string) {
	if s == nil {
		return
	}
	s.seen[k] = true // want `concurrent write to map s.seen \(held: none\); also accessed by Run after it starts the goroutine`
	check(s.items, k)
	check(s.not, k)
	check(s.anyOf, k)
	check(s.oneOf, k)
	check(s.allOf, k)
	check(s.props, k)
	check(s.x, k)
}

func check(s *schema, k string) { validate(s, k) }

func Run(s *schema, k string) { // want Run:`writes\(\$0\.#0\)`
	go validate(s, k)
	delete(s.seen, k) // want `concurrent write to map s.seen \(held: none\); also accessed by the goroutine started in Run`
}
