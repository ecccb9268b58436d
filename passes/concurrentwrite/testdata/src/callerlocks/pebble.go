package callerlocks

import (
	"errors"
	"io"
	"sync"
)

// The shape of pebble v1.1.5's objstorage/objstorageprovider (provider.go's
// open, vfs.go's vfsInit, remote.go's remoteInit): open has a named result
// p, assigned with p = &provider{...} and read by a deferred closure, so
// go/ssa keeps p in a cell the closure captures, and `return p, nil` stores
// the cell's own value back into it (*t1 = *t1); vfsInit and remoteInit fill
// p.mu.knownObjects before p is returned, and the exported Open hands p out
// behind an interface. The helpers run before anyone else has p: silent.

type Provider interface {
	Add(n string)
}

type provSettings struct {
	dir     io.Closer
	listing []string
	tracing bool
}

type provider struct {
	st     provSettings
	fsDir  io.Closer
	tracer *int

	mu struct {
		sync.RWMutex
		localObjectsChanged bool
		knownObjects        map[string]int
		protectedObjects    map[string]int
	}
}

const tracingEnabled = false

func openTracer(st provSettings) *int { return new(int) }

func OpenProvider(st provSettings) (Provider, error) {
	p, err := openProvider(st)
	if err != nil {
		return nil, err
	}
	return p, nil
}

func openProvider(st provSettings) (p *provider, _ error) {
	fsDir := st.dir
	if fsDir == nil {
		return nil, errors.New("no dir")
	}

	defer func() {
		if p == nil {
			fsDir.Close()
		}
	}()

	p = &provider{
		st:    st,
		fsDir: fsDir,
	}
	p.mu.knownObjects = make(map[string]int)
	p.mu.protectedObjects = make(map[string]int)

	if tracingEnabled {
		p.tracer = openTracer(st)
	}

	if err := p.vfsInit(); err != nil {
		return nil, err
	}
	if err := p.remoteInit(); err != nil {
		return nil, err
	}
	return p, nil
}

func (p *provider) vfsInit() error {
	for i, n := range p.st.listing {
		p.mu.knownObjects[n] = i
	}
	return nil
}

func (p *provider) remoteInit() error {
	for i, n := range p.st.listing {
		p.mu.knownObjects[n+"/remote"] = i
	}
	return nil
}

func (p *provider) Add(n string) { p.addMetadata(n, 0) }

func (p *provider) Remove(n string) { p.removeMetadata(n) }

func (p *provider) Lookup(n string) (int, bool) {
	p.mu.RLock()
	defer p.mu.RUnlock()
	v, ok := p.mu.knownObjects[n]
	return v, ok
}

func (p *provider) List() []string {
	p.mu.RLock()
	defer p.mu.RUnlock()
	res := make([]string, 0, len(p.mu.knownObjects))
	for n := range p.mu.knownObjects {
		res = append(res, n)
	}
	return res
}

func (p *provider) addMetadata(n string, v int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.mu.knownObjects[n] = v
	p.mu.localObjectsChanged = true
}

func (p *provider) removeMetadata(n string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, ok := p.mu.knownObjects[n]; !ok {
		return
	}
	delete(p.mu.knownObjects, n)
	p.mu.localObjectsChanged = true
}
