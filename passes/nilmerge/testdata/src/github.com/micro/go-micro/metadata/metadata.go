// Package metadata is a stub of github.com/micro/go-micro/metadata (2016):
// the request metadata carried in a context.
package metadata

import "context"

type metaKey struct{}

// Metadata is our way of representing request headers internally.
type Metadata map[string]string

func FromContext(ctx context.Context) (Metadata, bool) {
	md, ok := ctx.Value(metaKey{}).(Metadata)
	return md, ok
}

func NewContext(ctx context.Context, md Metadata) context.Context {
	return context.WithValue(ctx, metaKey{}, md)
}
