// Package broken does not type-check; its importer, package app, must still
// be analysed, with the types that could be checked.
package broken

// Defaults returns the default labels of a service.
func Defaults(service string) map[string]string {
	return map[string]string{"service": service}
}

// Port is ill-typed.
func Port() int { return "8080" }

// Client's type is invalid: its initializer names nothing. go/types records
// no type for an expression that uses it, and go/ssa cannot build one.
var Client = undefinedClient
