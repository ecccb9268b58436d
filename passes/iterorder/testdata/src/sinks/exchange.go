package sinks

import (
	"fmt"
	"net/http"
)

// This file holds lists built in map order and then sorted by a
// hand-written exchange sort (exchange.go): two nested loops swapping two
// elements under a comparison of the two. The twins swap under a
// condition that does not compare the elements, or compare but do not
// swap.

// CurlHeaders is resty's shape (util_curl.go, dumpCurlHeaders): the
// headers collected in map order are bubble-sorted by name. Silent.
func CurlHeaders(req *http.Request) string {
	headers := [][2]string{}
	for k, vs := range req.Header {
		for _, v := range vs {
			headers = append(headers, [2]string{k, v})
		}
	}
	n := len(headers)
	for i := 0; i < n; i++ {
		for j := n - 1; j > i; j-- {
			jj := j - 1
			h1, h2 := headers[j], headers[jj]
			if h1[0] < h2[0] {
				headers[jj], headers[j] = headers[j], headers[jj]
			}
		}
	}
	return fmt.Sprint(headers)
}

// exchangeSort sorts its parameter by exchanges: a sorter.
func exchangeSort(s []string) { // want exchangeSort:`sorts 0`
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
}

// alternate swaps every other pair whatever the elements: no sort.
func alternate(s []string) {
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if j%2 == 0 {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
}

// PrintSortedByHand prints the keys after exchangeSort: silent.
func PrintSortedByHand(m map[string]int) {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	exchangeSort(out)
	fmt.Println(out)
}

// PrintAlternated prints the keys after alternate: reported.
func PrintAlternated(m map[string]int) {
	var out []string
	for k := range m { // want `result depends on map iteration order: keys appended to out, which is printed by fmt.Println unsorted`
		out = append(out, k)
	}
	alternate(out)
	fmt.Println(out)
}

// CurlCompared compares the names but only counts the inversions: no
// swap, no sort. Reported.
func CurlCompared(req *http.Request) string {
	names := []string{}
	for k := range req.Header { // want `result depends on map iteration order: keys appended to names, which is returned unsorted`
		names = append(names, k)
	}
	inv := 0
	for i := range names {
		for j := i + 1; j < len(names); j++ {
			if names[j] < names[i] {
				inv++
			}
		}
	}
	return fmt.Sprint(names, inv)
}
