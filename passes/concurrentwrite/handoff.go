package concurrentwrite

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/goroutine"
	"github.com/maplint/maplint/internal/guards"
	"github.com/maplint/maplint/internal/mapid"
)

// after reports whether to, in the function that starts the goroutine of
// sp, may run after the spawn without an instruction between that waits
// for the goroutine (see handsOff).
func (ck *checker) after(sp *spawn, to ssa.Instruction) bool {
	if goroutine.Exclusive(sp.Instr, to) {
		return false // under opposite outcomes of a test of one parameter
	}
	return goroutine.AfterBy(sp.Instr, to, func(instr ssa.Instruction) bool { return handsOff(sp, instr) })
}

// handsOff reports whether instr, run by the spawner of sp after the spawn,
// may wait for the goroutine: a WaitGroup or errgroup Wait, or a receive
// (or a select that receives) from a channel the goroutine may send on or
// close. A channel held in an unexported field of a package type that no
// function the goroutine reaches sends on or closes carries nothing from
// it: apache/pulsar-client-go#47's run loop starts the reader goroutine,
// then selects on c.closeCh and c.incomingRequests, which the package's
// users feed, and adds to c.pendingReqs while the reader deletes from it.
// Any other channel (a local one, an exported field, ctx.Done()) is taken
// to be the hand-off. A function the goroutine runs through a value that the pass
// cannot resolve (a callback stored in a request) is not looked into.
func handsOff(sp *spawn, instr ssa.Instruction) bool {
	if !goroutine.Orders(instr) {
		return false
	}
	var chans []ssa.Value
	switch instr := instr.(type) {
	case *ssa.UnOp:
		chans = []ssa.Value{instr.X}
	case *ssa.Select:
		for _, st := range instr.States {
			if st.Dir == types.RecvOnly {
				chans = append(chans, st.Chan)
			}
		}
	default:
		return true // Wait
	}
	sends := sp.sends
	for _, ch := range chans {
		f := mapid.LoadedField(ch)
		if f == nil || f.Exported() || sends[f] {
			return true
		}
	}
	return false
}

// storedField names the field that the store of a Stored spawn sets, as
// jobs.Job.Worker.
func (ck *checker) storedField(sp *spawn) string {
	st, _ := sp.Instr.(*ssa.Store)
	if st == nil {
		return "a field"
	}
	fa, _ := st.Addr.(*ssa.FieldAddr)
	if fa == nil {
		return "a field"
	}
	f := mapid.FieldVar(fa)
	n := guards.NamedOf(fa.X.Type())
	if f == nil || n == nil {
		return "a field"
	}
	return types.TypeString(n, types.RelativeTo(ck.pass.Pkg)) + "." + f.Name()
}
