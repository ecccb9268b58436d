// growthbook/growthbook-golang#23, "concurrent map writes in
// trackFeatureUsage": the callers hold only the read lock, and
// trackFeatureUsage writes the map of tracked features.
package realbugs

import "sync"

type FeatureResult struct{ Value any }

type growthBookData struct {
	sync.RWMutex
	features        map[string]any
	trackedFeatures map[string]any
}

type GrowthBook struct{ inner *growthBookData }

func (gb *GrowthBook) EvalFeature(key string) *FeatureResult {
	gb.inner.RLock()
	defer gb.inner.RUnlock()
	res := &FeatureResult{Value: gb.inner.features[key]}
	gb.trackFeatureUsage(key, res)
	return res
}

func (gb *GrowthBook) trackFeatureUsage(key string, res *FeatureResult) {
	if _, exists := gb.inner.trackedFeatures[key]; exists {
		return
	}
	gb.inner.trackedFeatures[key] = res.Value // want `write to map gb.inner.trackedFeatures holding only read lock`
}
