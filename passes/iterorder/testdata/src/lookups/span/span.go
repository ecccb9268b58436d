// Package span holds source ranges and the predicates that compare them,
// for the lookups scenario: their MatchFacts cross the package boundary
// (hcl's Range.ContainsPos, called from hclsyntax).
package span

type Pos struct{ Byte int }

type Range struct{ Start, End Pos }

func (r Range) ContainsOffset(off int) bool { // want ContainsOffset:`interval\[1 2\]`
	return off >= r.Start.Byte && off < r.End.Byte
}

// ContainsPos delegates to ContainsOffset: the fact follows the call.
func (r Range) ContainsPos(p Pos) bool { // want ContainsPos:`interval\[1 2\]`
	return r.ContainsOffset(p.Byte)
}

// Overlaps bounds no value from both sides: many ranges can overlap one.
func (r Range) Overlaps(o Range) bool {
	return r.Start.Byte < o.End.Byte && o.Start.Byte < r.End.Byte
}

// Empty compares the range with itself: no outside operand.
func (r Range) Empty() bool {
	return r.Start.Byte == r.End.Byte
}
