package mapid

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// A StepKind says what a step of a [Path] does.
type StepKind uint8

const (
	FieldStep      StepKind = iota + 1 // select a struct field
	IndexStep                          // index an array, slice or pointer to array by a variable
	ConstIndexStep                     // index an array, slice or pointer to array by a constant
	DerefStep                          // load through a pointer
	// SerialStep names the executor of the object the path reaches: a
	// goroutine of its own that runs the tasks sent to it one at a time
	// (internal/guards' SerialFact). It is the last step of a lock no
	// code takes, which every task holds.
	SerialStep
)

// A Step is one selection of an access path. Steps are comparable: two
// field steps are equal when they select the same field (its generic
// origin), two index steps when they index by the same SSA value (or, for
// steps resolved from a fact, by a variable of the same name in the
// function the fact describes), two constant index steps when the
// constants are equal.
type Step struct {
	kind  StepKind
	field *types.Var // FieldStep: the field's generic origin
	index ssa.Value  // IndexStep: the index, nil for an index named by a fact
	text  string     // IndexStep: the index's name; ConstIndexStep: the constant's value
}

// FieldOf returns the step that selects field i of the struct t is or
// points to.
func FieldOf(t types.Type, i int) Step {
	st := deref(t).Underlying().(*types.Struct)
	return Step{kind: FieldStep, field: st.Field(i).Origin()}
}

// FieldVar returns the field that fa selects, nil when its object's type
// is not a pointer to a struct (a type parameter's core type). The field
// is the one of fa's own type; Origin gives its generic origin.
func FieldVar(fa *ssa.FieldAddr) *types.Var {
	ptr, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return nil
	}
	st, ok := ptr.Elem().Underlying().(*types.Struct)
	if !ok || fa.Field >= st.NumFields() {
		return nil
	}
	return st.Field(fa.Field)
}

// LoadedField returns the generic origin of the struct field that v is
// loaded from (*&x.f, or x.f of a struct value), or nil.
func LoadedField(v ssa.Value) *types.Var {
	switch v := v.(type) {
	case *ssa.UnOp:
		if fa, ok := v.X.(*ssa.FieldAddr); ok && v.Op == token.MUL {
			if f := FieldVar(fa); f != nil {
				return f.Origin()
			}
		}
	case *ssa.Field:
		if st, ok := v.X.Type().Underlying().(*types.Struct); ok && v.Field < st.NumFields() {
			return st.Field(v.Field).Origin()
		}
	}
	return nil
}

// Deref returns the step that loads through a pointer.
func Deref() Step { return Step{kind: DerefStep} }

// Serial returns the step that names the executor of an object.
func Serial() Step { return Step{kind: SerialStep} }

// Index returns the step that indexes by v: constants by value, other
// values by identity (printed by their SSA name).
func Index(v ssa.Value) Step {
	if c, ok := v.(*ssa.Const); ok {
		return Step{kind: ConstIndexStep, text: c.Value.String()}
	}
	return Step{kind: IndexStep, index: v, text: v.Name()}
}

// Kind returns what s does.
func (s Step) Kind() StepKind { return s.kind }

// Var returns the field a FieldStep selects.
func (s Step) Var() *types.Var { return s.field }

// appendKey appends s as it is printed in facts and ordered in lock sets:
// ".name", "[index]" or "*".
func (s Step) appendKey(b []byte) []byte {
	switch s.kind {
	case FieldStep:
		b = append(b, '.')
		b = append(b, s.field.Name()...)
	case IndexStep, ConstIndexStep:
		b = append(b, '[')
		b = append(b, s.text...)
		b = append(b, ']')
	case DerefStep:
		b = append(b, '*')
	case SerialStep:
		b = append(b, serialKey...)
	}
	return b
}

// serialKey is how a SerialStep is printed in keys and facts; in messages
// it reads as the executor of what precedes it.
const serialKey, serialText = "@serial", "'s executor"

