// Package errgroup is a stub of golang.org/x/sync/errgroup for the tests:
// only the API matters to the pass.
package errgroup

import (
	"context"
	"sync"
)

type Group struct{ wg sync.WaitGroup }

func (g *Group) Go(f func() error) { g.wg.Add(1); go func() { defer g.wg.Done(); f() }() }

func (g *Group) TryGo(f func() error) bool { g.Go(f); return true }

func (g *Group) Wait() error { g.wg.Wait(); return nil }

func WithContext(ctx context.Context) (*Group, context.Context) { return &Group{}, ctx }
