// Package discovery checks that Prometheus service discovery is silent:
// the discovery manager keys target groups by Source and the scrape pool
// keys targets by their labels, so the order a discoverer sends or returns
// them in never reaches a result.
package discovery

import (
	"context"

	"github.com/prometheus/common/model"
	"github.com/prometheus/prometheus/discovery/targetgroup"
)

type Discovery struct {
	old     map[string]bool
	targets map[string]string
}

// Clear sends one empty group per vanished source.
func (d *Discovery) Clear(ctx context.Context, ch chan<- []*targetgroup.Group) {
	for name := range d.old {
		select {
		case ch <- []*targetgroup.Group{{Source: name}}:
		case <-ctx.Done():
			return
		}
	}
}

// Refresh returns the groups of every source.
func (d *Discovery) Refresh() []*targetgroup.Group {
	var tgs []*targetgroup.Group
	for name := range d.old {
		tgs = append(tgs, &targetgroup.Group{Source: name})
	}
	return tgs
}

// Group builds one group whose targets come from a map.
func (d *Discovery) Group() *targetgroup.Group {
	tg := &targetgroup.Group{Source: "static"}
	for addr, port := range d.targets {
		tg.Targets = append(tg.Targets, model.LabelSet{"__address__": model.LabelValue(addr + ":" + port)})
	}
	return tg
}

// Targets returns label sets for a group built by the caller.
func (d *Discovery) Targets() []model.LabelSet {
	var out []model.LabelSet
	for addr := range d.targets {
		out = append(out, model.LabelSet{"__address__": model.LabelValue(addr)})
	}
	return out
}

// Names is not a target list: the map order of its list passes to its
// callers (OrderedResultFact).
func Names(old map[string]bool) []string { // want Names:`orderedresult\(0\)`
	var out []string
	for name := range old {
		out = append(out, name)
	}
	return out
}
