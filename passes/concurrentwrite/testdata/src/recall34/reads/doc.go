// Package reads holds the fresh fixed races of recall34 (the parent
// package's doc) whose racing access is a read only: the writes hold the
// map's lock, the read does not. The default instance reports such a read
// only as a fast path (or next to a goroutine's unlocked write), so this
// package runs with -concurrentwrite.reads.
package reads
