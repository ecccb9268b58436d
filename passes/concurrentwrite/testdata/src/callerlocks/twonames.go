package callerlocks

import "sync"

// A lock passed under two names (nats-server's jetstream_batching.go):
// processFastBatchMsg holds batches.mu, where batches := mset.batches, and
// passes both mset and batches to checkFlowControl ("lock should be
// held"); registerSequences, a method of batches, holds the same lock as
// its receiver's. Each call holds batches.mu under the name the other
// knows it by.

type Batching struct {
	mu   sync.Mutex
	fast map[string]int
}

type BatchStream struct {
	batches *Batching
}

type fastBatch struct{ seq int }

func (batches *Batching) newFastBatch(id string) {
	batches.fast[id] = 0
}

func (b *fastBatch) checkFlowControl(mset *BatchStream, batches *Batching) int {
	return b.seq / (len(batches.fast) + 1)
}

func (batches *Batching) Register(b *fastBatch, mset *BatchStream) int {
	batches.mu.Lock()
	defer batches.mu.Unlock()
	return b.checkFlowControl(mset, batches)
}

func (mset *BatchStream) ProcessFast(b *fastBatch, id string) int {
	batches := mset.batches
	batches.mu.Lock()
	defer batches.mu.Unlock()
	batches.newFastBatch(id)
	return b.checkFlowControl(mset, batches)
}

// The twin: one caller holds the lock of another Batching than the one it
// passes.

type Batching2 struct {
	mu   sync.Mutex
	fast map[string]int
}

type BatchStream2 struct {
	batches, spare *Batching2
}

func (batches *Batching2) newFastBatch(id string) {
	batches.fast[id] = 0
}

func (b *fastBatch) checkFlowControl2(mset *BatchStream2, batches *Batching2) int {
	return b.seq / (len(batches.fast) + 1) // want `concurrent read of map batches.fast without batches.mu`
}

func (batches *Batching2) Register(b *fastBatch, mset *BatchStream2) int {
	batches.mu.Lock()
	defer batches.mu.Unlock()
	return b.checkFlowControl2(mset, batches)
}

func (mset *BatchStream2) ProcessFast(b *fastBatch, id string) int {
	batches := mset.batches
	batches.mu.Lock()
	defer batches.mu.Unlock()
	batches.newFastBatch(id)
	return b.checkFlowControl2(mset, mset.spare)
}
