// Package model is a stub of Prometheus's label sets.
package model

type LabelName string
type LabelValue string
type LabelSet map[LabelName]LabelValue
