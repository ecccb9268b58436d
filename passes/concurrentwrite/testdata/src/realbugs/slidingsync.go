// matrix-org/sliding-sync#123, "Ensure reads are protected with a RLock to
// prevent concurrent map r/w panics": the global cache wrote room metadata
// under its RWMutex while the loaders read it without the read lock.
package realbugs

import "sync"

type RoomMetadata struct{ Name string }

type GlobalCache struct {
	roomIDToMetadataMu *sync.RWMutex
	roomIDToMetadata   map[string]*RoomMetadata
}

func (c *GlobalCache) OnNewEvent(roomID string, name string) {
	c.roomIDToMetadataMu.Lock()
	defer c.roomIDToMetadataMu.Unlock()
	c.roomIDToMetadata[roomID] = &RoomMetadata{Name: name}
}

func (c *GlobalCache) LoadRooms(roomIDs ...string) map[string]*RoomMetadata {
	result := make(map[string]*RoomMetadata, len(roomIDs))
	for _, id := range roomIDs {
		if m := c.roomIDToMetadata[id]; m != nil { // want `concurrent read of map c.roomIDToMetadata without c.roomIDToMetadataMu \(held: none\)`
			result[id] = m
		}
	}
	return result
}
