package apis

// errorRows: functions whose error is never nil. A function that returns
// one has failed there (concurrentwrite: a start that returns it spawned
// nothing).
var errorRows = []Row{
	{"errors", "", "New", NonNilError, Recv, "returns &errorString{text}: \"Each call to New returns a distinct error value even if the text is identical\""},
	{"fmt", "", "Errorf", NonNilError, Recv, "returns a new error built from the format (an *errorString-like value, or a *wrapError or *wrapErrors for %w), never nil"},
}
