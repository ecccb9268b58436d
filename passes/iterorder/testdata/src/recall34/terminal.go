//go:build go1.23

package recall34

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
)

const (
	elementImage = iota
	elementLink
	elementBK
)

type element struct {
	url         string
	alt         string
	content     string
	elementType int
	bk          map[string]string
}

// asHTML is buildkite/terminal-to-html's element renderer before
// https://github.com/buildkite/terminal-to-html/pull/90 ("Guarantee the key
// sorting order of `<?bk key="value"?>` elements"): the attributes of a bk
// element are concatenated in map order, and the test covering it was
// flaky.
func (i *element) asHTML() string {
	if i.elementType == elementLink {
		content := i.content
		if content == "" {
			content = i.url
		}
		return fmt.Sprintf(`<a href="%s">%s</a>`, i.url, content)
	}

	if i.elementType == elementBK {
		output := `<?bk`
		for key, value := range i.bk { // want `keys concatenated onto output, which is returned unsorted`
			output = output + ` ` + key + `="` + strings.Replace(value, `"`, "&quot;", -1) + `"`
		}
		return output + `?>`
	}

	alt := i.alt
	if alt == "" {
		alt = i.url
	}
	return fmt.Sprintf(`<img alt="%s" src="%s">`, alt, i.url)
}

// asHTMLFixed is the fix: the keys are sorted, and the attributes written
// in their order.
func (i *element) asHTMLFixed() string {
	if i.elementType == elementBK {
		keys := make([]string, 0, len(i.bk))
		for key := range i.bk {
			keys = append(keys, key)
		}
		sort.Strings(keys)

		output := `<?bk`
		for _, key := range keys {
			output = output + ` ` + key + `="` + strings.Replace(i.bk[key], `"`, "&quot;", -1) + `"`
		}
		return output + `?>`
	}
	return fmt.Sprintf(`<img alt="%s" src="%s">`, i.alt, i.url)
}

type node struct {
	blob rune
	elem *element
}

type outputBuffer struct {
	buf bytes.Buffer
}

// outputLineAsHTML writes a line of the screen, with the HTML of its
// elements.
func outputLineAsHTML(line []node) string {
	var lineBuf outputBuffer
	for _, node := range line {
		if node.elem != nil {
			lineBuf.buf.WriteString(node.elem.asHTML())
		} else {
			lineBuf.buf.WriteRune(node.blob)
		}
	}
	return strings.TrimRight(lineBuf.buf.String(), " \t")
}

func outputLineAsHTMLFixed(line []node) string {
	var lineBuf outputBuffer
	for _, node := range line {
		if node.elem != nil {
			lineBuf.buf.WriteString(node.elem.asHTMLFixed())
		} else {
			lineBuf.buf.WriteRune(node.blob)
		}
	}
	return strings.TrimRight(lineBuf.buf.String(), " \t")
}

// Screen is the rendered terminal.
type Screen struct {
	screen [][]node
}

// AsHTML returns the screen as HTML, which the tests compare with fixed
// text.
func (s *Screen) AsHTML() []byte {
	var lines []string
	for _, line := range s.screen {
		lines = append(lines, outputLineAsHTML(line))
	}
	return []byte(strings.Join(lines, "\n"))
}

// AsHTMLFixed is AsHTML with the fixed elements.
func (s *Screen) AsHTMLFixed() []byte {
	var lines []string
	for _, line := range s.screen {
		lines = append(lines, outputLineAsHTMLFixed(line))
	}
	return []byte(strings.Join(lines, "\n"))
}
