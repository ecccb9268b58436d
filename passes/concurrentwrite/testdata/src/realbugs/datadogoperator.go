// DataDog/datadog-operator#2436, "Adding mutex to prevent panic when
// marshalling map": the metadata forwarder's goroutine marshalled the
// payload, whose resource counts the reconcilers updated meanwhile through
// an exported method (fatal error: concurrent map read and map write).
package realbugs

import (
	"encoding/json"
	"time"
)

type OperatorMetadata struct {
	ResourceCounts map[string]int `json:"resource_count"`
}

type OperatorMetadataForwarder struct {
	payload OperatorMetadata
	out     chan []byte
}

func (f *OperatorMetadataForwarder) Start() {
	go func() {
		for range time.Tick(time.Minute) {
			f.send()
		}
	}()
}

func (f *OperatorMetadataForwarder) send() {
	b, err := json.Marshal(f.payload) // want `concurrent read by json.Marshal of map f.payload.ResourceCounts \(held: none\); also written by \(\*OperatorMetadataForwarder\).IncrementCount`
	if err == nil {
		f.out <- b
	}
}

func (f *OperatorMetadataForwarder) IncrementCount(kind string) {
	f.payload.ResourceCounts[kind]++ // want `concurrent write to map f.payload.ResourceCounts \(held: none\); also accessed by the goroutine started in \(\*OperatorMetadataForwarder\).Start`
}
