// Package bitguard holds maps made under a test of an integer and written
// under another test of it that implies the first: a bit test a&b != 0
// implies a != 0 (centrifugal/centrifuge v0.40.1,
// client_lifecycle_fuzz_test.go's onConnecting). Each silent case has a
// reported twin whose second test does not imply the first.
package bitguard

type SubscribeOptions struct{ Recover bool }

type ConnectReply struct {
	Subscriptions map[string]SubscribeOptions
}

type decision struct {
	kind byte
	subs byte // bit 0: s0, bit 1: s1
}

type client struct{ connecting decision }

type world struct{ byID map[string]*client }

// onConnecting is centrifuge's shape: the map is made when any bit of a
// field is set, and written under single-bit tests of the same field.
func (w *world) onConnecting(id string) ConnectReply {
	dec := w.byID[id].connecting
	reply := ConnectReply{}
	if dec.subs != 0 {
		reply.Subscriptions = map[string]SubscribeOptions{}
	}
	if dec.subs&1 != 0 {
		reply.Subscriptions["s0"] = SubscribeOptions{Recover: true}
	}
	if dec.subs&2 != 0 {
		reply.Subscriptions["s1"] = SubscribeOptions{}
	}
	return reply
}

// fieldThroughPointer tests the field through the pointer each time.
func fieldThroughPointer(d *decision) ConnectReply {
	var reply ConnectReply
	if d.subs == 0 {
		d.kind = 1
	} else {
		reply.Subscriptions = map[string]SubscribeOptions{}
	}
	if d.subs&(1|4) != 0 {
		reply.Subscriptions["s0"] = SubscribeOptions{}
	}
	return reply
}

// local is the same with a local variable, and a map held in one.
func local(flags uint32) {
	var m map[string]int
	mask := flags >> 8
	if mask != 0 {
		m = make(map[string]int)
	}
	if mask&1 != 0 {
		m["a"] = 1
	}
	if mask&^2 != 0 {
		m["b"] = 2
	}
	sink(m)
}

// nonZeroSigned makes the map for n != 0, which n > 0, n < 0 and n == 3
// imply.
func nonZeroSigned(n int) {
	var m map[string]int
	if n != 0 {
		m = map[string]int{}
	}
	if n > 0 {
		m["pos"] = 1
	}
	if n < 0 {
		m["neg"] = 1
	}
	if n == 3 {
		m["three"] = 3
	}
	sink(m)
}

// unsignedBelow returns early for n < 1, which for an unsigned n is n == 0.
func unsignedBelow(n uint) {
	var m map[string]int
	if n < 1 {
		return
	}
	if n != 0 {
		m = map[string]int{}
	}
	m["n"] = int(n)
	sink(m)
}

func sink(map[string]int) {}

// unionTested makes the map unless a|b is zero: a != 0 implies it is not.
func unionTested(a, b uint) {
	var m map[string]int
	if a|b != 0 {
		m = map[string]int{}
	}
	if a != 0 {
		m["a"] = 1
	}
	sink(m)
}

// otherBit makes the map only for bit 0 but writes under bit 1: mask == 2
// writes a nil map.
func otherBit(mask uint8) ConnectReply {
	var r ConnectReply
	if mask&1 != 0 {
		r.Subscriptions = map[string]SubscribeOptions{}
	}
	if mask&2 != 0 {
		r.Subscriptions["b"] = SubscribeOptions{} // want `write to map r.Subscriptions, which is nil here`
	}
	return r
}

// anyBit makes the map for bit 0 but writes when any bit is set: a
// non-zero mask says nothing of bit 0 (mask == 2).
func anyBit(mask uint8) ConnectReply {
	var r ConnectReply
	if mask&1 != 0 {
		r.Subscriptions = map[string]SubscribeOptions{}
	}
	if mask != 0 {
		r.Subscriptions["b"] = SubscribeOptions{} // want `write to map r.Subscriptions, which is nil here`
	}
	return r
}

// reassigned tests a mask that changed between the tests: the second is of
// another value.
func reassigned(mask uint8, next uint8) {
	var m map[string]int
	if mask != 0 {
		m = map[string]int{}
	}
	mask = next
	if mask&1 != 0 {
		m["a"] = 1 // want `write to map m, which is nil here`
	}
	sink(m)
}

// signedBelow makes the map for n > 0 but writes for n != 0: n may be
// negative.
func signedBelow(n int) {
	var m map[string]int
	if n > 0 {
		m = map[string]int{}
	}
	if n != 0 {
		m["n"] = n // want `write to map m, which is nil here`
	}
	sink(m)
}
