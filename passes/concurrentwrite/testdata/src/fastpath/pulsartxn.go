// apache/pulsar-client-go#1536, "Concurrent transactional ACKs can crash
// in registerAckTopic" (pulsar/transaction_impl.go): a transaction is
// shared by the partition consumers a user acknowledges messages on. Each
// partition consumer runs its own event loop goroutine, started when the
// consumer is made, which handles an acknowledgement by registering the
// subscription with the transaction: registerAckTopic looks the
// subscription up in registerAckSubscriptions with no lock (a fast path),
// and only on a miss takes txn.mu, looks again and writes. Two event loops
// acknowledging with one transaction race the unlocked lookup of one with
// the locked write of the other: "concurrent map read and map write". The
// fix (#1537) takes txn.mu before the first lookup.
package fastpath

import "sync"

type subscription struct {
	topic, name string
}

type transaction struct {
	mu                       sync.Mutex
	registerAckSubscriptions map[subscription]bool
}

func newTransaction() *transaction {
	return &transaction{registerAckSubscriptions: make(map[subscription]bool)}
}

func (txn *transaction) registerAckTopic(topic, name string) error {
	sub := subscription{topic, name}
	_, ok := txn.registerAckSubscriptions[sub] // want `concurrent read of map txn.registerAckSubscriptions without txn.mu`
	if !ok {
		txn.mu.Lock()
		defer txn.mu.Unlock()
		if _, ok = txn.registerAckSubscriptions[sub]; !ok {
			txn.registerAckSubscriptions[sub] = true
		}
	}
	return nil
}

type ackWithTxnRequest struct {
	txn    *transaction
	doneCh chan struct{}
	err    error
}

type partitionConsumer struct {
	topic, subscription string
	eventsCh            chan interface{}
	closeCh             chan struct{}
}

func newPartitionConsumer(topic, sub string) *partitionConsumer {
	pc := &partitionConsumer{topic: topic, subscription: sub, eventsCh: make(chan interface{}), closeCh: make(chan struct{})}
	go pc.runEventsLoop()
	return pc
}

func (pc *partitionConsumer) runEventsLoop() {
	for {
		select {
		case <-pc.closeCh:
			return
		case ev := <-pc.eventsCh:
			switch v := ev.(type) {
			case *ackWithTxnRequest:
				pc.internalAckWithTxn(v)
			}
		}
	}
}

func (pc *partitionConsumer) internalAckWithTxn(req *ackWithTxnRequest) {
	defer close(req.doneCh)
	if err := req.txn.registerAckTopic(pc.topic, pc.subscription); err != nil {
		req.err = err
	}
}

func (pc *partitionConsumer) ackWithTxn(txn *transaction) error {
	req := &ackWithTxnRequest{txn: txn, doneCh: make(chan struct{})}
	pc.eventsCh <- req
	<-req.doneCh
	return req.err
}

// Consumer consumes the partitions of a topic, one partition consumer each.
type Consumer struct {
	consumers []*partitionConsumer
}

// Subscribe makes a consumer for each partition.
func Subscribe(topic, sub string, partitions int) *Consumer {
	c := &Consumer{}
	for i := 0; i < partitions; i++ {
		c.consumers = append(c.consumers, newPartitionConsumer(topic, sub))
	}
	return c
}

// Transaction is a transaction acknowledgements can be part of.
type Transaction struct{ txn *transaction }

// NewTransaction starts a transaction.
func NewTransaction() *Transaction { return &Transaction{newTransaction()} }

// AckWithTxn acknowledges a message of partition p as part of t.
func (c *Consumer) AckWithTxn(p int, t *Transaction) error {
	return c.consumers[p].ackWithTxn(t.txn)
}
