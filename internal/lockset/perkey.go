package lockset

import (
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/maplint/maplint/internal/apis"
)

// PerKey reports whether v is one entry of a keyed container, found by its
// key: a map's entry (m[k], or the value of v, ok := m[k]), the value a
// KeyedEntry row returns (sync.Map's Load, LoadOrStore...), through type
// assertions and conversions, or the result of a function of the package
// that returns nothing else (getLockForHash returning
// lockIface.(*sync.Mutex) from LoadOrStore), up to maxPerKeyCalls calls
// deep.
//
// A lock found there is one per key: it orders the goroutines that work on
// one key, and those working on another key hold another lock. So it
// guards nothing outside its entry (a Go map is not safe for a read and a
// write of different keys at once), which is why a call made holding it
// is not taken to run under a lock the callee cannot name (translateAll),
// and why the passes do not take it for a locking discipline of its own
// over another map (weka/csi-wekafs#712, ipni/storetheindex#606).
func PerKey(v ssa.Value) bool { return perKey(v, 0) }

// maxPerKeyCalls bounds how many helpers deep PerKey follows a result.
const maxPerKeyCalls = 3

func perKey(v ssa.Value, depth int) bool {
	for range 8 {
		switch x := v.(type) {
		case *ssa.TypeAssert:
			v = x.X
			continue
		case *ssa.ChangeType:
			v = x.X
			continue
		case *ssa.ChangeInterface:
			v = x.X
			continue
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return false
			}
			// *m[k] of a map of pointers to structs is still the entry.
			if _, ok := x.X.(*ssa.Lookup); !ok {
				return false
			}
			v = x.X
			continue
		case *ssa.Extract:
			if x.Index != 0 {
				return false
			}
			return perKeyTuple(x.Tuple, depth)
		case *ssa.Lookup:
			return !x.CommaOk && apis.IsMap(x.X.Type())
		case *ssa.Call:
			return perKeyCall(x, depth)
		}
		return false
	}
	return false
}

// perKeyTuple is perKey for the first value of the tuple t.
func perKeyTuple(t ssa.Value, depth int) bool {
	switch x := t.(type) {
	case *ssa.Lookup:
		return x.CommaOk && apis.IsMap(x.X.Type())
	case *ssa.Call:
		return perKeyCall(x, depth)
	}
	return false
}

// perKeyCall reports whether the (first) result of c is an entry found by
// its key: c has a KeyedEntry row, or calls a function of its package each
// of whose returns returns such an entry.
func perKeyCall(c *ssa.Call, depth int) bool {
	if _, ok := apis.Of(&c.Call, apis.KeyedEntry); ok {
		return true
	}
	fn := apis.StaticCallee(&c.Call)
	if fn == nil || depth >= maxPerKeyCalls || len(fn.Blocks) == 0 || fn.Signature.Results().Len() == 0 {
		return false
	}
	if c.Parent() != nil && fn.Pkg != c.Parent().Pkg {
		return false
	}
	found := false
	for _, b := range fn.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			if len(ret.Results) == 0 || !perKey(ret.Results[0], depth+1) {
				return false
			}
			found = true
		}
	}
	return found
}
