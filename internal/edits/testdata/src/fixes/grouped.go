// This file has a grouped import without maps, and nests the loop deeper.
package fixes

import (
	"fmt"
	"strings"
)

func g(dst, src map[string]int) {
	if true {
		for k, v := range src { // want "copy loop"
			dst[k] = v
		}
	}
	fmt.Println(strings.ToUpper("x"))
}
