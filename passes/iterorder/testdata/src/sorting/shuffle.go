package sorting

import (
	"fmt"
	"math/rand"
)

// randomPickAddresses is cometbft v1.0.1's addrbook (p2p/pex, unseen round
// 7): the addresses are collected from the buckets in map order, then
// shuffled before the pick. The pick is random by design; map order does
// not survive the shuffle.
func randomPickAddresses(buckets []map[string]string, num int) []string { // want randomPickAddresses:`sortedresult`
	total := 0
	for _, bucket := range buckets {
		total += len(bucket)
	}
	addresses := make([]string, 0, total)
	for _, bucket := range buckets {
		for _, ka := range bucket {
			addresses = append(addresses, ka)
		}
	}
	rand.Shuffle(total, func(i, j int) {
		addresses[i], addresses[j] = addresses[j], addresses[i]
	})
	if len(addresses) > num {
		addresses = addresses[:num]
	}
	return addresses
}

// ShuffleOther shuffles another slice: the one it prints keeps map order.
func ShuffleOther(m map[string]string, other []string) {
	var out []string
	for _, v := range m { // want `values appended to out, which is printed by fmt.Println unsorted`
		out = append(out, v)
	}
	rand.Shuffle(len(other), func(i, j int) {
		other[i], other[j] = other[j], other[i]
	})
	fmt.Println(out)
}

// NotASwap permutes nothing: its function only reads.
func NotASwap(m map[string]string) {
	var out []string
	for _, v := range m { // want `values appended to out, which is printed by fmt.Println unsorted`
		out = append(out, v)
	}
	n := 0
	rand.Shuffle(len(out), func(i, j int) {
		n += len(out[i]) + len(out[j])
	})
	fmt.Println(out, n)
}
