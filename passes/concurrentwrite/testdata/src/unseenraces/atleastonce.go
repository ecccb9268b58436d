// benthos v4.60.0, public/service/integration/stream_test_definitions.go:
// StreamTestAtLeastOnceDelivery starts a goroutine that ranges over
// expectedMessages, sending each key down the pipeline, while the test
// deletes each key from the map as the message comes out at the other
// end: the sender is still ranging when the first delete runs.
package unseenraces

func AtLeastOnceDelivery(send func(string), receive func() string) int {
	expectedMessages := map[string]struct{}{
		"A": {}, "B": {}, "C": {}, "D": {}, "E": {},
	}
	go func() {
		for k := range expectedMessages { // want `concurrent read of map expectedMessages \(held: none\)`
			send(k)
		}
	}()
	rejected := 0
	for i := 0; i < len(expectedMessages); i++ {
		key := receive()
		delete(expectedMessages, key) // want `concurrent write to map expectedMessages \(held: none\).*; no fix: an access to expectedMessages is a range loop, whose body would run holding expectedMessagesMu$`
		if key == "C" || key == "E" {
			rejected++
		}
	}
	return rejected
}

// The twin: the sender ranges over the keys listed before it starts.
func AtLeastOnceDelivery2(send func(string), receive func() string) int {
	expectedMessages := map[string]struct{}{
		"A": {}, "B": {}, "C": {}, "D": {}, "E": {},
	}
	keys := make([]string, 0, len(expectedMessages))
	for k := range expectedMessages {
		keys = append(keys, k)
	}
	go func() {
		for _, k := range keys {
			send(k)
		}
	}()
	rejected := 0
	for len(expectedMessages) > 0 {
		key := receive()
		delete(expectedMessages, key)
		if key == "C" || key == "E" {
			rejected++
		}
	}
	return rejected
}
