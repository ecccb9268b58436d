// DataDog/datadog-agent#22129, "Fix missing lock in metadata": values were
// set under the lock at any time, and generating the payload copied the
// map without it (concurrent map read and map write).
package realbugs

import "sync"

type InventoryHost struct {
	m    sync.Mutex
	data map[string]any
}

type HostPayload struct{ Metadata map[string]any }

func (ih *InventoryHost) Set(name string, value any) {
	ih.m.Lock()
	defer ih.m.Unlock()
	ih.data[name] = value
}

func (ih *InventoryHost) GetPayload() *HostPayload {
	data := make(map[string]any, len(ih.data)) // want `concurrent read of map ih.data without ih.m \(held: none\)`
	for k, v := range ih.data { // want `concurrent read of map ih.data without ih.m`
		data[k] = v
	}
	return &HostPayload{Metadata: data}
}
