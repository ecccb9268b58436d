package nilmerge

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"
)

// ReturnsNil is the fact exported for a function with a map result that it
// may return nil, by the rules of summarize: the nil does not depend on the
// function's inputs and is not paired with an error. For example
//
//	func Load() map[string]int {
//		var m map[string]int
//		if data, err := os.ReadFile("x"); err == nil {
//			m = parse(data)
//		}
//		return m // ReturnsNil: result 0 at load.go:16
//	}
//
// A caller in another package that writes into Load()'s result without a
// nil check is reported.
type ReturnsNil struct {
	Paths []NilReturn // in source order, at most four per result (without and with an error, without and with an ok)
}

// A NilReturn is one result that can be nil, where, and under which
// conditions on the parameters.
type NilReturn struct {
	Result int         // index of the result
	At     string      // file:line of the return (base name of the file)
	Conds  []ParamCond `json:",omitempty"`
	// WithErr is set when the nil is returned beside a non-nil error: it
	// counts only where the caller's path goes on after finding the error.
	WithErr bool `json:",omitempty"`
	// WithOk is set when the nil is returned beside a boolean that is not
	// the constant true: it counts only where the caller drops that
	// boolean or has found it false.
	WithOk bool `json:",omitempty"`
}

// A ParamCond is a paramCond in a form gob can carry: Param (the receiver
// first) is nil, non-nil, true, false... (Kind), or, when Op is set, the
// comparison "Param Op Const" has that truth value. Const is a Go literal
// (a quoted string, an integer, true or false).
type ParamCond struct {
	Param int
	Kind  uint8
	Op    string `json:",omitempty"`
	Const string `json:",omitempty"`
}

func encodeConds(conds []paramCond) []ParamCond {
	var out []ParamCond
	for _, c := range conds {
		pc := ParamCond{Param: c.param, Kind: uint8(c.k)}
		if c.op != token.ILLEGAL {
			pc.Op, pc.Const = c.op.String(), c.c.ExactString()
		}
		out = append(out, pc)
	}
	return out
}

// decode returns the conditions of p, or false if one cannot be read back.
func (p NilReturn) decode() ([]paramCond, bool) {
	var out []paramCond
	for _, pc := range p.Conds {
		c := paramCond{param: pc.Param, k: factKind(pc.Kind)}
		if c.k > isEmpty {
			return nil, false
		}
		if pc.Op != "" {
			c.op = ops[pc.Op]
			switch {
			case c.op == token.ILLEGAL:
				return nil, false
			case pc.Const == "true" || pc.Const == "false":
				c.c = constant.MakeBool(pc.Const == "true")
			case strings.HasPrefix(pc.Const, `"`):
				c.c = constant.MakeFromLiteral(pc.Const, token.STRING, 0)
			default:
				c.c = constant.MakeFromLiteral(pc.Const, token.INT, 0)
			}
			if c.c.Kind() == constant.Unknown {
				return nil, false
			}
		}
		out = append(out, c)
	}
	return out, true
}

var ops = map[string]token.Token{"==": token.EQL, "!=": token.NEQ, "<": token.LSS, "<=": token.LEQ, ">": token.GTR, ">=": token.GEQ}

// AFact marks ReturnsNil as a fact.
func (*ReturnsNil) AFact() {}

func (f *ReturnsNil) String() string {
	var parts []string
	for _, p := range f.Paths {
		s := fmt.Sprintf("%d@%s", p.Result, p.At)
		if p.WithErr {
			s += " with error"
		}
		if p.WithOk {
			s += " with false ok"
		}
		if conds, ok := p.decode(); ok && len(conds) > 0 {
			s += " if " + condsString(conds)
		}
		parts = append(parts, s)
	}
	return "returnsNil(" + strings.Join(parts, ",") + ")"
}

// exportFacts exports ReturnsNil for every function and method of the
// package that has a nil return.
func (a *checker) exportFacts() {
	for _, fn := range a.ssa.SrcFuncs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || obj.Pkg() != a.pass.Pkg || fn.Parent() != nil {
			continue
		}
		s := a.summarize(fn)
		if len(s.paths) == 0 {
			continue
		}
		f := &ReturnsNil{}
		for _, p := range s.paths {
			pos := a.pass.Fset.Position(p.pos)
			f.Paths = append(f.Paths, NilReturn{Result: p.result, At: fmt.Sprintf("%s:%d", filepath.Base(pos.Filename), pos.Line), Conds: encodeConds(p.conds), WithErr: p.withErr, WithOk: p.withOk})
		}
		a.pass.ExportObjectFact(obj, f)
	}
}