// A Path is an immutable sequence of steps from a root value to an object:
// s.shards[i].mu from the parameter s is (field shards, index i, field mu).
// The zero Path is empty. Paths share storage: every operation that
// extends one copies it.
type Path struct{ steps []Step }

// PathOf returns the path of steps.
func PathOf(steps ...Step) Path { return Path{}.Append(steps...) }

// Len returns the number of steps of p.
func (p Path) Len() int { return len(p.steps) }

// At returns step i of p.
func (p Path) At(i int) Step { return p.steps[i] }

// IsEmpty reports whether p has no step.
func (p Path) IsEmpty() bool { return len(p.steps) == 0 }

// Append returns p followed by steps.
func (p Path) Append(steps ...Step) Path {
	if len(steps) == 0 {
		return p
	}
	out := make([]Step, 0, len(p.steps)+len(steps))
	return Path{append(append(out, p.steps...), steps...)}
}

// Concat returns p followed by q.
func (p Path) Concat(q Path) Path { return p.Append(q.steps...) }

// Equal reports whether p and q have the same steps.
func (p Path) Equal(q Path) bool {
	if len(p.steps) != len(q.steps) {
		return false
	}
	for i := range p.steps {
		if p.steps[i] != q.steps[i] {
			return false
		}
	}
	return true
}

// FieldLoads returns p without the loads of fields: a deref step right
// after a field step loads the field's value through its address
// (*&x.f), which selecting it from a struct value (x.f) names without
// one. Both name the same value.
func (p Path) FieldLoads() Path {
	var out []Step
	for i, s := range p.steps {
		if s.kind == DerefStep && i > 0 && p.steps[i-1].kind == FieldStep {
			continue
		}
		out = append(out, s)
	}
	return Path{out}
}

// HasPrefix reports whether p starts with the steps of q.
func (p Path) HasPrefix(q Path) bool {
	return len(q.steps) <= len(p.steps) && (Path{p.steps[:len(q.steps)]}).Equal(q)
}

// TrimPrefix returns p without its prefix q, and whether q was a prefix.
func (p Path) TrimPrefix(q Path) (Path, bool) {
	if !p.HasPrefix(q) {
		return p, false
	}
	return Path{p.steps[len(q.steps):]}, true
}

// HasDeref reports whether p loads through a pointer anywhere: the object
// it reaches is then not part of the root's own memory.
func (p Path) HasDeref() bool {
	for _, s := range p.steps {
		if s.kind == DerefStep {
			return true
		}
	}
	return false
}

// VariableIndex reports whether p indexes by a value that is not a
// constant.
func (p Path) VariableIndex() bool {
	for _, s := range p.steps {
		if s.kind == IndexStep {
			return true
		}
	}
	return false
}

// String prints p as source selectors for messages: ".shards[t3].mu"
// (dereferences are implicit in Go's selectors and are not printed).
func (p Path) String() string {
	var b []byte
	for _, s := range p.steps {
		switch s.kind {
		case DerefStep:
		case SerialStep:
			b = append(b, serialText...)
		default:
			b = s.appendKey(b)
		}
	}
	return string(b)
}

// Serial reports whether p names an executor: its last step is a
// SerialStep.
func (p Path) Serial() bool {
	return len(p.steps) > 0 && p.steps[len(p.steps)-1].kind == SerialStep
}

// TrimSerial returns p without its last step if that is a SerialStep:
// the path of the object whose executor p names.
func (p Path) TrimSerial() Path {
	if !p.Serial() {
		return p
	}
	return Path{p.steps[: len(p.steps)-1 : len(p.steps)-1]}
}

// AppendKey appends p's printed form with dereferences shown
// (".shards*[3].mu") to b: a deterministic key to order paths by.
func (p Path) AppendKey(b []byte) []byte {
	for _, s := range p.steps {
		b = s.appendKey(b)
	}
	return b
}

