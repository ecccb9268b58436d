// Package nilcaller writes into maps returned by nilhelper: Labels may
// return nil (a fact says so), Ensure and Clone are trusted.
package nilcaller

import "nilhelper"

func tag() map[string]string { // no fact: the write into l would panic before the return
	l := nilhelper.Labels()
	l["owner"] = "me" // want `write to map l, which is nil here: returned by nilhelper.Labels, which returns nil at nilhelper.go:11`
	return l
}

func checked() {
	l := nilhelper.Labels()
	if l == nil {
		l = map[string]string{}
	}
	l["owner"] = "me"
}

func ensured() {
	nilhelper.Ensure()["owner"] = "me"
	c := nilhelper.Clone(map[string]string{"a": "b"})
	c["owner"] = "me"
}

func merged(service string, extra map[string]string) map[string]string {
	out := nilhelper.Defaults(service)
	for k, v := range extra {
		out[k] = v // want `write to map out, which is nil here: returned by nilhelper.Defaults, which returns nil at nilhelper.go:36`
	}
	return out
}

func named(extra map[string]string) {
	out := nilhelper.Defaults("api")
	for k, v := range extra {
		out[k] = v // silent: the nil needs service == ""
	}
}

func checkedService(service string, extra map[string]string) {
	if service == "" {
		return
	}
	out := nilhelper.Defaults(service)
	for k, v := range extra {
		out[k] = v // silent: the caller checked service
	}
}
