package recall34

import (
	"context"
	"fmt"
	"strings"

	netv1 "k8s.io/api/networking/v1"
	"k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
)

const (
	toolkitReconcileKey   = "kustomize.toolkit.fluxcd.io/reconcile"
	helmDriftDetectionKey = "helm.toolkit.fluxcd.io/driftDetection"
	toolkitReconcileValue = "disabled"
)

type Canary struct {
	Name       string
	Namespace  string
	IngressRef string
}

type IngressRouter struct {
	kubeClient        kubernetes.Interface
	annotationsPrefix string
}

func (i *IngressRouter) GetAnnotationWithPrefix(suffix string) string {
	return fmt.Sprintf("%v/%v", i.annotationsPrefix, suffix)
}

// filterMetadata is fluxcd/flagger's pkg/router/util.go before
// https://github.com/fluxcd/flagger/pull/1437 (issue #1277, "Empty
// annotations cause IngressRouter to hit nil crash"): an Ingress read from
// the API server with no annotations has a nil map, and the write panics.
func filterMetadata(meta map[string]string) map[string]string {
	// prevent Flux from overriding Flagger managed objects
	meta[toolkitReconcileKey] = toolkitReconcileValue   // want `write to map meta, which is nil here: meta is passed a map that may be nil by this call to filterMetadata \(annotations is passed a map that may be nil by this call to makeAnnotations \(field Annotations of the object returned by v1.IngressInterface.Get \(copied by v1.Ingress.DeepCopy\), which leaves it nil when the object has none at flagger.go:63\) at flagger.go:76\) at flagger.go:48; no fix: meta is a parameter: a map made here would leave the caller's map nil`
	meta[helmDriftDetectionKey] = toolkitReconcileValue // want `write to map meta, which is nil here: meta is passed a map that may be nil by this call to filterMetadata`
	return meta
}

func (i *IngressRouter) makeAnnotations(annotations map[string]string) map[string]string {
	res := make(map[string]string)
	for k, v := range filterMetadata(annotations) {
		if !strings.Contains(k, i.GetAnnotationWithPrefix("canary")) &&
			!strings.Contains(k, "kubectl.kubernetes.io/last-applied-configuration") {
			res[k] = v
		}
	}

	res[i.GetAnnotationWithPrefix("canary")] = "false"

	return res
}

// Reconcile creates the canary ingress from the apex one.
func (i *IngressRouter) Reconcile(canary *Canary) error {
	canaryIngressName := fmt.Sprintf("%s-canary", canary.IngressRef)
	ingress, err := i.kubeClient.NetworkingV1().Ingresses(canary.Namespace).Get(context.TODO(), canary.IngressRef, metav1.GetOptions{})
	if err != nil {
		return fmt.Errorf("ingress %s.%s get query error: %w", canary.IngressRef, canary.Namespace, err)
	}

	ingressClone := ingress.DeepCopy()

	_, err = i.kubeClient.NetworkingV1().Ingresses(canary.Namespace).Get(context.TODO(), canaryIngressName, metav1.GetOptions{})
	if errors.IsNotFound(err) {
		ing := &netv1.Ingress{
			ObjectMeta: metav1.ObjectMeta{
				Name:        canaryIngressName,
				Namespace:   canary.Namespace,
				Annotations: i.makeAnnotations(ingressClone.Annotations),
				Labels:      ingressClone.Labels,
			},
			Spec: ingressClone.Spec,
		}

		_, err := i.kubeClient.NetworkingV1().Ingresses(canary.Namespace).Create(context.TODO(), ing, metav1.CreateOptions{})
		if err != nil {
			return fmt.Errorf("ingress %s.%s create error: %w", ing.Name, ing.Namespace, err)
		}
		return nil
	} else if err != nil {
		return fmt.Errorf("ingress %s.%s query error: %w", canaryIngressName, canary.Namespace, err)
	}
	return nil
}

// filterMetadataFixed is the fix: a nil map is left as it is.
func filterMetadataFixed(meta map[string]string) map[string]string { // want filterMetadataFixed:`returnsNil\(0@flagger.go:100 if p0 nil\)`
	if meta != nil {
		// prevent Flux from overriding Flagger managed objects
		meta[toolkitReconcileKey] = toolkitReconcileValue
		meta[helmDriftDetectionKey] = toolkitReconcileValue
	}
	return meta
}

func (i *IngressRouter) makeAnnotationsFixed(annotations map[string]string) map[string]string {
	res := make(map[string]string)
	for k, v := range filterMetadataFixed(annotations) {
		if !strings.Contains(k, i.GetAnnotationWithPrefix("canary")) {
			res[k] = v
		}
	}
	res[i.GetAnnotationWithPrefix("canary")] = "false"
	return res
}

// ReconcileFixed is Reconcile with the fixed filter.
func (i *IngressRouter) ReconcileFixed(canary *Canary) error {
	ingress, err := i.kubeClient.NetworkingV1().Ingresses(canary.Namespace).Get(context.TODO(), canary.IngressRef, metav1.GetOptions{})
	if err != nil {
		return err
	}
	ingressClone := ingress.DeepCopy()
	ing := &netv1.Ingress{
		ObjectMeta: metav1.ObjectMeta{
			Name:        canary.IngressRef + "-canary",
			Annotations: i.makeAnnotationsFixed(ingressClone.Annotations),
		},
		Spec: ingressClone.Spec,
	}
	_, err = i.kubeClient.NetworkingV1().Ingresses(canary.Namespace).Create(context.TODO(), ing, metav1.CreateOptions{})
	return err
}
