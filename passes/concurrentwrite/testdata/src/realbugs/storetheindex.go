// ipni/storetheindex#606, "Fix fatal error: concurrent map read and map
// write" (internal/ingest/ingest.go): the staging goroutine that
// startIngesterLoop starts (runIngestStep) added a provider's entries to
// providersBeingProcessed and providerAdChainStaging under
// providersBeingProcessedMu, while the worker goroutines the same loop
// starts (ingestWorkerLogic) looked the provider up in both maps with no
// lock. The fix takes providersBeingProcessedMu around the workers'
// lookups. The lookup of providerAdChainStaging in the worker runs under
// the provider's own mutex, taken from an entry of the other map: a
// per-entry lock, which guards nothing outside its entry (see
// readsilent/elementlock.go), so it is reported too.
package realbugs

import (
	"sync"
	"sync/atomic"
)

type stiSyncFinished struct {
	peerID string
	cids   []string
}

type stiAssignment struct {
	none    bool
	adCids  []string
	fromPub string
}

type Ingester struct {
	providersBeingProcessed   map[string]*sync.Mutex
	providersBeingProcessedMu sync.Mutex
	providerAdChainStaging    map[string]*atomic.Value
	toWorkers                 chan string
	closeWorkers              chan struct{}
	waitForWorkers            sync.WaitGroup
	toStaging                 <-chan stiSyncFinished
}

func NewIngester(toStaging <-chan stiSyncFinished, workers int) *Ingester {
	ing := &Ingester{
		providersBeingProcessed: make(map[string]*sync.Mutex),
		providerAdChainStaging:  make(map[string]*atomic.Value),
		toWorkers:               make(chan string),
		closeWorkers:            make(chan struct{}),
		toStaging:               toStaging,
	}
	ing.startIngesterLoop(workers)
	return ing
}

func (ing *Ingester) startIngesterLoop(workerPoolSize int) {
	for i := 0; i < workerPoolSize; i++ {
		ing.waitForWorkers.Add(1)
		go func() {
			defer ing.waitForWorkers.Done()
			ing.ingestWorker()
		}()
	}
	go func() {
		for ev := range ing.toStaging {
			ing.runIngestStep(ev)
		}
	}()
}

func (ing *Ingester) runIngestStep(ev stiSyncFinished) {
	grouped := map[string][]string{}
	for _, c := range ev.cids {
		grouped[ev.peerID] = append(grouped[ev.peerID], c)
	}
	for p, cids := range grouped {
		ing.providersBeingProcessedMu.Lock()
		if _, ok := ing.providersBeingProcessed[p]; !ok {
			ing.providersBeingProcessed[p] = &sync.Mutex{}
		}
		if _, ok := ing.providerAdChainStaging[p]; !ok {
			ing.providerAdChainStaging[p] = &atomic.Value{}
		}
		ing.providersBeingProcessedMu.Unlock()

		old := ing.providerAdChainStaging[p].Swap(stiAssignment{adCids: cids, fromPub: ev.peerID})
		if old == nil || old.(stiAssignment).none {
			ing.toWorkers <- p
		}
	}
}

func (ing *Ingester) ingestWorker() {
	for {
		select {
		case <-ing.closeWorkers:
			return
		case provider := <-ing.toWorkers:
			ing.ingestWorkerLogic(provider)
		}
	}
}

func (ing *Ingester) ingestWorkerLogic(provider string) {
	ing.providersBeingProcessed[provider].Lock()         // want `concurrent read of map ing.providersBeingProcessed without ing.providersBeingProcessedMu \(held: none\)`
	defer ing.providersBeingProcessed[provider].Unlock() // want `concurrent read of map ing.providersBeingProcessed without ing.providersBeingProcessedMu \(held: ing.providersBeingProcessed\[provider\]\)`

	a := ing.providerAdChainStaging[provider].Swap(stiAssignment{none: true}) // want `concurrent read of map ing.providerAdChainStaging without ing.providersBeingProcessedMu \(held: ing.providersBeingProcessed\[provider\]\)`
	if a == nil || a.(stiAssignment).none {
		return
	}
	_ = a.(stiAssignment).adCids
}

// IngesterFixed is the code after the fix: the workers look the provider
// up under providersBeingProcessedMu.
type IngesterFixed struct {
	providersBeingProcessed   map[string]*sync.Mutex
	providersBeingProcessedMu sync.Mutex
	providerAdChainStaging    map[string]*atomic.Value
	toWorkers                 chan string
	toStaging                 <-chan stiSyncFinished
}

func NewIngesterFixed(toStaging <-chan stiSyncFinished, workers int) *IngesterFixed {
	ing := &IngesterFixed{
		providersBeingProcessed: make(map[string]*sync.Mutex),
		providerAdChainStaging:  make(map[string]*atomic.Value),
		toWorkers:               make(chan string),
		toStaging:               toStaging,
	}
	for i := 0; i < workers; i++ {
		go func() {
			for provider := range ing.toWorkers {
				ing.ingestWorkerLogic(provider)
			}
		}()
	}
	go func() {
		for ev := range ing.toStaging {
			ing.runIngestStep(ev)
		}
	}()
	return ing
}

func (ing *IngesterFixed) runIngestStep(ev stiSyncFinished) {
	p := ev.peerID
	ing.providersBeingProcessedMu.Lock()
	if _, ok := ing.providersBeingProcessed[p]; !ok {
		ing.providersBeingProcessed[p] = &sync.Mutex{}
	}
	if _, ok := ing.providerAdChainStaging[p]; !ok {
		ing.providerAdChainStaging[p] = &atomic.Value{}
	}
	ing.providersBeingProcessedMu.Unlock()

	old := ing.providerAdChainStaging[p].Swap(stiAssignment{adCids: ev.cids, fromPub: p})
	if old == nil || old.(stiAssignment).none {
		ing.toWorkers <- p
	}
}

func (ing *IngesterFixed) ingestWorkerLogic(provider string) {
	ing.providersBeingProcessedMu.Lock()
	provLock := ing.providersBeingProcessed[provider]
	staging := ing.providerAdChainStaging[provider]
	ing.providersBeingProcessedMu.Unlock()

	provLock.Lock()
	defer provLock.Unlock()
	a := staging.Swap(stiAssignment{none: true})
	if a == nil || a.(stiAssignment).none {
		return
	}
	_ = a.(stiAssignment).adCids
}
