// Package propagation declares an interface whose Keys method says nothing
// about order, like OpenTelemetry's TextMapCarrier.
package propagation

type TextMapCarrier interface {
	Get(key string) string
	Keys() []string
}
