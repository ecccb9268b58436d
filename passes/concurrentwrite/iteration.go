package concurrentwrite

import (
	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/goroutine"
	"github.com/maplint/maplint/internal/mapid"
)

// otherIteration reports whether the access at instr, which the spawner of
// sp makes after the spawn, reaches the goroutine's map only in a later
// iteration of a loop that makes the map's root anew each time round: the
// map of that iteration is another one. franz-go's listOrEpoch ranges over
// its per-broker loads and starts a goroutine on each load's List; the
// next broker's len(load.List) reads that broker's map. So does a map made,
// filled and handed to a goroutine in each iteration:
//
//	for _, k := range keys {
//		m := make(map[string]int)
//		m[k] = 1 // the next iteration's m is not the last goroutine's
//		go work(m)
//	}
//
// An access in the same iteration, after the spawn, is still paired.
func (ck *checker) otherIteration(sp *spawn, instr ssa.Instruction, id mapid.ID, base mapid.Ref) bool {
	def := freshEachIteration(sp, id, base)
	if def == nil {
		return false
	}
	return !goroutine.AfterBy(sp.Instr, instr, func(i ssa.Instruction) bool { return i == def || handsOff(sp, i) })
}

// freshEachIteration returns the instruction of the spawner of sp that
// makes the root of a map (a make, an allocation, the value of a range
// over a map) anew in each iteration of a loop around the spawn, or nil.
// Values that may be the same object each time round (a call's result, a
// load, a φ) are not.
func freshEachIteration(sp *spawn, id mapid.ID, base mapid.Ref) ssa.Instruction {
	var root ssa.Value
	switch id.Kind {
	case mapid.Local:
		root = id.Site
	case mapid.Field:
		if !base.Path.VariableIndex() {
			root = base.Root
		}
	}
	var def ssa.Instruction
	switch r := root.(type) {
	case *ssa.MakeMap:
		def = r
	case *ssa.Alloc:
		def = r
	case *ssa.Extract:
		if _, ok := r.Tuple.(*ssa.Next); ok {
			def = r
		}
	}
	if def == nil || def.Parent() != sp.parent || !goroutine.SameIteration(def.Block(), sp.Instr.Block()) {
		return nil
	}
	return def
}
