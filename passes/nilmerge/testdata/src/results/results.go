// Package results exercises nil maps in any result position (issue 11,
// item 2) and nil maps returned with an error whose branch does not leave
// (item 6), each beside a silent twin.
package results

import (
	"errors"
	"log"
)

func two() (map[string]int, map[string]int) { // want two:`returnsNil\(1@results.go:12\)`
	return make(map[string]int), nil
}

func second(k string) {
	_, m := two()
	m[k] = 1 // want `write to map m, which is nil here: returned by two, which returns nil at results.go:12`
}

func first(k string) {
	m, _ := two()
	m[k] = 1
}

func lookup(name string) (map[string]int, bool) { // want lookup:`returnsNil\(0@results.go:27 with false ok if p0=="" true\)`
	if name == "" {
		return nil, false
	}
	return map[string]int{}, true
}

func commaOk(name string) {
	m, _ := lookup(name) // the ok that says m is nil is dropped (micro/go-os#12)
	m["x"] = 1           // want `write to map m, which is nil here: returned by lookup, which returns nil with a false ok at results.go:27`
}

var errNotFound = errors.New("not found")

func readConfig(path string) (map[string]string, error) { // want readConfig:`returnsNil\(0@results.go:41 with error if p0=="" true\)`
	if path == "" {
		return nil, errNotFound
	}
	return map[string]string{"path": path}, nil
}

func logsAndGoesOn(path string) map[string]string {
	cfg, err := readConfig(path)
	if err != nil {
		log.Printf("using defaults: %v", err)
	}
	cfg["loaded"] = "yes" // want `write to map cfg, which is nil here: returned by readConfig, which returns nil at results.go:41`
	return cfg
}

func logsAndReturns(path string) map[string]string {
	cfg, err := readConfig(path)
	if err != nil {
		log.Printf("using defaults: %v", err)
		return nil
	}
	cfg["loaded"] = "yes"
	return cfg
}

func logsAndAssigns(path string) map[string]string {
	cfg, err := readConfig(path)
	if err != nil {
		log.Printf("using defaults: %v", err)
		cfg = map[string]string{}
	}
	cfg["loaded"] = "yes"
	return cfg
}

func logsAndDies(path string) map[string]string {
	cfg, err := readConfig(path)
	if err != nil {
		log.Fatalf("no config: %v", err)
	}
	cfg["loaded"] = "yes"
	return cfg
}

func loop(paths []string) {
	for _, p := range paths {
		cfg, err := readConfig(p)
		if err != nil {
			continue
		}
		cfg["loaded"] = "yes"
	}
}

func loopTwin(paths []string) {
	for _, p := range paths {
		cfg, err := readConfig(p)
		if err != nil {
			log.Print(err)
		}
		cfg["loaded"] = "yes" // want `write to map cfg, which is nil here: returned by readConfig, which returns nil at results.go:41`
	}
}
