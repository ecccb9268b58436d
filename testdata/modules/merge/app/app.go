// Package app merges labels into a map that may be nil.
package app

import "example.com/merge/lib"

// Labels returns the default labels of service with extra added.
func Labels(service string, extra map[string]string) map[string]string {
	out := lib.Defaults(service)
	for k, v := range extra {
		out[k] = v
	}
	return out
}
