package limitations

import (
	"fmt"
	"maps"
	"strings"
)

// Object stands for k8s.io/apimachinery's runtime.Object.
type Object interface {
	GetObjectKind() string
}

const eventGroup = "event.toolkit.fluxcd.io"

type recorder struct {
	post func(reason, msg string, metadata map[string]string)
}

// Eventf records an event with no annotations of its own.
func (r *recorder) Eventf(object Object, eventtype, reason string, messageFmt string, args ...interface{}) {
	r.AnnotatedEventf(object, nil, eventtype, reason, messageFmt, args...)
}

// AnnotatedEventf is fluxcd/pkg's event recorder before
// https://github.com/fluxcd/pkg/pull/868 ("Fix panic on nil map entry
// assignment for custom event metadata"): maps.Clone of the nil that
// Eventf passes is nil, and the first event.toolkit.fluxcd.io annotation
// of the object panics. Gathered for stop 34's recall measure; a known
// miss: a nil passed to a parameter is followed only when the write
// depends on nothing but the parameters, and this one also depends on
// what the object's GetAnnotations returns (a call's result), which the
// caller passing nil may know to hold no such key.
func (r *recorder) AnnotatedEventf(object Object, inputAnnotations map[string]string, eventtype, reason string, messageFmt string, args ...interface{}) {
	// Add object annotations to the annotations.
	annotations := maps.Clone(inputAnnotations)
	if annotatedObject, ok := object.(interface{ GetAnnotations() map[string]string }); ok {
		for k, v := range annotatedObject.GetAnnotations() {
			if strings.HasPrefix(k, eventGroup+"/") {
				annotations[k] = v // known miss: the write depends on a call's result, not only on the parameters
			}
		}
	}
	r.post(reason, fmt.Sprintf(messageFmt, args...), annotations)
}

// AnnotatedEventfFixed is the fix: the map is made at the first write.
func (r *recorder) AnnotatedEventfFixed(object Object, inputAnnotations map[string]string, eventtype, reason string, messageFmt string, args ...interface{}) {
	annotations := maps.Clone(inputAnnotations)
	if annotatedObject, ok := object.(interface{ GetAnnotations() map[string]string }); ok {
		for k, v := range annotatedObject.GetAnnotations() {
			if strings.HasPrefix(k, eventGroup+"/") {
				if annotations == nil {
					annotations = make(map[string]string)
				}
				annotations[k] = v
			}
		}
	}
	r.post(reason, fmt.Sprintf(messageFmt, args...), annotations)
}

// EventfFixed calls the fixed recorder.
func (r *recorder) EventfFixed(object Object, eventtype, reason string, messageFmt string, args ...interface{}) {
	r.AnnotatedEventfFixed(object, nil, eventtype, reason, messageFmt, args...)
}
