// Package nested writes to a map field of a struct held by value inside a
// local: the Kubernetes and options shape of argoproj-labs/argocd-commenter
// #613, FoundationDB/fdb-kubernetes-operator#2226 and chainguard-dev/apko
// #836, where the nil map is obj.Annotations of an embedded ObjectMeta, or
// bc.ImageConfiguration.Annotations. The local's allocation leaves the
// inner field nil as it does a field of its own. The silent twins set the
// inner struct, or the whole local, before the write.
package nested

import "encoding/json"

type ObjectMeta struct {
	Name        string
	Annotations map[string]string
}

// App embeds ObjectMeta: a.Annotations is a promoted field.
type App struct {
	ObjectMeta
	Spec string
}

type ImageConfiguration struct {
	Annotations map[string]string
}

type BuildContext struct {
	ImageConfiguration ImageConfiguration
}

func annotate() App {
	var a App
	a.Annotations["managed"] = "true" // want `write to map a.Annotations, which is nil here: field Annotations left unset by the value created`
	return a
}

func configure(k, v string) *BuildContext {
	bc := &BuildContext{}
	bc.ImageConfiguration.Annotations[k] = v // want `write to map bc.ImageConfiguration.Annotations, which is nil here: field Annotations left unset by the value created`
	return bc
}

func explicit() App {
	a := &App{}
	a.ObjectMeta.Annotations["k"] = "v" // want `write to map a.ObjectMeta.Annotations, which is nil here`
	return *a
}

// Silent twins.

func fromMeta(meta ObjectMeta) App {
	var a App
	a.ObjectMeta = meta
	a.Annotations["managed"] = "true"
	return a
}

func fromLiteral() App {
	a := App{ObjectMeta: ObjectMeta{Annotations: map[string]string{}}}
	a.Annotations["managed"] = "true"
	return a
}

func made() App {
	var a App
	a.Annotations = map[string]string{}
	a.Annotations["managed"] = "true"
	return a
}

func decoded(data []byte) (App, error) {
	var a App
	if err := json.Unmarshal(data, &a); err != nil {
		return a, err
	}
	if a.Annotations != nil {
		a.Annotations["managed"] = "true"
	}
	return a, nil
}

func whole(load func() App) App {
	var a App
	a = load()
	a.Annotations["managed"] = "true"
	return a
}
