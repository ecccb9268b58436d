package installed

import (
	"testing"
	"time"
)

// hertz's TestConcurrentHandlerName: the goroutines call the locked
// implementation; the unlocked one comes back by a deferred call: silent.
func TestConcurrentName(t *testing.T) {
	setConcurrentNameOperator()
	defer setNameOperator(&plainNames{names: map[*func()]string{}})
	h := func() {}
	setName(h, "test1")
	for i := 0; i < 50; i++ {
		go func() {
			if getName(h) != "test1" {
				t.Error("wrong name")
			}
		}()
	}
	time.Sleep(50 * time.Millisecond)
	go func() {
		setName(h, "test2")
	}()
	time.Sleep(50 * time.Millisecond)
}