// A StepData is a step as plain data, for facts (which must be small and
// deterministic under gob, and cannot hold a *types.Var or an SSA value):
// a field by its name (unique among the fields of its struct), an index by
// the constant's value or the index variable's name, or a dereference.
//
// s.shards[3].mu from the pointer s is
//
//	{Kind: FieldStep, Name: "shards"}, {Kind: DerefStep}, {Kind: ConstIndexStep, Name: "3"}, {Kind: FieldStep, Name: "mu"}
type StepData struct {
	Kind StepKind
	Name string // FieldStep: the field's name; IndexStep: the variable's name; ConstIndexStep: the constant's value
}

// PathData is a [Path] as plain data, for facts. Its String form shows
// dereferences: "$0.shards*[3].mu" reads field shards of the first
// parameter, loads through it, indexes by 3 and selects mu.
type PathData []StepData

// Data returns p as plain data.
func (p Path) Data() PathData {
	if len(p.steps) == 0 {
		return nil
	}
	out := make(PathData, len(p.steps))
	for i, s := range p.steps {
		d := StepData{Kind: s.kind}
		switch s.kind {
		case FieldStep:
			d.Name = s.field.Name()
		case IndexStep, ConstIndexStep:
			d.Name = s.text
		}
		out[i] = d
	}
	return out
}

// Equal reports whether d and e have the same steps.
func (d PathData) Equal(e PathData) bool {
	if len(d) != len(e) {
		return false
	}
	for i := range d {
		if d[i] != e[i] {
			return false
		}
	}
	return true
}

// String prints d with its dereferences: ".shards*[3].mu".
func (d PathData) String() string {
	var b []byte
	for _, s := range d {
		b = s.appendKey(b)
	}
	return string(b)
}

// Selectors prints d as source selectors for messages: ".shards[3].mu".
func (d PathData) Selectors() string {
	var b []byte
	for _, s := range d {
		switch s.Kind {
		case DerefStep:
		case SerialStep:
			b = append(b, serialText...)
		default:
			b = s.appendKey(b)
		}
	}
	return string(b)
}

func (s StepData) appendKey(b []byte) []byte {
	switch s.Kind {
	case FieldStep:
		b = append(b, '.')
		b = append(b, s.Name...)
	case IndexStep, ConstIndexStep:
		b = append(b, '[')
		b = append(b, s.Name...)
		b = append(b, ']')
	case DerefStep:
		b = append(b, '*')
	case SerialStep:
		b = append(b, serialKey...)
	}
	return b
}

// Resolve returns the typed path that d names below a value of type t,
// and false if d does not fit t. Index variables named by d belong to
// another function: their steps match only each other.
func (d PathData) Resolve(t types.Type) (Path, bool) {
	if len(d) == 0 {
		return Path{}, true
	}
	steps := make([]Step, len(d))
	for i, s := range d {
		switch s.Kind {
		case FieldStep:
			st, ok := deref(t).Underlying().(*types.Struct)
			if !ok {
				return Path{}, false
			}
			f := fieldNamed(st, s.Name)
			if f < 0 {
				return Path{}, false
			}
			steps[i] = FieldOf(st, f)
			t = st.Field(f).Type()
		case IndexStep, ConstIndexStep:
			switch u := deref(t).Underlying().(type) {
			case *types.Slice:
				t = u.Elem()
			case *types.Array:
				t = u.Elem()
			default:
				return Path{}, false
			}
			steps[i] = Step{kind: s.Kind, text: s.Name}
		case DerefStep:
			t = deref(t)
			steps[i] = Deref()
		case SerialStep:
			steps[i] = Serial()
		default:
			return Path{}, false
		}
	}
	return Path{steps}, true
}

// fieldNamed returns the index of the field of st named name, or -1.
func fieldNamed(st *types.Struct, name string) int {
	for i := range st.NumFields() {
		if st.Field(i).Name() == name {
			return i
		}
	}
	return -1
}

// deref returns the element type of t if it is a pointer, else t.
func deref(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}
