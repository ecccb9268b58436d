// Package noreturnopt exercises -nilmerge.noreturn: the test names
// noreturnopt.Logger.Fatalf, an interface method no table can know never
// returns, so the branch that calls it ends its path; Errorf goes on.
package noreturnopt

import "errors"

type Logger interface {
	Fatalf(format string, args ...any)
	Errorf(format string, args ...any)
}

func load(path string) (map[string]string, error) { // want load:`returnsNil\(0@noreturnopt.go:15 with error if p0=="" true\)`
	if path == "" {
		return nil, errors.New("no path")
	}
	return map[string]string{}, nil
}

func fatal(log Logger, path string) {
	cfg, err := load(path)
	if err != nil {
		log.Fatalf("load: %v", err)
	}
	cfg["loaded"] = "yes"
}

func goesOn(log Logger, path string) {
	cfg, err := load(path)
	if err != nil {
		log.Errorf("load: %v", err)
	}
	cfg["loaded"] = "yes" // want `write to map cfg, which is nil here: returned by load, which returns nil at noreturnopt.go:15`
}
