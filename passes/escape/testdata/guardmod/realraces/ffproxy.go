package realraces

import "sync"

// harness/ff-proxy, pull request 356 ("FFM-11873 Lock for entirety of
// safeMetricsRequestMap.get()"): get took the read lock only to copy
// s.detailed into a local variable, meaning to marshal the metrics without
// blocking writers, but the copy was the map's reference; ranging over it
// after RUnlock while add wrote the map killed the proxy in QA with
// "concurrent map iteration and map write". The fix holds the read lock
// for the whole of get. The mutex is embedded through a pointer, as in the
// original.

type metricsData struct{ count int }

type safeMetricsRequestMap struct {
	*sync.RWMutex
	detailed map[string]map[string]metricsData
}

func newSafeMetricsRequestMap() *safeMetricsRequestMap {
	return &safeMetricsRequestMap{
		RWMutex:  &sync.RWMutex{},
		detailed: make(map[string]map[string]metricsData),
	}
}

func (s *safeMetricsRequestMap) flush() {
	s.Lock()
	defer s.Unlock()
	s.detailed = map[string]map[string]metricsData{}
}

func (s *safeMetricsRequestMap) add(env, key string, n int) {
	s.Lock()
	defer s.Unlock()
	current, ok := s.detailed[env]
	if !ok {
		s.detailed[env] = map[string]metricsData{key: {count: n}}
		return
	}
	v := current[key]
	v.count += n
	current[key] = v
}

// get as it was before the fix.
func (s *safeMetricsRequestMap) get() map[string][]metricsData {
	s.RLock()
	cpy := s.detailed // want `map s.detailed escapes its guard s.RWMutex: ranged over after the unlock`
	s.RUnlock()

	result := map[string][]metricsData{}
	for env, detailed := range cpy {
		var slice []metricsData
		for _, v := range detailed {
			slice = append(slice, v)
		}
		result[env] = slice
	}
	return result
}
