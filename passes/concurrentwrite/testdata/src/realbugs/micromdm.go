// micromdm/micromdm#97, "concurrent map read/write in pubsub": the race
// detector saw (*Inmem).Subscribe write the subscriptions map while the
// dispatch goroutine that NewPubSub starts read it, with no lock on either
// side; the fix guarded both with an RWMutex.
package realbugs

import "sync"

type PubsubEvent struct {
	Topic   string
	Message []byte
}

type inmemSubscription struct {
	name      string
	topic     string
	eventChan chan<- PubsubEvent
}

type Inmem struct {
	subscriptions map[string][]inmemSubscription
	publish       chan PubsubEvent
}

func NewPubSub() *Inmem {
	publish := make(chan PubsubEvent)
	subscriptions := make(map[string][]inmemSubscription)
	inmem := &Inmem{
		publish:       publish,
		subscriptions: subscriptions,
	}
	go inmem.dispatch()
	return inmem
}

func (p *Inmem) Publish(topic string, msg []byte) error {
	event := PubsubEvent{Topic: topic, Message: msg}
	go func() { p.publish <- event }()
	return nil
}

func (p *Inmem) Subscribe(name, topic string) (<-chan PubsubEvent, error) { // want Subscribe:`reads\(\$0\.#0\),writes\(\$0\.#0\)`
	events := make(chan PubsubEvent)
	sub := inmemSubscription{
		name:      name,
		topic:     topic,
		eventChan: events,
	}
	p.subscriptions[topic] = append(p.subscriptions[topic], sub) // want `concurrent write to map p.subscriptions \(held: none\); also accessed by the goroutine started in NewPubSub`
	return events, nil
}

func (p *Inmem) dispatch() {
	for {
		select {
		case ev := <-p.publish:
			for _, sub := range p.subscriptions[ev.Topic] { // want `concurrent read of map p.subscriptions \(held: none\)`
				go func(s inmemSubscription) { s.eventChan <- ev }(sub)
			}
		}
	}
}

// The fixed version: both sides hold mtx.

type InmemFixed struct {
	mtx           sync.RWMutex
	subscriptions map[string][]inmemSubscription
	publish       chan PubsubEvent
}

func NewPubSubFixed() *InmemFixed {
	inmem := &InmemFixed{publish: make(chan PubsubEvent), subscriptions: make(map[string][]inmemSubscription)}
	go inmem.dispatch()
	return inmem
}

func (p *InmemFixed) Subscribe(name, topic string) (<-chan PubsubEvent, error) {
	events := make(chan PubsubEvent)
	sub := inmemSubscription{name: name, topic: topic, eventChan: events}
	p.mtx.Lock()
	p.subscriptions[topic] = append(p.subscriptions[topic], sub)
	p.mtx.Unlock()
	return events, nil
}

func (p *InmemFixed) dispatch() {
	for {
		select {
		case ev := <-p.publish:
			p.mtx.Lock()
			for _, sub := range p.subscriptions[ev.Topic] {
				go func(s inmemSubscription) { s.eventChan <- ev }(sub)
			}
			p.mtx.Unlock()
		}
	}
}
