package goroutinesilent

// A map whose root the loop makes anew each time round is another map in
// the next iteration: the spawner's accesses there do not meet the last
// goroutine's (franz-go v1.22.3, pkg/kgo/consumer.go: listOrEpoch starts a
// goroutine on each broker's load.List and load.Epoch, and tests the next
// broker's with len). The twins, where the same iteration touches the map
// after the spawn, are in goroutines/iteration.go.

type brokerLoad struct {
	List  map[string]int
	Epoch map[string]int
}

func loadAll(m map[string]int, out chan<- int) {
	for k := range m {
		delete(m, k)
	}
	out <- 1
}

func ListOrEpoch(byBroker map[int]brokerLoad) {
	out := make(chan int, 2*len(byBroker))
	issued := 0
	for _, l := range byBroker {
		if len(l.List) > 0 {
			issued++
			go loadAll(l.List, out)
		}
		if len(l.Epoch) > 0 {
			issued++
			go loadAll(l.Epoch, out)
		}
	}
	for i := 0; i < issued; i++ {
		<-out
	}
}

// FreshPerKey makes, fills and hands over one map per key.
func FreshPerKey(keys []string) {
	out := make(chan int, len(keys))
	for _, k := range keys {
		m := make(map[string]int)
		m[k] = 1
		go loadAll(m, out)
	}
	for range keys {
		<-out
	}
}

// FreshStruct allocates the holder of the map in each iteration.
func FreshStruct(keys []string) {
	out := make(chan int, len(keys))
	for _, k := range keys {
		l := &brokerLoad{List: map[string]int{}}
		l.List[k] = 1
		go loadAll(l.List, out)
	}
	for range keys {
		<-out
	}
}
