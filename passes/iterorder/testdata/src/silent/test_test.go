// This file checks that test helpers reporting per entry are not sinks:
// t.Errorf in a map loop reports every failure whatever the order.
package silent

import "testing"

func TestEntries(t *testing.T) {
	m := map[string]int{"a": 1, "b": 2}
	for k, v := range m {
		if v < 0 {
			t.Errorf("%s: got %d", k, v)
		}
	}
}
