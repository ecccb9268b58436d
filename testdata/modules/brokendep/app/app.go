// Package app imports a package with a type error and has a finding of its
// own: a merge into a map that is nil when service is empty.
package app

import "example.com/brokendep/broken"

// Labels returns the default labels of service with extra added.
func Labels(service string, extra map[string]string) map[string]string {
	var out map[string]string
	if service != "" {
		out = broken.Defaults(service)
	}
	for k, v := range extra {
		out[k] = v
	}
	return out
}
