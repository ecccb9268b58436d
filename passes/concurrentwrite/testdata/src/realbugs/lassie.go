// filecoin-project/lassie#339, fixed by #341, "fix(servertiming): lock map
// writes": the Server-Timing subscriber, a closure that the retrieval
// events of concurrent retrievals call from their goroutines, locked
// mapLock around the reads of retrievalMetricMap and retrievalTimingMap
// but wrote both maps, on each started retrieval, without it ("The metric
// and timing maps lock was originally locking around map reads instead of
// writes"). The fix locks the writes too.
package realbugs

import (
	"fmt"
	"sync"
	"time"
)

type lassieMetric struct {
	Duration time.Duration
	Extra    map[string]string
}

type lassieEvent struct {
	Kind string
	ID   string
	At   time.Time
}

func lassieTimingsSubscriber(newMetric func(string) *lassieMetric) func(lassieEvent) {
	mapLock := sync.Mutex{}
	retrievalMetricMap := make(map[string]*lassieMetric)
	retrievalTimingMap := make(map[string]time.Time)

	return func(re lassieEvent) {
		name := fmt.Sprintf("retrieval-%s", re.ID)
		switch re.Kind {
		case "started-retrieval":
			m := newMetric(name)
			m.Extra = make(map[string]string)
			retrievalMetricMap[name] = m // want `concurrent write to map retrievalMetricMap without mapLock \(held: none\)`
			retrievalTimingMap[name] = re.At // want `concurrent write to map retrievalTimingMap without mapLock \(held: none\)`
		case "first-byte-received":
			mapLock.Lock()
			if m, ok := retrievalMetricMap[name]; ok {
				m.Extra[re.Kind] = fmt.Sprintf("%d", re.At.Sub(retrievalTimingMap[name]))
			}
			mapLock.Unlock()
		case "failed":
			mapLock.Lock()
			if m, ok := retrievalMetricMap[name]; ok {
				m.Extra[re.Kind] = fmt.Sprintf("%d", re.At.Sub(retrievalTimingMap[name]))
				m.Duration = re.At.Sub(retrievalTimingMap[name])
			}
			mapLock.Unlock()
		}
	}
}

// The fixed version (#341): the writes hold mapLock too.
func lassieTimingsSubscriberFixed(newMetric func(string) *lassieMetric) func(lassieEvent) {
	mapLock := sync.Mutex{}
	retrievalMetricMap := make(map[string]*lassieMetric)
	retrievalTimingMap := make(map[string]time.Time)

	return func(re lassieEvent) {
		name := fmt.Sprintf("retrieval-%s", re.ID)
		switch re.Kind {
		case "started-retrieval":
			m := newMetric(name)
			m.Extra = make(map[string]string)
			mapLock.Lock()
			retrievalMetricMap[name] = m
			retrievalTimingMap[name] = re.At
			mapLock.Unlock()
		case "first-byte-received":
			mapLock.Lock()
			if m, ok := retrievalMetricMap[name]; ok {
				m.Extra[re.Kind] = fmt.Sprintf("%d", re.At.Sub(retrievalTimingMap[name]))
			}
			mapLock.Unlock()
		}
	}
}
