package fastpath

import "sync"

// The same fast path in registerProducerTopic (pulsar-client-go
// pulsar/transaction_impl.go), which a producer's Send calls in the
// caller's goroutine: any two sends with one transaction race.
type producerTxn struct {
	mu                 sync.Mutex
	registerPartitions map[string]bool
}

func (txn *producerTxn) registerProducerTopic(topic string) {
	_, ok := txn.registerPartitions[topic] // want `concurrent read of map txn.registerPartitions without txn.mu`
	if !ok {
		txn.mu.Lock()
		defer txn.mu.Unlock()
		if _, ok = txn.registerPartitions[topic]; !ok {
			txn.registerPartitions[topic] = true
		}
	}
}

// Producer sends messages on a topic.
type Producer struct{ topic string }

// ProducerTxn is a transaction messages can be sent in.
type ProducerTxn struct{ txn *producerTxn }

// Send sends a message as part of t.
func (p *Producer) Send(t *ProducerTxn) {
	t.txn.registerProducerTopic(p.topic)
}
