// This file holds iterorder's example: results built in map iteration order,
// which changes from run to run.
package example

import "fmt"

// Names returns the keys of ages, in random order: nothing sorts them.
func Names(ages map[string]int) []string {
	var names []string
	for name := range ages {
		names = append(names, name)
	}
	return names
}

// Print prints ages, in random order.
func Print(ages map[string]int) {
	for name, age := range ages {
		fmt.Println(name, age)
	}
}
