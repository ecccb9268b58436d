// This file holds iterorder's example: results built in map iteration order,
// which changes from run to run.
package example

import "fmt"

// Names returns the names in ages.
func Names(ages map[string]int) []string {
	var names []string
	for name := range ages {
		names = append(names, name)
	}
	return names
}

// Print prints every name in ages with its age.
func Print(ages map[string]int) {
	for name, age := range ages {
		fmt.Println(name, age)
	}
}
