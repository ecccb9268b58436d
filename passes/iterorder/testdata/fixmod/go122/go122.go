//go:build go1.22

// Package go122 is compiled as Go 1.22 (by its build constraint): the fix
// is the one for Go 1.21, binding the value the body reads.
package go122

import (
	"fmt"
	"io"
)

func Values(w io.Writer, m map[int64]string) {
	for _, v := range m { // want `values written to w`
		fmt.Fprintln(w, v)
	}
}
