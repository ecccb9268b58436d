package goroutines

// The twins of goroutinesilent/iteration.go: the spawner touches the map
// in the same iteration, after the spawn, or the map is one for every
// iteration.

type brokerLoad struct {
	List map[string]int
}

func loadAll(m map[string]int, out chan<- int) {
	for k := range m {
		delete(m, k) // want `concurrent write to map m \(held: none\)`
	}
	out <- 1
}

func ListThenCheck(byBroker map[int]brokerLoad) {
	out := make(chan int, len(byBroker))
	for _, l := range byBroker {
		go loadAll(l.List, out)
		if len(l.List) > 0 { // want `concurrent read of map l.List \(held: none\).*; no fix: which lock should guard l\.List is a design decision$`
			println("pending")
		}
	}
	for range byBroker {
		<-out
	}
}

func loadAll2(m map[string]int, out chan<- int) {
	for k := range m { // want `concurrent read of map m \(held: none\)`
		delete(m, k) // want `concurrent write to map m \(held: none\)`
	}
	out <- 1
}

// SharedAcross hands the same map to every iteration's goroutine, and
// fills it before each spawn.
func SharedAcross(keys []string) {
	out := make(chan int, len(keys))
	m := make(map[string]int)
	for _, k := range keys {
		m[k] = 1 // want `concurrent write to map m \(held: none\).*; no fix: m is also accessed through another name, where a new mutex would not be in scope$`
		go loadAll2(m, out)
	}
	for range keys {
		<-out
	}
}
