package apiserver

import (
	"strings"

	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/cache"
)

// The shape of ray-project/kuberay#1715 (ray-operator/main.go, v1.0): the
// manager's options are a literal whose Cache leaves DefaultNamespaces
// out, and a single watched namespace is written into it. (The same
// write in the loop over several namespaces is not reported: a loop's
// header ends the walk.)

type logger struct{}

func (logger) Info(msg string, kv ...any) {}

var setupLog logger

func managerOptions(scheme *int, watchNamespace string) ctrl.Options {
	options := ctrl.Options{
		Cache: cache.Options{
			Scheme: scheme,
		},
		Scheme:           scheme,
		LeaderElectionID: "ray-operator-leader",
	}
	watchNamespaces := strings.Split(watchNamespace, ",")
	if len(watchNamespaces) == 1 {
		if watchNamespaces[0] == "" {
			setupLog.Info("Flag watchNamespace is not set. Watch custom resources in all namespaces.")
		} else {
			setupLog.Info("Only watch custom resources in the namespace.", "namespace", watchNamespaces[0])
			options.Cache.DefaultNamespaces[watchNamespaces[0]] = cache.Config{} // want `write to map options.Cache.DefaultNamespaces, which is nil here: field DefaultNamespaces left unset by the value created`
		}
	} else {
		setupLog.Info("Only watch custom resources in multiple namespaces.", "namespaces", watchNamespaces)
		for _, namespace := range watchNamespaces {
			options.Cache.DefaultNamespaces[namespace] = cache.Config{} // a known miss: in a loop
		}
	}
	return options
}

// Twin: the fix, the literal makes the map.
func managerOptionsFixed(scheme *int, watchNamespace string) ctrl.Options {
	options := ctrl.Options{
		Cache: cache.Options{
			DefaultNamespaces: map[string]cache.Config{},
		},
		Scheme: scheme,
	}
	if watchNamespace != "" {
		setupLog.Info("Only watch custom resources in the namespace.", "namespace", watchNamespace)
		options.Cache.DefaultNamespaces[watchNamespace] = cache.Config{}
	}
	return options
}
