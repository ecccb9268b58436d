package apis

import (
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/ssa"
)

// noReturnRows: calls that end the goroutine or the program, where the
// ctrlflow analyzer cannot see it from a body: interface methods, and the
// intrinsics its own list covers are not repeated here.
var noReturnRows = []Row{
	{"testing", "TB", "Fatal", NoReturn, Recv, "documented: equivalent to Log followed by FailNow, which calls runtime.Goexit"},
	{"testing", "TB", "Fatalf", NoReturn, Recv, "documented: equivalent to Logf followed by FailNow"},
	{"testing", "TB", "FailNow", NoReturn, Recv, "documented: stops the test's goroutine by calling runtime.Goexit"},
	{"testing", "TB", "Skip", NoReturn, Recv, "documented: equivalent to Log followed by SkipNow"},
	{"testing", "TB", "Skipf", NoReturn, Recv, "documented: equivalent to Logf followed by SkipNow"},
	{"testing", "TB", "SkipNow", NoReturn, Recv, "documented: stops the test's goroutine by calling runtime.Goexit"},
}

// NeverReturns reports whether call never returns: its callee is a row of
// the table with the NoReturn role, or a function that the ctrlflow analyzer
// (from its body, or from its package's facts) found never to return. cfgs
// is ctrlflow's result for the package that contains call; it may be nil.
func NeverReturns(cfgs *ctrlflow.CFGs, call *ssa.CallCommon) bool {
	fn := Callee(call)
	if fn == nil {
		return false
	}
	if _, ok := Find(fn, NoReturn); ok {
		return true
	}
	return cfgs != nil && !call.IsInvoke() && cfgs.NoReturn(fn)
}
