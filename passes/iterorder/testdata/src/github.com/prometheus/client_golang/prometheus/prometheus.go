// Package prometheus is a stub of the client library's Metric type.
package prometheus

type Metric interface{ Desc() string }
