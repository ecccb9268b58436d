package apis

import (
	"go/types"
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

	// Loggers whose fatal calls exit behind a condition or a hook that
	// ctrlflow cannot follow (the exit is documented, not provable).
	{"k8s.io/klog/v2", "", "Fatal", NoReturn, 0, "documented: logs to the FATAL log then calls os.Exit(255)"},
	{"k8s.io/klog/v2", "", "Fatalf", NoReturn, 0, "documented: logs to the FATAL log then calls os.Exit(255)"},
	{"k8s.io/klog/v2", "", "Fatalln", NoReturn, 0, "documented: logs to the FATAL log then calls os.Exit(255)"},
	{"k8s.io/klog/v2", "", "FatalDepth", NoReturn, 0, "documented: logs to the FATAL log then calls os.Exit(255)"},
	{"k8s.io/klog/v2", "", "Exit", NoReturn, 0, "documented: logs to the ERROR log then calls os.Exit(1)"},
	{"k8s.io/klog/v2", "", "Exitf", NoReturn, 0, "documented: logs to the ERROR log then calls os.Exit(1)"},
	{"k8s.io/klog/v2", "", "Exitln", NoReturn, 0, "documented: logs to the ERROR log then calls os.Exit(1)"},
	{"k8s.io/klog/v2", "", "ExitDepth", NoReturn, 0, "documented: logs to the ERROR log then calls os.Exit(1)"},
	{"github.com/golang/glog", "", "Fatal", NoReturn, 0, "documented: logs to the FATAL log then calls os.Exit(2)"},
	{"github.com/golang/glog", "", "Fatalf", NoReturn, 0, "documented: logs to the FATAL log then calls os.Exit(2)"},
	{"github.com/golang/glog", "", "Fatalln", NoReturn, 0, "documented: logs to the FATAL log then calls os.Exit(2)"},
	{"github.com/golang/glog", "", "Exit", NoReturn, 0, "documented: logs to the ERROR log then calls os.Exit(1)"},
	{"github.com/golang/glog", "", "Exitf", NoReturn, 0, "documented: logs to the ERROR log then calls os.Exit(1)"},
	{"github.com/golang/glog", "", "Exitln", NoReturn, 0, "documented: logs to the ERROR log then calls os.Exit(1)"},
	{"github.com/sirupsen/logrus", "", "Fatal", NoReturn, 0, "documented: logs at level Fatal then calls the logger's ExitFunc, os.Exit(1) unless a test replaced it"},
	{"github.com/sirupsen/logrus", "", "Fatalf", NoReturn, 0, "documented: logs at level Fatal then calls the logger's ExitFunc, os.Exit(1) unless a test replaced it"},
	{"github.com/sirupsen/logrus", "", "Fatalln", NoReturn, 0, "documented: logs at level Fatal then calls the logger's ExitFunc, os.Exit(1) unless a test replaced it"},
	{"github.com/sirupsen/logrus", "Logger", "Fatal", NoReturn, Recv, "documented: logs at level Fatal then calls the logger's ExitFunc, os.Exit(1) unless a test replaced it"},
	{"github.com/sirupsen/logrus", "Logger", "Fatalf", NoReturn, Recv, "documented: logs at level Fatal then calls the logger's ExitFunc, os.Exit(1) unless a test replaced it"},
	{"github.com/sirupsen/logrus", "Logger", "Fatalln", NoReturn, Recv, "documented: logs at level Fatal then calls the logger's ExitFunc, os.Exit(1) unless a test replaced it"},
	{"github.com/sirupsen/logrus", "Entry", "Fatal", NoReturn, Recv, "documented: logs at level Fatal then calls the logger's ExitFunc, os.Exit(1) unless a test replaced it"},
	{"github.com/sirupsen/logrus", "Entry", "Fatalf", NoReturn, Recv, "documented: logs at level Fatal then calls the logger's ExitFunc, os.Exit(1) unless a test replaced it"},
	{"github.com/sirupsen/logrus", "Entry", "Fatalln", NoReturn, Recv, "documented: logs at level Fatal then calls the logger's ExitFunc, os.Exit(1) unless a test replaced it"},
	{"go.uber.org/zap", "Logger", "Fatal", NoReturn, Recv, "documented: \"The logger then calls os.Exit(1), even if logging at FatalLevel is disabled\""},
	{"go.uber.org/zap", "SugaredLogger", "Fatal", NoReturn, Recv, "documented: logs then calls os.Exit, like Logger.Fatal"},
	{"go.uber.org/zap", "SugaredLogger", "Fatalf", NoReturn, Recv, "documented: logs then calls os.Exit, like Logger.Fatal"},
	{"go.uber.org/zap", "SugaredLogger", "Fatalw", NoReturn, Recv, "documented: logs then calls os.Exit, like Logger.Fatal"},
	{"go.uber.org/zap", "SugaredLogger", "Fatalln", NoReturn, Recv, "documented: logs then calls os.Exit, like Logger.Fatal"},
}

// NeverReturns reports whether call never returns: its callee is a row of
// the table with the NoReturn role, or a function that the ctrlflow analyzer
// (from its body, or from its package's facts) found never to return. cfgs
// is ctrlflow's result for the package that contains call; it may be nil.
func NeverReturns(cfgs *ctrlflow.CFGs, call *ssa.CallCommon) bool {
	fn := Callee(call)
	return fn != nil && FuncNeverReturns(cfgs, fn, call.IsInvoke())
}

// FuncNeverReturns reports whether a call of fn never returns, as
// NeverReturns does for an SSA call: for a call site in syntax, where
// dynamic says the call goes through an interface (ctrlflow's facts
// describe only the bodies of concrete functions).
func FuncNeverReturns(cfgs *ctrlflow.CFGs, fn *types.Func, dynamic bool) bool {
	fn = fn.Origin()
	if _, ok := Find(fn, NoReturn); ok {
		return true
	}
	return cfgs != nil && !dynamic && cfgs.NoReturn(fn)
}
