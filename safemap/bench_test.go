package safemap

import (
	"fmt"
	"maps"
	"testing"
)

// The benchmarks merge src into a nil dst three ways: PutAll (sized for
// src), a plain range loop into make(M), and maps.Copy into make(M).

func source(n int) map[string]int {
	m := make(map[string]int, n)
	for i := 0; i < n; i++ {
		m[fmt.Sprint("key", i)] = i
	}
	return m
}

var sizes = []int{8, 1024}

func BenchmarkPutAll(b *testing.B) {
	for _, n := range sizes {
		src := source(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				var dst map[string]int
				dst = PutAll(dst, src)
				_ = dst
			}
		})
	}
}

func BenchmarkRangeLoop(b *testing.B) {
	for _, n := range sizes {
		src := source(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				dst := make(map[string]int)
				for k, v := range src {
					dst[k] = v
				}
				_ = dst
			}
		})
	}
}

func BenchmarkMapsCopy(b *testing.B) {
	for _, n := range sizes {
		src := source(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				dst := make(map[string]int)
				maps.Copy(dst, src)
				_ = dst
			}
		})
	}
}
