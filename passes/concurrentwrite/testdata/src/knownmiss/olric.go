// olric-data/olric#285, "fatal error: concurrent map iteration and map
// write in Olric.stats() — Members.Range iterated without holding the
// Members lock": routingtable.Members embeds a sync.RWMutex and its
// methods (Add, Delete, Range) leave the locking to their callers. The
// cluster-event goroutine that the routing table's Start starts adds and
// deletes members holding the Members lock; Olric.stats, behind the
// exported Stats, holds the routing table's own lock (a different mutex)
// while it ranges over the members. The fix takes the Members read lock
// around the Range.
//
// Missed (a read: found, if at all, with -concurrentwrite.reads): the
// writers and the reader name the members' lock through the getter
// r.Members(), whose result the pass cannot name (a call result is
// Unknown to mapid), so the locks the callers of Add and Delete hold say
// nothing about m.m's guard, and no guard is inferred.
package knownmiss

import "sync"

type olricMember struct {
	ID   uint64
	Name string
}

type olricMembers struct {
	sync.RWMutex
	m map[uint64]olricMember
}

func (m *olricMembers) Add(member olricMember) { m.m[member.ID] = member }

func (m *olricMembers) Delete(id uint64) { delete(m.m, id) }

func (m *olricMembers) Range(f func(id uint64, member olricMember) bool) {
	for id, member := range m.m {
		if !f(id, member) {
			break
		}
	}
}

type olricClusterEvent struct {
	Join   bool
	Member olricMember
}

type olricRoutingTable struct {
	sync.RWMutex
	members *olricMembers
	events  chan olricClusterEvent
}

func (r *olricRoutingTable) Members() *olricMembers { return r.members }

func (r *olricRoutingTable) processClusterEvent(e olricClusterEvent) {
	r.Members().Lock()
	defer r.Members().Unlock()
	if e.Join {
		r.Members().Add(e.Member)
		return
	}
	r.Members().Delete(e.Member.ID)
}

func (r *olricRoutingTable) listenClusterEvents() {
	for e := range r.events {
		r.processClusterEvent(e)
	}
}

func (r *olricRoutingTable) Start() {
	go r.listenClusterEvents()
}

type Olric struct {
	rt *olricRoutingTable
}

// Stats is the racing reader: it holds r.rt's own lock, not the members'.
func (db *Olric) Stats() map[uint64]string {
	out := make(map[uint64]string)
	db.rt.RLock()
	defer db.rt.RUnlock()
	db.rt.Members().Range(func(id uint64, member olricMember) bool {
		out[id] = member.Name
		return true
	})
	return out
}

// StatsFixed is the fix: the Range holds the members' read lock.
func (db *Olric) StatsFixed() map[uint64]string {
	out := make(map[uint64]string)
	db.rt.RLock()
	defer db.rt.RUnlock()
	db.rt.Members().RLock()
	defer db.rt.Members().RUnlock()
	db.rt.Members().Range(func(id uint64, member olricMember) bool {
		out[id] = member.Name
		return true
	})
	return out
}
