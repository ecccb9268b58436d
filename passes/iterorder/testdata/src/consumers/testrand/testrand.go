// Package testrand is a helper of a test generator that draws random
// values (go-ethereum's internal/testrand): its RandomFacts make a map loop
// that calls it random by design in another package.
package testrand

import (
	"math/rand"
	"time"
)

var prng = rand.New(rand.NewSource(time.Now().UnixNano()))

type Hash [4]byte

// Bytes returns a buffer that prng filled.
func Bytes(n int) []byte { // want Bytes:`random`
	r := make([]byte, n)
	prng.Read(r)
	return r
}

// Hash returns what Bytes returns, converted.
func NewHash() Hash { // want NewHash:`random`
	var h Hash
	copy(h[:], Bytes(len(h)))
	return toHash(Bytes(len(h)))
}

func toHash(b []byte) (h Hash) {
	copy(h[:], b)
	return h
}

// Jittered draws a random number but returns its argument: not random.
func Jittered(n int) int {
	time.Sleep(time.Duration(prng.Intn(10)))
	return n
}
