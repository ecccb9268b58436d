// Package carrier checks that a method implementing an interface of an
// imported package (a propagation carrier's Keys) is
// judged by that interface's contract: no finding and no fact.
package carrier

import "carrier/propagation"

type Carrier struct{ md map[string]string }

var _ propagation.TextMapCarrier = (*Carrier)(nil)

func (c *Carrier) Get(key string) string { return c.md[key] }

// Keys lists the keys of the carrier.
func (c *Carrier) Keys() []string {
	keys := make([]string, 0, len(c.md))
	for k := range c.md {
		keys = append(keys, k)
	}
	return keys
}

// Pairs is not part of any interface: the map order of its list passes to
// its callers (OrderedResultFact), where Keys's does not.
func (c *Carrier) Pairs() []string { // want Pairs:`orderedresult\(0\)`
	var pairs []string
	for k, v := range c.md {
		pairs = append(pairs, k+"="+v)
		if v == "" {
			break
		}
	}
	return pairs
}
