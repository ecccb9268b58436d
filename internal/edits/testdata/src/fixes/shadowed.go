// In this file maps is already imported, but a local variable shadows it.
package fixes

import "maps"

var _ = maps.Clone[map[int]int]

func h(dst, src map[string]int) {
	maps := 1
	_ = maps
	for k, v := range src { // want "copy loop"
		dst[k] = v
	}
}
