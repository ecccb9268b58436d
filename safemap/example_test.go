package safemap_test

import (
	"fmt"

	"github.com/maplint/maplint/safemap"
)

func ExamplePutAll() {
	var labels map[string]string // nil: labels["env"] = "prod" would panic
	labels = safemap.PutAll(labels, map[string]string{"env": "prod", "team": "maps"})
	fmt.Println(labels)
	// Output: map[env:prod team:maps]
}

func ExamplePutAll_emptySource() {
	var labels map[string]string
	labels = safemap.PutAll(labels, nil) // nothing to copy: no allocation
	fmt.Println(labels == nil)
	// Output: true
}
