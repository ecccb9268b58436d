// Package defaultdiscovery is Prometheus service discovery and a collector
// without the -iterorder.orderfree option: a general-purpose linter does
// not know that the discovery manager keys target groups by Source, so the
// list carries map order to its callers (OrderedResultFact) until the
// project says so (see TestOrderFreeOption). The
// collector's sends are reported only with -strict (a send is a -strict
// sink), and then too until the project names prometheus.Metric.
package defaultdiscovery

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/prometheus/discovery/targetgroup"
)

// Refresh returns the groups of every source.
func Refresh(old map[string]bool) []*targetgroup.Group { // want Refresh:`orderedresult\(0\)`
	var tgs []*targetgroup.Group
	for name := range old {
		tgs = append(tgs, &targetgroup.Group{Source: name})
	}
	return tgs
}

type Collector struct{ metrics map[string]prometheus.Metric }

func (c *Collector) Collect(ch chan<- prometheus.Metric) {
	for _, m := range c.metrics { // a send: reported only with -strict
		ch <- m
	}
}
