package apis

import "strings"

// ParseNames parses a pass option that lists qualified names, separated
// by commas, into a set (-iterorder.orderfree's pkg.Type,
// -concurrentwrite.setup's path.Type.Method): the contracts of a user's
// own libraries, which the table cannot know, as the user states them.
// Blanks around a name and empty items are ignored.
func ParseNames(list string) map[string]bool {
	m := make(map[string]bool)
	for _, name := range strings.Split(list, ",") {
		if name = strings.TrimSpace(name); name != "" {
			m[name] = true
		}
	}
	return m
}
