// apache/rocketmq-client-go#139, "fatal error: concurrent map writes" in
// (*localFileOffsetStore).update, called from the goroutine that
// pullMessage starts for each pull result: the local offset store's update
// wrote OffsetTable without the mutex that load holds (the remote store,
// below, locked; the fix locked the local one too).
package realbugs

import (
	"sync"
	"time"
)

type MessageQueue struct {
	Topic      string
	BrokerName string
	QueueId    int
}

type OffsetStore interface {
	read(mq *MessageQueue) int64
	update(mq *MessageQueue, offset int64, increaseOnly bool)
}

type queueOffset struct {
	QueueID int
	Broker  string
	Offset  int64
}

type localFileOffsetStore struct {
	OffsetTable map[string]map[int]*queueOffset
	// mutex for offset file
	mutex sync.Mutex
}

func NewLocalFileOffsetStore() OffsetStore {
	store := &localFileOffsetStore{}
	store.load()
	return store
}

func (local *localFileOffsetStore) load() {
	local.mutex.Lock()
	defer local.mutex.Unlock()
	local.OffsetTable = make(map[string]map[int]*queueOffset)
}

func (local *localFileOffsetStore) read(mq *MessageQueue) int64 {
	return readFromMemory(local.OffsetTable, mq)
}

func (local *localFileOffsetStore) update(mq *MessageQueue, offset int64, increaseOnly bool) {
	localOffset, exist := local.OffsetTable[mq.Topic] // want `concurrent read of map local.OffsetTable \(held: none\); also written by other goroutines started in a loop in \(\*pushConsumer\).pullMessage`
	if !exist {
		localOffset = make(map[int]*queueOffset)
		local.OffsetTable[mq.Topic] = localOffset // want `concurrent write to map local.OffsetTable \(held: none\)`
	}
	q, exist := localOffset[mq.QueueId]
	if !exist {
		q = &queueOffset{QueueID: mq.QueueId, Broker: mq.BrokerName}
		localOffset[mq.QueueId] = q
	}
	if increaseOnly {
		if q.Offset < offset {
			q.Offset = offset
		}
	} else {
		q.Offset = offset
	}
}

func readFromMemory(table map[string]map[int]*queueOffset, mq *MessageQueue) int64 {
	localOffset, exist := table[mq.Topic]
	if !exist {
		return -1
	}
	off, exist := localOffset[mq.QueueId]
	if !exist {
		return -1
	}
	return off.Offset
}

type PullRequest struct {
	mq         *MessageQueue
	nextOffset int64
}

type pullResult struct {
	NextBeginOffset int64
}

type pushConsumer struct {
	storage OffsetStore
	pull    func(*PullRequest) (*pullResult, error)
}

func (pc *pushConsumer) Start(requests []*PullRequest) {
	for _, request := range requests {
		go pc.pullMessage(request)
	}
}

func (pc *pushConsumer) pullMessage(request *PullRequest) {
	for {
		result, err := pc.pull(request)
		if err != nil {
			time.Sleep(time.Second)
			continue
		}
		request.nextOffset = result.NextBeginOffset
		go func() {
			pc.storage.update(request.mq, result.NextBeginOffset, true)
		}()
	}
}

// The fixed version: update holds the store's mutex, as the remote store's
// does.

type remoteBrokerOffsetStore struct {
	OffsetTable map[string]map[int]*queueOffset
	mutex       sync.RWMutex
}

func (r *remoteBrokerOffsetStore) update(mq *MessageQueue, offset int64, increaseOnly bool) {
	r.mutex.Lock()
	defer r.mutex.Unlock()
	localOffset, exist := r.OffsetTable[mq.Topic]
	if !exist {
		localOffset = make(map[int]*queueOffset)
		r.OffsetTable[mq.Topic] = localOffset
	}
	q, exist := localOffset[mq.QueueId]
	if !exist {
		q = &queueOffset{QueueID: mq.QueueId, Broker: mq.BrokerName}
		localOffset[mq.QueueId] = q
	}
	q.Offset = offset
}

func (r *remoteBrokerOffsetStore) read(mq *MessageQueue) int64 {
	r.mutex.RLock()
	defer r.mutex.RUnlock()
	return readFromMemory(r.OffsetTable, mq)
}

type pushConsumerFixed struct {
	storage *remoteBrokerOffsetStore
	pull    func(*PullRequest) (*pullResult, error)
}

func (pc *pushConsumerFixed) pullMessage(request *PullRequest) {
	for {
		result, err := pc.pull(request)
		if err != nil {
			continue
		}
		go func() {
			pc.storage.update(request.mq, result.NextBeginOffset, true)
		}()
	}
}
