// This package checks that a test of the package comparing a result in
// order with a fixed list (reflect.DeepEqual, testify's Equal) shows the
// map order the result was built in: the test is flaky (stripe/smokescreen#190:
// TestMapKeys compared mapKeys' result with require.Equal and moved to
// require.ElementsMatch; stormkit-io/stormkit-io#136: a test compared a
// list built by ranging over a map with a fixed-order slice). The silent
// twins' tests compare as a set, sort first, or count. The want comments
// hold in the package's test variant only: TestComparedInOrder checks them
// by hand.
package testcompare

import "sort"

// mapKeys is smokescreen's shape: its test compares it with require.Equal.
func mapKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m { // want "result depends on map iteration order: keys appended to keys, which is returned unsorted"
		keys = append(keys, k)
	}
	return keys
}

// Names is compared with reflect.DeepEqual by its test.
func Names(m map[string]int) []string {
	var out []string
	for k := range m { // want "result depends on map iteration order: keys appended to out, which is returned unsorted"
		out = append(out, k)
	}
	return out
}

// An Info lists the methods of a service, as grpc's ServiceInfo does.
type Info struct {
	Methods []string
}

// ServiceInfo is grpc's GetServiceInfo shape: a map whose values hold
// lists built in map order; its test compares the map with DeepEqual.
func ServiceInfo(services map[string]map[string]bool) map[string]Info {
	ret := make(map[string]Info)
	for name, methods := range services {
		var ms []string
		for m := range methods { // want "result depends on map iteration order: keys appended to ms, which is returned unsorted"
			ms = append(ms, m)
		}
		ret[name] = Info{Methods: ms}
	}
	return ret
}

// setKeys is compared as a set by its test (require.ElementsMatch).
func setKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return keys
}

// SortedByTest is sorted by its test before the comparison.
func SortedByTest(m map[string]int) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// Counted is only counted by its test, and logged.
func Counted(m map[string]int) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// Sorted sorts what it returns: its test may compare it in order.
func Sorted(m map[string]int) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// SortedByHelper is sorted by sortStrings inside its test's comparison
// (go-ethereum's dnsdisc test compares sortByID(tree.Nodes())).
func SortedByHelper(m map[string]int) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// sortStrings sorts s in place and returns it.
func sortStrings(s []string) []string {
	sort.Strings(s)
	return s
}

// OneExpected is compared with a list of one element by its test: no
// other order is possible (prometheus's rules test compares
// dependencies(rule) with []Rule{rule}).
func OneExpected(m map[string]int) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// A Param is a parameter converted from a schema property.
type Param struct {
	Name       string
	Extensions map[string]any
}

func params(props map[string]map[string]any) []Param {
	var out []Param
	for name, ext := range props {
		out = append(out, Param{Name: name, Extensions: ext})
	}
	return out
}

// FormParams is kin-openapi's shape (openapi2conv FromV3RequestBodyFormData):
// its test asserts one parameter with require.Len, then compares
// params[0].Extensions. With one element there is no other order: silent.
func FormParams(props map[string]map[string]any) []Param {
	return params(props)
}

// Bindings is amqp091-go's shape (connection_unit_test.go): the test
// asserts len(...) == 1 with t.Fatalf before comparing element 0: silent.
func Bindings(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// Guarded is compared inside if len(got) == 1: silent.
func Guarded(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// FirstOfMany is compared at index 0 with no assertion of its length
// (prometheus's notifier tests compare Alertmanagers()[0]): which element
// is first depends on the order.
func FirstOfMany(m map[string]string) []string {
	var out []string
	for k := range m { // want "result depends on map iteration order: keys appended to out, which is returned unsorted"
		out = append(out, k)
	}
	return out
}

// Refetched is asserted to hold one element, then fetched again from a
// larger map before element 0 is compared: the assertion no longer holds.
func Refetched(m map[string]string) []string {
	var out []string
	for k := range m { // want "result depends on map iteration order: keys appended to out, which is returned unsorted"
		out = append(out, k)
	}
	return out
}

// TwoAsserted is asserted to hold two elements: element 0 is either.
func TwoAsserted(m map[string]string) []string {
	var out []string
	for k := range m { // want "result depends on map iteration order: keys appended to out, which is returned unsorted"
		out = append(out, k)
	}
	return out
}

// A KeyValue is a pair, as pulsar-client-go's pb.KeyValue.
type KeyValue struct{ Key, Value *string }

// toKeyValues is pulsar-client-go v0.19.0's pulsar/helper.go:68: its test
// (helper_test.go:31-33) compares the first pair of a map of one pair,
// which comes first in every order, and then ranges over the pairs of a
// two-pair map, checking each by its key: silent.
func toKeyValues(metadata map[string]string) []*KeyValue {
	kvs := make([]*KeyValue, 0, len(metadata))
	for k, v := range metadata {
		kvs = append(kvs, &KeyValue{Key: &k, Value: &v})
	}
	return kvs
}

// pairsOf's test compares the first pair of a map of two pairs.
func pairsOf(metadata map[string]string) []*KeyValue {
	kvs := make([]*KeyValue, 0, len(metadata))
	for k, v := range metadata { // want "result depends on map iteration order: keys appended to kvs, which is returned unsorted"
		kvs = append(kvs, &KeyValue{Key: &k, Value: &v})
	}
	return kvs
}

// grownPairs's test starts from a map of one pair, then adds a second
// before the call.
func grownPairs(metadata map[string]string) []*KeyValue {
	kvs := make([]*KeyValue, 0, len(metadata))
	for k, v := range metadata { // want "result depends on map iteration order: keys appended to kvs, which is returned unsorted"
		kvs = append(kvs, &KeyValue{Key: &k, Value: &v})
	}
	return kvs
}
