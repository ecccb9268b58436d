package silent

// Which entry a program names when it stops at the first that fails
// does not depend on a result: the outcome, an exit, is the same in any
// order (opa's generate-extended-cases, which prints the first invalid
// glob pattern and calls os.Exit(1)), as for a loop that returns an error.

import (
	"fmt"
	"os"
	"strings"
)

func CheckPatterns(exceptions map[string]string) {
	for pattern := range exceptions {
		if strings.Contains(pattern, "[") {
			fmt.Printf("invalid glob pattern %q\n", pattern)
			os.Exit(1)
		}
	}
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, format, args...)
	os.Exit(2)
}

// Through a helper that never returns (ctrlflow's fact), or a panic.
func CheckNames(names map[string]bool) {
	for n := range names {
		if n == "" {
			continue
		}
		if strings.ContainsAny(n, " \t") {
			fmt.Println("bad name:", n)
			fail("%s has spaces\n", n)
		}
		if len(n) > 64 {
			fmt.Println("too long:", n)
			panic("name too long")
		}
	}
}
