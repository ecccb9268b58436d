// Package projection holds revive's config.EnabledRules in its shape (a
// list of rules collected in map order and returned unsorted) for the
// helpers of rules_test.go and use/use.go, which derive a new list from it
// (each rule's name) and sort that list before returning it (revive
// config/config_test.go's ruleNames, judged FALSE at round 2 of stop 26).
// A call of such a helper hands no order on, in a test or not; the twins'
// helpers do not sort, or sort another slice than the one they return.
package projection

// Rule is a lint rule.
type Rule interface{ Name() string }

// R is a rule named by its value.
type R string

// Name returns the rule's name.
func (r R) Name() string { return string(r) }

// Enabled returns the rules switched on in m, in map order.
func Enabled(m map[string]bool) []Rule { // want Enabled:`orderedresult\(0\)`
	var out []Rule
	for k, on := range m {
		if on {
			out = append(out, R(k))
		}
	}
	return out
}
