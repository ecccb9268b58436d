// Package apis is maplint's one table of knowledge about APIs: which calls
// write or read a map, return nil maps, decode into maps, fetch objects
// whose map fields a server leaves nil, sort, print, hash, encode, start
// goroutines, wait for them, lock, never return, or consume items in any
// order. Every pass reads it; no pass keeps a matcher of its own.
//
// A row names a function or method by its full identity — package path,
// receiver type name ("" for a package-level function; the interface's name
// for an interface method) and name — the role it plays, the argument the
// role concerns, and the reason it holds. Nothing is keyed on a bare name:
// (*log.Logger).Fatal never returns, a method named Fatal of another type
// tells us nothing (whether it returns is decided from its body, by the
// ctrlflow analyzer's facts; see NeverReturns).
//
// Arguments are numbered as in the Go call: 0 is the first argument after
// the receiver, and Recv (-1) is the receiver itself. Arg maps that number to
// the SSA value for static and interface calls alike.
//
// The table is built once, at package initialisation, and never written
// after: it is safe to read from analyzers running concurrently.
//
// Rows are grouped by role in files of this package (maps.go, sorts.go,
// concurrency.go, ...): add a row to the file of its role, with its reason.
package apis
