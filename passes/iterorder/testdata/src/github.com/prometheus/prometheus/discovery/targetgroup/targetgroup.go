// Package targetgroup is a stub of Prometheus's target groups.
package targetgroup

import "github.com/prometheus/common/model"

type Group struct {
	Targets []model.LabelSet
	Labels  model.LabelSet
	Source  string
}
