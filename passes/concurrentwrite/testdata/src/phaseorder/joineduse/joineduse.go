// Package joineduse uses phaseorder/joined's tester as go-workflows' own
// tests and samples do (samples/simple/simple_test.go: OnActivity, then
// Execute), and once the other way round.
package joineduse

import "phaseorder/joined"

func TestWorkflow() {
	wft := joined.NewWorkflowTester[string]()
	wft.OnActivity("Activity1")
	wft.OnActivity("Activity2")
	wft.Execute("Activity1", "Activity2")
}

// A tester per iteration is set up before it runs.
func TestTable(cases []string) {
	for _, c := range cases {
		wft := joined.NewWorkflowTester[int]()
		wft.OnActivity(c)
		wft.Execute(c)
	}
}

// Mocking after Execute races the goroutines of an activity whose result
// Execute did not wait for.
func TestMockLate() {
	wft := joined.NewWorkflowTester[string]()
	wft.Execute("Activity1")
	wft.OnActivity("Activity1") // want `workflowTester.OnActivity called after \(\*workflowTester\[TResult\]\).Execute started its goroutine on the same object`
}
