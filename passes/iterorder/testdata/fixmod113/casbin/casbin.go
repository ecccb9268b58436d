// Package casbin is casbin v2.135.0's frontend.go and model.ToText in a
// Go 1.13 module (casbin's go.mod says go 1.13): loops over an entry of a
// map of maps (model["p"], model[sec]), an index expression, that use the
// key only. Go 1.13 has neither maps.Keys nor slices.Sort: the fix stores
// the entry in a variable, where the range evaluated it, collects its keys
// and sorts them with sort.Strings; the two loops of frontend.go, in one
// block, get names of their own, so that both fixes can be applied. A loop
// over a variable (Policies) needs no such variable.
package casbin

import (
	"encoding/json"
	"fmt"
	"strings"
)

type Assertion struct{ Value string }

type AssertionMap map[string]*Assertion

type Model map[string]AssertionMap

func (model Model) GetPolicy(sec, ptype string) ([][]string, error) { return nil, nil }

type Enforcer struct{ model Model }

func (e *Enforcer) GetModel() Model { return e.model }

// CasbinJsGetPermissionForUser is frontend.go's.
func CasbinJsGetPermissionForUser(e *Enforcer, user string) (string, error) {
	model := e.GetModel()
	m := map[string]interface{}{}

	pRules := [][]string{}
	for ptype := range model["p"] { // want `keys appended to pRules`
		policies, err := model.GetPolicy("p", ptype)
		if err != nil {
			return "", err
		}
		for _, rules := range policies {
			pRules = append(pRules, append([]string{ptype}, rules...))
		}
	}
	m["p"] = pRules

	gRules := [][]string{}
	for ptype := range model["g"] { // want `keys appended to gRules`
		policies, err := model.GetPolicy("g", ptype)
		if err != nil {
			return "", err
		}
		for _, rules := range policies {
			gRules = append(gRules, append([]string{ptype}, rules...))
		}
	}
	m["g"] = gRules

	b, err := json.Marshal(m)
	return string(b), err
}

// ToText is model.go's: the loops in a closure, one reading the value
// through model[sec][ptype] (the key only is bound).
func (model Model) ToText() string {
	s := strings.Builder{}
	writeString := func(sec string) {
		for ptype := range model[sec] { // want `keys written to s`
			value := model[sec][ptype].Value
			s.WriteString(fmt.Sprintf("%s = %s\n", sec, value))
		}
	}
	writeString("r")
	if _, ok := model["g"]; ok {
		for ptype := range model["g"] { // want `keys written to s`
			s.WriteString(fmt.Sprintf("%s = %s\n", ptype, model["g"][ptype].Value))
		}
	}
	return s.String()
}

// Policies ranges over a variable, which the fix reads again for the
// value (model[sec]).
func Policies(model Model) {
	for sec, am := range model { // want `keys printed by fmt.Println`
		fmt.Println(sec, len(am))
	}
}
