package consumers

import "sort"

// Lists whose package offers their sort along with them (kubectl's
// rbac.CompactRules with rbac.SortableRuleSlice; helm's search.Index.All
// with search.SortScore): callers sort them with the package's own order.

type Rule struct{ Verb, Resource string }

// SortableRules sorts the rules that Compact returns.
type SortableRules []Rule

func (s SortableRules) Len() int           { return len(s) }
func (s SortableRules) Less(i, j int) bool { return s[i].Resource < s[j].Resource }
func (s SortableRules) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

func Compact(byResource map[string]Rule) []Rule {
	var out []Rule
	for _, r := range byResource {
		out = append(out, r)
	}
	return out
}

type ChartResult struct {
	Name  string
	Score int
}

// SortScore sorts results by score.
func SortScore(r []*ChartResult) { // want SortScore:`sorts 0`
	sort.Slice(r, func(i, j int) bool { return r[i].Score < r[j].Score })
}

func All(charts map[string]*ChartResult) []*ChartResult {
	var out []*ChartResult
	for _, c := range charts {
		out = append(out, c)
	}
	return out
}

// Labels is sortable, but a sortable []string says nothing of the other
// lists of strings the package returns: their order passes to the
// callers (OrderedResultFact).
type Labels []string

func (s Labels) Len() int           { return len(s) }
func (s Labels) Less(i, j int) bool { return s[i] < s[j] }
func (s Labels) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

func LabelKeys(m map[string]string) []string { // want LabelKeys:`orderedresult\(0\)`
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

type Binding struct{ Subject string }

// Bindings has no sort offered by the package: its order passes to the
// callers (OrderedResultFact).
func Bindings(m map[string]Binding) []Binding { // want Bindings:`orderedresult\(0\)`
	var out []Binding
	for _, b := range m {
		out = append(out, b)
	}
	return out
}

// ToSet returns the unique values of the slices. The order of the items in
// the result is not guaranteed (kubectl's slice.ToSet). The doc's words
// change nothing: no caller in the package shows the list, so the order
// passes to its callers in other packages (OrderedResultFact).
func ToSet(slices ...[]string) []string { // want ToSet:`orderedresult\(0\)`
	m := map[string]bool{}
	for _, s := range slices {
		for _, v := range s {
			m[v] = true
		}
	}
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
