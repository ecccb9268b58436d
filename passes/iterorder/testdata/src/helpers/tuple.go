package helpers

import (
	"fmt"
)

// A helper's list passed to a constructor whose results are a handle and
// an error: the handle is not the list, so what the caller does with the
// handle (returns it, calls its methods, prints what they return) does
// not show the list's order. The shape of pulsar-client-go v0.19.0,
// pulsar/helper.go:68 (toKeyValues) called at client_impl.go:178
// (c.rpcClient, err = internal.NewRPCClient(..., toKeyValues(props))),
// whose client was reported as returned at client_impl.go:198 and its
// partitions as compared at client_impl_test.go:411.

type KeyValue struct{ Key, Value string }

type RPCClient interface {
	Partitions(topic string) ([]string, error) // want Partitions:`shownresult\(0\)`
}

type rpcClient struct{ props []KeyValue }

func (r *rpcClient) Partitions(topic string) ([]string, error) {
	return []string{topic + "-0", topic + "-1"}, nil
}

func newRPCClient(url string, props []KeyValue) (RPCClient, error) {
	if url == "" {
		return nil, fmt.Errorf("no url")
	}
	return &rpcClient{props: props}, nil
}

func toKeyValues(metadata map[string]string) []KeyValue {
	kvs := make([]KeyValue, 0, len(metadata))
	for k, v := range metadata {
		kvs = append(kvs, KeyValue{Key: k, Value: v})
	}
	return kvs
}

type Client struct{ rpc RPCClient }

func newClient(url string, props map[string]string) (*Client, error) {
	c := &Client{}
	var err error
	c.rpc, err = newRPCClient(url, toKeyValues(props))
	if err != nil {
		return nil, err
	}
	return c, nil
}

func PrintPartitions(url string, props map[string]string) error {
	c, err := newClient(url, props)
	if err != nil {
		return err
	}
	parts, err := c.rpc.Partitions("t")
	if err != nil {
		return err
	}
	fmt.Println(parts)
	return nil
}

// The twin: the list itself is the first result of the call, and the
// caller prints it.

func checked(kvs []KeyValue) ([]KeyValue, error) {
	if len(kvs) == 0 {
		return nil, fmt.Errorf("empty")
	}
	return kvs, nil
}

func toKeyValuesShown(metadata map[string]string) []KeyValue {
	kvs := make([]KeyValue, 0, len(metadata))
	for k, v := range metadata { // want `appended to kvs, which is returned unsorted`
		kvs = append(kvs, KeyValue{Key: k, Value: v})
	}
	return kvs
}

func PrintProps(props map[string]string) error {
	kvs, err := checked(toKeyValuesShown(props))
	if err != nil {
		return err
	}
	fmt.Println(kvs)
	return nil
}

// A helper of the package whose error names the list's first element
// makes the error of the order (sinks/blind.go's mergeNamed); one whose
// error only counts the list does not.

func requireFirst(names []string) error {
	if len(names) > 0 {
		return fmt.Errorf("unexpected %s", names[0])
	}
	return nil
}

func requireCount(names []string) error {
	if len(names) > 3 {
		err := fmt.Errorf("%d names", len(names))
		return err
	}
	return nil
}

func namesFirst(m map[string]int) []string {
	var out []string
	for k := range m { // want `keys appended to out, which is returned unsorted`
		out = append(out, k)
	}
	return out
}

func namesCounted(m map[string]int) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func CheckFirst(m map[string]int) {
	fmt.Println(requireFirst(namesFirst(m)))
}

func CheckCount(m map[string]int) {
	fmt.Println(requireCount(namesCounted(m)))
}
