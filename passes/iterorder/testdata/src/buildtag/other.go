//go:build !linux

// This file is excluded on linux: its loop is never analysed there.
package buildtag

import "fmt"

func Print(m map[string]int) {
	for k := range m {
		fmt.Println(k)
	}
}
