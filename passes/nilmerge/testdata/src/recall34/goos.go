package recall34

import (
	"context"

	"github.com/micro/go-micro/metadata"
)

const (
	TraceHeader = "X-Micro-Trace-Id"
	SpanHeader  = "X-Micro-Span-Id"
)

type Span struct {
	Name    string
	Id      string
	TraceId string
}

func SpanToHeader(md metadata.Metadata, s *Span) {
	md[SpanHeader] = s.Id       // want `write to map md, which is nil here: md is passed a map that may be nil by this call to SpanToHeader \(returned by metadata.FromContext, which returns nil with a false ok at metadata.go:14\) at goos.go:40; no fix: md is a parameter: a map made here would leave the caller's map nil`
	md[TraceHeader] = s.TraceId // want `write to map md, which is nil here: md is passed a map that may be nil by this call to SpanToHeader`
}

type traceClient struct {
	newSpan func(*Span) *Span
	call    func(ctx context.Context, method string) error
}

// Call is micro/go-os's trace client wrapper before
// https://github.com/micro/go-os/pull/12 ("Tracing: create empty metadata if
// none is present"): a context without metadata gives a nil map, and
// setting the span's headers into it panics.
func (c *traceClient) Call(ctx context.Context, method string) error {
	md, _ := metadata.FromContext(ctx)
	span := c.newSpan(nil)
	span.Name = method

	// set headers
	SpanToHeader(md, span)

	// set context key
	newCtx := metadata.NewContext(ctx, md)
	return c.call(newCtx, method)
}

// CallFixed is the fix: an empty metadata when the context has none.
func (c *traceClient) CallFixed(ctx context.Context, method string) error {
	md, ok := metadata.FromContext(ctx)
	if !ok {
		md = metadata.Metadata{}
	}
	span := c.newSpan(nil)
	span.Name = method

	SpanToHeader(md, span)

	newCtx := metadata.NewContext(ctx, md)
	return c.call(newCtx, method)
}
