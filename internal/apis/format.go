package apis

import "strings"

// FormatVerbs returns, for each operand a fmt format consumes in order, the
// verb that consumes it ('*' for a width or precision taken from an
// operand), for the format of a Format row. It gives up (false) on
// explicit argument indexes (%[2]v).
func FormatVerbs(format string) ([]byte, bool) {
	var verbs []byte
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		for i++; i < len(format); i++ {
			ch := format[i]
			if ch == '[' {
				return nil, false
			}
			if ch == '*' {
				verbs = append(verbs, '*')
				continue
			}
			if strings.IndexByte("+-# 0.123456789", ch) >= 0 {
				continue // flags, width and precision
			}
			if ch != '%' {
				verbs = append(verbs, ch)
			}
			break
		}
	}
	return verbs, true
}
