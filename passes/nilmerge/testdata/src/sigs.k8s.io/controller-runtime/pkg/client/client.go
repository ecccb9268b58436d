// Package client is a stub of sigs.k8s.io/controller-runtime/pkg/client:
// Reader's Get fills obj from the API server (or the cache of it); Client
// embeds Reader, so a call through a Client is a call of Reader.Get.
package client

import (
	"context"

	"k8s.io/apimachinery/pkg/types"
)

type ObjectKey = types.NamespacedName

type Object interface {
	GetName() string
	GetAnnotations() map[string]string
	SetAnnotations(map[string]string)
}

type GetOption interface{}

type Reader interface {
	Get(ctx context.Context, key ObjectKey, obj Object, opts ...GetOption) error
}

type Writer interface {
	Create(ctx context.Context, obj Object) error
	Update(ctx context.Context, obj Object) error
}

type Client interface {
	Reader
	Writer
}
