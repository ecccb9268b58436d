// Package apiserver writes into map fields of objects read from a
// Kubernetes API server with controller-runtime's client: Get leaves a
// map field nil when the object has none (ObjectMeta.Annotations of a
// ConfigMap nobody annotated), and the write panics.
package apiserver

import (
	ctx "context"
	"reflect"

	corev1 "k8s.io/api/core/v1"
	k8serrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

// The shape of FoundationDB/fdb-kubernetes-operator#2226 (controllers/
// update_config_map.go and controllers/controllers.go, v1.x): the existing
// ConfigMap is read with the client's Get, its ObjectMeta is handed to
// mergeAnnotations, which hands its Annotations to mergeMap, which writes
// target[key] = value. The nil crosses two helpers' parameters.

type FoundationDBCluster struct {
	metav1.ObjectMeta
}

type FoundationDBClusterReconciler struct {
	client.Client
}

type requeue struct {
	curError error
}

type updateConfigMap struct{}

func getConfigMap(cluster *FoundationDBCluster) (*corev1.ConfigMap, error) {
	return &corev1.ConfigMap{
		ObjectMeta: metav1.ObjectMeta{Name: cluster.Name + "-config", Namespace: cluster.Namespace, Annotations: map[string]string{"fdb": "yes"}},
		Data:       map[string]string{},
	}, nil
}

func (u updateConfigMap) reconcile(r *FoundationDBClusterReconciler, context ctx.Context, cluster *FoundationDBCluster) *requeue {
	configMap, err := getConfigMap(cluster)
	if err != nil {
		return &requeue{curError: err}
	}
	existing := &corev1.ConfigMap{}
	err = r.Get(context, types.NamespacedName{Namespace: configMap.Namespace, Name: configMap.Name}, existing)
	if err != nil && k8serrors.IsNotFound(err) {
		err = r.Create(context, configMap)
		if err != nil {
			return &requeue{curError: err}
		}
		return nil
	} else if err != nil {
		return &requeue{curError: err}
	}

	metadataCorrect := true
	if !reflect.DeepEqual(existing.ObjectMeta.Labels, configMap.ObjectMeta.Labels) {
		existing.ObjectMeta.Labels = configMap.ObjectMeta.Labels
		metadataCorrect = false
	}

	if mergeAnnotations(&existing.ObjectMeta, configMap.ObjectMeta) {
		metadataCorrect = false
	}

	if !reflect.DeepEqual(existing.Data, configMap.Data) || !metadataCorrect {
		existing.Data = configMap.Data
		err = r.Update(context, existing)
		if err != nil {
			return &requeue{curError: err}
		}
	}
	return nil
}

// mergeAnnotations merges the annotations specified by the operator into
// an object's metadata.
func mergeAnnotations(target *metav1.ObjectMeta, desired metav1.ObjectMeta) bool {
	return mergeMap(target.Annotations, desired.Annotations)
}

// mergeMap merges a map into another map.
func mergeMap(target map[string]string, desired map[string]string) bool {
	changed := false
	for key, value := range desired {
		if target[key] != value {
			target[key] = value // want `write to map target, which is nil here: target is passed a map that may be nil by this call to mergeMap \(target.Annotations is nil at this call to mergeAnnotations \(field Annotations fetched by client.Reader.Get, which leaves it nil when the object has none at fdb.go:51\) at fdb.go:68\) at fdb.go:85; no fix: target is a parameter`
			changed = true
		}
	}
	return changed
}
