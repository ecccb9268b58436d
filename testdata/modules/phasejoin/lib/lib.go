// Package lib is go-workflows' tester in small (see concurrentwrite's
// testdata phaseorder/joined): Execute's scheduleActivity starts a worker
// goroutine that reads t.mocked and hands its result to Execute on
// t.results; OnActivity writes t.mocked.
package lib

type Tester struct {
	mocked  map[string]bool
	results chan string
}

func New() *Tester {
	return &Tester{mocked: map[string]bool{}, results: make(chan string, 8)}
}

func (t *Tester) OnActivity(name string) { t.mocked[name] = true }

func (t *Tester) Execute(names ...string) {
	for _, n := range names {
		t.scheduleActivity(n)
		<-t.results
	}
}

func (t *Tester) scheduleActivity(name string) {
	go func() {
		r := "run"
		if t.mocked[name] {
			r = "mocked"
		}
		t.results <- r
	}()
}
