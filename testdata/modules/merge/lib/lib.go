// Package lib has a helper that returns a nil map for an unknown name; the
// finding in package app needs the fact that nilmerge exports about it.
package lib

// Defaults returns the default labels of a service, or nil when it has none.
func Defaults(service string) map[string]string {
	if service == "" {
		return nil
	}
	return map[string]string{"service": service}
}
