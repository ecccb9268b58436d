package iterorder

import "github.com/maplint/maplint/internal/orderflow"

// flowFindings turns the flows that orderflow found in a loop (nil: none)
// into findings. Each is reported by default: on the real bugs behind
// them (see testdata/src/realbugs), which entry wins, which number an
// element gets and which of several equal maxima is kept is a result the
// program shows, and the order-free twins (a set of derived keys, a
// counter that is only counted, a tie-break, the maximum itself) are
// silent by construction.
func flowFindings(l *orderflow.Loop) []finding {
	if l == nil {
		return nil
	}
	var out []finding
	for _, f := range l.Flows {
		target := f.Target
		if target == "" {
			target = "a variable"
		}
		switch f.Kind {
		case orderflow.FirstWins:
			out = append(out, finding{pos: f.Pos, verb: "stored into " + target + " only when absent, under a key several entries can share: the first visited wins", category: "firstwins"})
		case orderflow.Numbered:
			out = append(out, finding{pos: f.Pos, verb: "numbered in map order into " + target, category: "numbered"})
		case orderflow.ArgMaxTie:
			out = append(out, finding{pos: f.Pos, verb: "picked as the greatest into " + target + ", ties going to the first visited", category: "argmax"})
		}
	}
	return out
}
