// gofr-dev/gofr#4054, fixed by #4055, "guard shared subscription maps
// against concurrent writes": an application subscribed to several topics
// on the Google Pub/Sub backend crashed at boot with "fatal error:
// concurrent map writes". gofr runs one subscriber goroutine per topic
// (errgroup, in another package), each looping over Subscribe, and
// Subscribe read and wrote the shared subStarted and receiveChan maps
// without holding the client's existing mutex (which guarded only the
// channel's creation); the receiver goroutine it starts read receiveChan
// again for every message, and Close ranged over it unlocked. The shape is
// reconstructed from the pull request's description of the code it
// replaced; the fix checks and fills both maps under g.mu (RLock, then
// Lock and a re-check), hands the receiver the channel in a local
// variable, and locks in Close.
package realbugs

import (
	"context"
	"sync"
	"time"
)

type gofrMessage struct {
	Topic string
	Value []byte
}

// gcMessage, gcSubscription and gcClient stand for the types of
// cloud.google.com/go/pubsub.
type gcMessage struct{ Data []byte }

type gcSubscription interface {
	Receive(ctx context.Context, f func(context.Context, *gcMessage)) error
}

type gcClient interface {
	Subscription(id string) gcSubscription
}

type googleClient struct {
	client      gcClient
	receiveChan map[string]chan *gofrMessage
	subStarted  map[string]struct{}
	mu          sync.RWMutex
}

func NewGoogleClient(client gcClient) *googleClient {
	return &googleClient{
		client:      client,
		receiveChan: make(map[string]chan *gofrMessage),
		subStarted:  make(map[string]struct{}),
	}
}

func (g *googleClient) Subscribe(ctx context.Context, topic string) (*gofrMessage, error) { // want Subscribe:`reads\(\$0\.#2\),writes\(\$0\.#2\)`
	var end time.Duration

	if _, ok := g.subStarted[topic]; !ok {
		subscription := g.client.Subscription("sub-" + topic)

		start := time.Now()
		processMessage := func(ctx context.Context, msg *gcMessage) {
			end = time.Since(start)
			// Missed: a closure passed to another package's function
			// (Receive) runs, as far as the guard check knows, during the
			// call, under the caller's locks; the goroutine that runs it
			// races only the locked write of another Subscribe call.
			g.receiveChan[topic] <- &gofrMessage{Topic: topic, Value: msg.Data}
		}

		// initialize the channel before we can start receiving on it
		g.mu.Lock()
		g.receiveChan[topic] = make(chan *gofrMessage)
		g.mu.Unlock()

		go func() {
			_ = subscription.Receive(ctx, processMessage)
		}()
	}

	g.subStarted[topic] = struct{}{}

	select {
	case m := <-g.receiveChan[topic]: // want `concurrent read of map g.receiveChan without g.mu \(held: none\).*; no fix: the access is in a select case's communication$`
		_ = end
		return m, nil
	case <-ctx.Done():
		return nil, nil
	}
}

func (g *googleClient) Close() error {
	for _, c := range g.receiveChan { // want `concurrent read of map g.receiveChan without g.mu \(held: none\)`
		close(c)
	}
	return nil
}

// The fixed version (#4055): both maps are checked under the read lock
// and filled under the write lock, the receiver gets the channel itself,
// and Close locks.

type googleClientFixed struct {
	client      gcClient
	receiveChan map[string]chan *gofrMessage
	subStarted  map[string]struct{}
	mu          sync.RWMutex
}

func (g *googleClientFixed) Subscribe(ctx context.Context, topic string) (*gofrMessage, error) {
	receiveChan, err := g.startTopicSubscriber(ctx, topic)
	if err != nil {
		return nil, err
	}
	select {
	case m := <-receiveChan:
		return m, nil
	case <-ctx.Done():
		return nil, nil
	}
}

func (g *googleClientFixed) startTopicSubscriber(ctx context.Context, topic string) (chan *gofrMessage, error) {
	g.mu.RLock()
	receiveChan, started := g.receiveChan[topic], false
	if _, ok := g.subStarted[topic]; ok {
		started = true
	}
	g.mu.RUnlock()
	if started {
		return receiveChan, nil
	}

	subscription := g.client.Subscription("sub-" + topic)
	receiveChan = make(chan *gofrMessage)

	g.mu.Lock()
	if _, ok := g.subStarted[topic]; ok {
		receiveChan = g.receiveChan[topic]
		g.mu.Unlock()
		return receiveChan, nil
	}
	g.receiveChan[topic] = receiveChan
	g.subStarted[topic] = struct{}{}
	g.mu.Unlock()

	processMessage := func(ctx context.Context, msg *gcMessage) {
		select {
		case receiveChan <- &gofrMessage{Topic: topic, Value: msg.Data}:
		case <-ctx.Done():
		}
	}
	go func() {
		_ = subscription.Receive(ctx, processMessage)
	}()
	return receiveChan, nil
}

func (g *googleClientFixed) Close() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, c := range g.receiveChan {
		close(c)
	}
	return nil
}

// Silent: the same client handed out behind an interface. Its methods run
// where the package's callers decide (see guards.IsAPI), so the unlocked
// reads are not known to run alongside the locked write.

type topicSubscriber interface {
	Subscribe(ctx context.Context, topic string) (*gofrMessage, error)
}

type googleClientBehind struct {
	receiveChan map[string]chan *gofrMessage
	mu          sync.RWMutex
}

func NewGoogleClientBehind() topicSubscriber {
	return &googleClientBehind{receiveChan: make(map[string]chan *gofrMessage)}
}

func (g *googleClientBehind) Subscribe(ctx context.Context, topic string) (*gofrMessage, error) {
	if _, ok := g.receiveChan[topic]; !ok {
		g.mu.Lock()
		g.receiveChan[topic] = make(chan *gofrMessage)
		g.mu.Unlock()
	}
	select {
	case m := <-g.receiveChan[topic]:
		return m, nil
	case <-ctx.Done():
		return nil, nil
	}
}
