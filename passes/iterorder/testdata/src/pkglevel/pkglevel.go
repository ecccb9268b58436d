// Package pkglevel checks that the loops of function literals in
// package-level variable initializers get the answers the same loops get
// in a declared function: sqlc's `var genCmd = &cobra.Command{RunE:
// func(...) error {...}}` (internal/cmd/cmd.go:210, judged FALSE at round
// 2 of stop 26) writes the generated files in map order and, at the first
// that fails, prints its name and returns the error: which failure is
// named is the only thing the order decides (the failure-path policy, see
// the package doc). The SSA functions of such literals are closures of
// the synthetic package initializer, which buildssa's SrcFuncs leaves
// out, so every path question (failing, dead) asked of them was answered
// no. The twins print on a path that goes on (reported), under a switch
// a user turns on, and in a loop whose first entry wins.
package pkglevel

import (
	"fmt"
	"io"
	"os"
	"strings"
)

// Command is a command line's command, in cobra's shape.
type Command struct {
	Use  string
	RunE func(stderr io.Writer, output map[string]string) error
}

const debug = false

var verbose bool

var genCmd = &Command{
	Use: "generate",
	RunE: func(stderr io.Writer, output map[string]string) error {
		for filename, source := range output {
			if err := os.WriteFile(filename, []byte(source), 0o644); err != nil {
				fmt.Fprintf(stderr, "%s: %s\n", filename, err)
				return err
			}
		}
		return nil
	},
}

var writeAll = func(stderr io.Writer, output map[string]string) error {
	for filename, source := range output {
		if err := os.WriteFile(filename, []byte(source), 0o644); err != nil {
			fmt.Fprintf(stderr, "%s: %s\n", filename, err)
			return err
		}
	}
	return nil
}

// A closure of a closure of the initializer.
var makeWriter = func() func(io.Writer, map[string]string) error {
	return func(stderr io.Writer, output map[string]string) error {
		for filename, source := range output {
			if err := os.WriteFile(filename, []byte(source), 0o644); err != nil {
				fmt.Fprintf(stderr, "%s: %s\n", filename, err)
				return err
			}
		}
		return nil
	}
}()

var debugCmd = &Command{
	Use: "debug",
	RunE: func(stderr io.Writer, output map[string]string) error {
		for filename := range output {
			if debug {
				fmt.Fprintln(stderr, filename)
			}
		}
		return nil
	},
}

var lenientCmd = &Command{
	Use: "lenient",
	RunE: func(stderr io.Writer, output map[string]string) error {
		for filename, source := range output { // want `keys written to stderr`
			if err := os.WriteFile(filename, []byte(source), 0o644); err != nil {
				fmt.Fprintf(stderr, "%s: %s\n", filename, err)
			}
		}
		return nil
	},
}

var verboseCmd = &Command{
	Use: "verbose",
	RunE: func(stderr io.Writer, output map[string]string) error {
		for filename := range output { // want `keys written to stderr`
			if verbose {
				fmt.Fprintln(stderr, filename)
			}
		}
		return nil
	},
}

var lowerCmd = &Command{
	Use: "lower",
	RunE: func(stderr io.Writer, output map[string]string) error {
		dst := make(map[string]string)
		for k := range output { // want `keys stored into dst only when absent, under a key several entries can share: the first visited wins`
			if _, ok := dst[strings.ToLower(k)]; !ok {
				dst[strings.ToLower(k)] = k
			}
		}
		return writeAll(stderr, dst)
	},
}

// Commands returns the commands, for the linker.
func Commands() []*Command {
	return []*Command{genCmd, debugCmd, lenientCmd, verboseCmd, lowerCmd, {RunE: makeWriter}}
}
