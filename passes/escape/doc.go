// Package escape defines an Analyzer that reports maps that escape the
// protection they need.
//
// # Analyzer escape
//
// escape: report maps that escape their lock, loop variables aliased by map entries, and code that depends on the runtime's map layout
//
// A map that a mutex guards is safe only while the mutex is held. A
// reference to it that outlives the critical section — returned from a
// method, stored in another field or a package variable, captured by a
// goroutine or a callback, or simply used after the unlock — lets its
// holder read the map while another goroutine writes it, and the process
// dies with "fatal error: concurrent map iteration and map write". The
// pass reports, at the read of the map under the lock:
//
//   - a guarded map (its lock inferred from the accesses that hold one, as
//     concurrentwrite infers it, or declared with //maplint:guardedby mu
//     on the field) that leaves the critical section in one of these ways;
//   - a map held inside a guarded one (sub := c.conf[path] under RLock,
//     read after RUnlock), when such inner maps are written too;
//   - an iterator over a guarded map (maps.Keys, maps.Values, maps.All)
//     run after the unlock or returned.
//
// Bad:
//
//	func (cc *ClientConn) ResetConnectBackoff() {
//		cc.mu.Lock()
//		conns := cc.conns
//		cc.mu.Unlock()
//		for ac := range conns { // map cc.conns escapes its guard cc.mu: ranged over after the unlock
//			ac.resetConnectBackoff()
//		}
//	}
//
// Good:
//
//	func (cc *ClientConn) ResetConnectBackoff() {
//		cc.mu.Lock()
//		conns := maps.Clone(cc.conns)
//		cc.mu.Unlock()
//		for ac := range conns {
//			ac.resetConnectBackoff()
//		}
//	}
//
// The fix copies the map with maps.Clone where it is read under the lock,
// a field (conns := maps.Clone(cc.conns)) or a package variable
// (return maps.Clone(commands)). The copy is shallow, and a caller that
// relied on writing through the returned map loses those writes: the fix
// says it copies, so such code can decline it. A finding with no fix says
// why at the end of its message ("; no fix: ..."): the file's Go version
// is before 1.21, where maps.Clone does not exist; the map is held inside
// the guarded one (a shallow copy of the outer map would still share it);
// or the function itself writes the map through the reference (a copy
// would lose the writes).
//
// Silent: returning maps.Clone or a freshly built copy; maps of types
// without a lock; maps whose entries the package's code never writes
// once the map is shared (a map built, then published whole under the
// lock and replaced rather than modified, is immutable; writes in the
// package's tests, filling fixtures, do not count); a critical section that takes the
// map and replaces it in its field (m := c.m; c.m = nil, or a call of a
// helper that always stores a new map there), which leaves the old map to
// this function alone; functions whose caller holds the
// lock (a *Locked helper) or that return with it held; len after the
// unlock; a write while the read lock taken for the load is still held
// (the map never left the critical section: a write holding only the read
// lock is concurrentwrite's finding).
//
// Second, the address of a loop variable stored in a map, in a file whose
// Go version is before 1.22 (go.mod's go line or the file's //go:build
// line): there, a range or three-clause loop has one variable for all its
// iterations, so every entry points to the same variable, which holds the
// last element when the loop ends.
//
// Bad (go 1.21):
//
//	for _, u := range users {
//		byID[u.ID] = &u // address of loop variable u stored in map byID
//	}
//
// Good:
//
//	for i := range users {
//		byID[users[i].ID] = &users[i]
//	}
//
// &v.f and composite literals or appends holding &v count too. The fix
// takes the address of the slice element (&users[i]) when the loop ranges
// over a slice by index and never assigns the variable, else copies it
// per iteration (u := u). Files at Go 1.22 or later are silent.
//
// Third, code that depends on the runtime's private map implementation:
// //go:linkname to the runtime's map functions (runtime.mapaccess1_faststr,
// runtime.mapassign, runtime.mapiterinit, runtime.mapiternext...), to
// reflect's private map hooks (reflect.mapiterinit...) or to
// internal/runtime/maps; and unsafe conversions that reinterpret a map, or
// a pointer to one, as a pointer to a struct — (*hmap)(unsafe.Pointer(&m)),
// *(**hmap)(unsafe.Pointer(&m)), or the pointer that
// reflect.Value.Pointer or UnsafePointer gives for a map. Go 1.24 replaced
// the bucket layout (hmap, bmap, hiter) with Swiss tables: such code reads
// garbage, or stops linking, when the runtime changes. There is no fix to
// offer in general, and the finding says so: the portable ways are
// len(m), clear(m), maps.All, maps.Keys, maps.Clone and, for maps known
// only through reflect, reflect.Value.MapRange, MapIndex and SetMapIndex,
// and which one replaces the code depends on what it does with the map.
//
// Bad:
//
//	//go:linkname mapiterinit runtime.mapiterinit
//	func mapiterinit(t, m unsafe.Pointer, it *hiter)
//
// Good:
//
//	for k, v := range m { ... } // or reflect.ValueOf(m).MapRange()
//
// A //go:linkname that defines a function, or a variable with its value,
// under another name (the runtime itself providing reflect's hooks and
// internal/runtime/maps.errNilAssign) is not reported, nor are linknames
// to runtime functions unrelated to maps (runtime.nanotime), unsafe
// conversions of values that are not maps, or conversions to the map
// implementation's own types (its tests reading *maps.Map), which change
// with the runtime. A map reinterpreted as another map type,
// *(*map[string]V)(unsafe.Pointer(&p)), is not reported either: it reads
// no field of the header, and every access goes through the runtime with
// the descriptor of the type converted to. It is type-unsafe when the
// value types differ in size or in where they hold pointers, but it does
// not depend on the private layout.
//
// Each family has its own diagnostic category: guard, loopvar, layout. In
// a generated file no finding has a fix (an edit is lost at the next
// generation), and each says so.
//
// Limitations. Only the function that reads the map under its lock is
// followed: an alias handed to a helper that ranges over it after the
// unlock is missed. A range over a guarded map whose body releases the
// lock and takes it again before the next step (google/adk-go issue 561)
// is not reported: the lock is held at every step the range takes. Linknames
// are matched to the layout rows by the symbol's package and name, so a
// map function the table does not list is not reported.
package escape
