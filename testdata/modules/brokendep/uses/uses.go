// Package uses calls a method of a variable whose type its ill-typed
// dependency left invalid: go/types records no type for the call, and
// go/ssa panics building it ("no type for *ast.CallExpr"). maplint must
// skip the package's analysis, quietly (the dependency's error explains
// it), not crash. otel's sdk/trace/tracetest example_test.go, run outside
// its multi-module repository, has this shape.
package uses

import "example.com/brokendep/broken"

// Open starts the client.
func Open() error {
	_, err := broken.Client.Start()
	return err
}
