package sinks

import (
	"bytes"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
)

// The body of an HTTP request leaves the program whole (the Send rows of
// internal/apis): a list built in map order and sent in one request is
// received in that order (higakikeita/tfdrift-falco#388). A reader made of
// the bytes (bytes.NewReader, strings.NewReader) yields them in order.

type pathItem struct{ Path string }

func PostPaths(files map[string]string) error {
	var items []pathItem
	for p := range files { // want `keys appended to items, which is sent as a request body by http.Post unsorted`
		items = append(items, pathItem{Path: p})
	}
	body, err := json.Marshal(items)
	if err != nil {
		return err
	}
	_, err = http.Post("http://example.com/paths", "application/json", bytes.NewReader(body))
	return err
}

func RequestNames(c *http.Client, m map[string]int) error {
	var b strings.Builder
	for k := range m { // want `keys written to b, which is sent as a request body by http.NewRequest unsorted`
		b.WriteString(k)
		b.WriteByte('\n')
	}
	req, err := http.NewRequest(http.MethodPost, "http://example.com/names", strings.NewReader(b.String()))
	if err != nil {
		return err
	}
	_, err = c.Do(req)
	return err
}

// Silent twins.

// One request per entry: each body holds one entry, in no order.
func PostEach(c *http.Client, files map[string]string) {
	for p, content := range files {
		c.Post("http://example.com/"+p, "text/plain", strings.NewReader(content))
	}
}

// The list is sorted before it is sent.
func PostPathsSorted(files map[string]string) error {
	var paths []string
	for p := range files {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	body, err := json.Marshal(paths)
	if err != nil {
		return err
	}
	_, err = http.Post("http://example.com/paths", "application/json", bytes.NewReader(body))
	return err
}
