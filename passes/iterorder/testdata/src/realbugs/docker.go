package realbugs

import "strings"

type Volume struct{ Labels map[string]string }

type volumeContext struct{ v Volume }

// Labels is docker/cli's volume formatter before
// https://github.com/docker/cli/pull/6954 ("formatter: Sort labels for
// stable output"): `docker volume ls --format '{{.Labels}}'` printed the
// labels in map order. A method listing its own collection is silent, but
// this one returns text, which is output.
func (c *volumeContext) Labels() string {
	if c.v.Labels == nil {
		return ""
	}

	var joinLabels []string
	for k, v := range c.v.Labels { // want `keys appended to joinLabels, which is returned unsorted`
		joinLabels = append(joinLabels, k+"="+v)
	}
	return strings.Join(joinLabels, ",")
}
