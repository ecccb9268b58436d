// Package joined is cschleiden/go-workflows v1.2.0's tester (tester.go) in
// its original shape: OnActivity registers a mocked activity in
// wt.mockedActivities, and Execute runs the workflow under test, whose
// scheduleActivity starts one goroutine per activity that reads the map and
// ends by sending its result on wt.callbacks, which Execute's loop
// receives. Every caller in the module mocks before it executes. Execute's
// receive does not order a goroutine whose result it never receives (the
// workflow may finish with an activity still running), so the pairing is
// decided where the tester is used (phaseorder/joineduse): a call of
// OnActivity after Execute on the same tester is reported there.
package joined

import "sync/atomic"

type workflowTester[TResult any] struct {
	mockedActivities  map[string]bool
	callbacks         chan func() string
	pending           []string
	finished          bool
	runningActivities int32
}

func NewWorkflowTester[TResult any]() *workflowTester[TResult] {
	return &workflowTester[TResult]{mockedActivities: map[string]bool{}, callbacks: make(chan func() string, 1024)}
}

// OnActivity registers a mock activity.
func (wt *workflowTester[TResult]) OnActivity(name string) { // want OnActivity:`after\(\(\*workflowTester\[TResult\]\).scheduleActivity\),after\(\(\*workflowTester\[TResult\]\).Execute\)` OnActivity:`writes\(\$0\.#0\)`
	wt.mockedActivities[name] = true
}

// Execute executes the workflow under test.
func (wt *workflowTester[TResult]) Execute(activities ...string) {
	wt.pending = activities
	for !wt.finished {
		gotNewEvents := false
		for _, a := range wt.pending {
			gotNewEvents = true
			wt.scheduleActivity(a)
		}
		wt.pending = nil
		for !wt.finished && !gotNewEvents {
			select {
			case callback := <-wt.callbacks:
				if callback() == "" {
					wt.finished = true
				}
				gotNewEvents = true
			}
		}
	}
}

func (wt *workflowTester[TResult]) scheduleActivity(name string) {
	atomic.AddInt32(&wt.runningActivities, 1)
	go func() {
		defer atomic.AddInt32(&wt.runningActivities, -1)
		result := "executed"
		if wt.mockedActivities[name] {
			result = "mocked"
		}
		wt.callbacks <- func() string { return result }
	}()
}

// The twins, reported where they are defined.

// asyncTester's Start returns as soon as the activities are scheduled:
// nothing of the package waits for the goroutines' results.
type asyncTester struct {
	mockedActivities map[string]bool
	callbacks        chan string
}

func NewAsyncTester() *asyncTester {
	return &asyncTester{mockedActivities: map[string]bool{}, callbacks: make(chan string, 16)}
}

func (at *asyncTester) OnActivity(name string) { // want OnActivity:`writes\(\$0\.#0\)`
	at.mockedActivities[name] = true // want `concurrent write to map at.mockedActivities \(held: none\); also accessed by the goroutine started in \(\*asyncTester\).scheduleActivity`
}

func (at *asyncTester) Start(activities ...string) {
	for _, a := range activities {
		at.scheduleActivity(a)
	}
}

func (at *asyncTester) scheduleActivity(name string) {
	go func() {
		result := "executed"
		if at.mockedActivities[name] { // want `concurrent read of map at.mockedActivities \(held: none\); also written by \(\*asyncTester\).OnActivity`
			result = "mocked"
		}
		at.callbacks <- result
	}()
}

// Results receives what the goroutines send, but no call of the spawner
// is followed by it.
func (at *asyncTester) Results() string { return <-at.callbacks }

// twoSendTester's goroutine tells that it started before it reads the map:
// a receive orders only what came before the send it received, which may
// be the first.
type twoSendTester struct {
	mockedActivities map[string]bool
	callbacks        chan string
}

func NewTwoSendTester() *twoSendTester {
	return &twoSendTester{mockedActivities: map[string]bool{}, callbacks: make(chan string, 16)}
}

func (tt *twoSendTester) OnActivity(name string) { // want OnActivity:`writes\(\$0\.#0\)`
	tt.mockedActivities[name] = true // want `concurrent write to map tt.mockedActivities \(held: none\); also accessed by the goroutine started in \(\*twoSendTester\).scheduleActivity`
}

func (tt *twoSendTester) Execute(activities ...string) {
	for _, a := range activities {
		tt.scheduleActivity(a)
		<-tt.callbacks
	}
}

func (tt *twoSendTester) scheduleActivity(name string) {
	go func() {
		tt.callbacks <- "started"
		result := "executed"
		if tt.mockedActivities[name] { // want `concurrent read of map tt.mockedActivities \(held: none\); also written by \(\*twoSendTester\).OnActivity`
			result = "mocked"
		}
		tt.callbacks <- result
	}()
}

// ifaceTester's spawner is also a method of an interface of the package
// (any method of that name is: an unexported method is named by its own
// package only, and no use of the types is followed):
// a call through the interface (Kick) is not seen as a use of the method,
// so not every call of it is known to be waited for.
type ifaceTester struct {
	mockedActivities map[string]bool
	callbacks        chan string
}

type dispatcher interface{ dispatch(name string) }

func NewIfaceTester() *ifaceTester {
	return &ifaceTester{mockedActivities: map[string]bool{}, callbacks: make(chan string, 16)}
}

func (it *ifaceTester) OnActivity(name string) { // want OnActivity:`writes\(\$0\.#0\)`
	it.mockedActivities[name] = true // want `concurrent write to map it.mockedActivities \(held: none\); also accessed by the goroutine started in \(\*ifaceTester\).dispatch`
}

func (it *ifaceTester) Execute(activities ...string) {
	for _, a := range activities {
		it.dispatch(a)
		<-it.callbacks
	}
}

func Kick(s dispatcher) { s.dispatch("kick") }

func (it *ifaceTester) dispatch(name string) {
	go func() {
		result := "executed"
		if it.mockedActivities[name] { // want `concurrent read of map it.mockedActivities \(held: none\); also written by \(\*ifaceTester\).OnActivity`
			result = "mocked"
		}
		it.callbacks <- result
	}()
}

// valueTester's Execute waits for each result, but Prefetch hands the
// spawner on as a method value: what calls it is not seen, so not every
// call is known to be waited for.
type valueTester struct {
	mockedActivities map[string]bool
	callbacks        chan string
}

func NewValueTester() *valueTester {
	return &valueTester{mockedActivities: map[string]bool{}, callbacks: make(chan string, 16)}
}

func (vt *valueTester) OnActivity(name string) { // want OnActivity:`writes\(\$0\.#0\)`
	vt.mockedActivities[name] = true // want `concurrent write to map vt.mockedActivities \(held: none\); also accessed by the goroutine started in \(\*valueTester\).scheduleActivity`
}

func (vt *valueTester) Execute(activities ...string) {
	for _, a := range activities {
		vt.scheduleActivity(a)
		<-vt.callbacks
	}
}

func (vt *valueTester) Prefetch(activities ...string) {
	apply(vt.scheduleActivity, activities)
}

func apply(f func(string), names []string) {
	for _, n := range names {
		f(n)
	}
}

func (vt *valueTester) scheduleActivity(name string) {
	go func() {
		result := "executed"
		if vt.mockedActivities[name] { // want `concurrent read of map vt.mockedActivities \(held: none\); also written by \(\*valueTester\).OnActivity`
			result = "mocked"
		}
		vt.callbacks <- result
	}()
}
