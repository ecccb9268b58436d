package callerlocks

import (
	"errors"
	"io"
	"sync"
)

// Twins of pebble.go's open whose helper runs after p is shared: the
// deferred closure that reads p is still there, but p also reaches a
// goroutine or a package variable before vfsInit fills the map. Reported.

type twinProvider struct {
	st    provSettings
	fsDir io.Closer

	mu struct {
		sync.RWMutex
		knownObjects map[string]int
	}
}

func (p *twinProvider) Add(n string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.mu.knownObjects[n] = 0
}

func (p *twinProvider) Lookup(n string) (int, bool) {
	p.mu.RLock()
	defer p.mu.RUnlock()
	v, ok := p.mu.knownObjects[n]
	return v, ok
}

func (p *twinProvider) Remove(n string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.mu.knownObjects, n)
}

// A closure that reads p is started as a goroutine before vfsInitGo.
func OpenTwinGo(st provSettings) (Provider, error) {
	p, err := openTwinGo(st)
	if err != nil {
		return nil, err
	}
	return p, nil
}

func openTwinGo(st provSettings) (p *twinProvider, _ error) {
	fsDir := st.dir
	if fsDir == nil {
		return nil, errors.New("no dir")
	}
	defer func() {
		if p == nil {
			fsDir.Close()
		}
	}()
	p = &twinProvider{st: st, fsDir: fsDir}
	p.mu.knownObjects = make(map[string]int)
	go func() { p.Add("watch") }()
	if err := p.vfsInitGo(); err != nil {
		return nil, err
	}
	return p, nil
}

func (p *twinProvider) vfsInitGo() error {
	for i, n := range p.st.listing {
		p.mu.knownObjects[n] = i // want `concurrent write to map p.mu.knownObjects without p.mu.RWMutex \(held: none\)`
	}
	return nil
}

// A goroutine is started with p before vfsInitSpawn.
func OpenTwinSpawn(st provSettings) (Provider, error) {
	p, err := openTwinSpawn(st)
	if err != nil {
		return nil, err
	}
	return p, nil
}

func openTwinSpawn(st provSettings) (p *twinProvider, _ error) {
	fsDir := st.dir
	if fsDir == nil {
		return nil, errors.New("no dir")
	}
	defer func() {
		if p == nil {
			fsDir.Close()
		}
	}()
	p = &twinProvider{st: st, fsDir: fsDir}
	p.mu.knownObjects = make(map[string]int)
	go p.watch()
	if err := p.vfsInitSpawn(); err != nil {
		return nil, err
	}
	return p, nil
}

func (p *twinProvider) vfsInitSpawn() error {
	for i, n := range p.st.listing {
		p.mu.knownObjects[n] = i // want `concurrent write to map p.mu.knownObjects \(held: none\); also accessed by the goroutine started in openTwinSpawn`
	}
	return nil
}

func (p *twinProvider) watch() { p.Add("watch") }

// A closure that reads p is stored in a package variable, which an
// exported function calls, before vfsInitHook.
var twinHook func()

func RunTwinHook() { twinHook() }

func OpenTwinHook(st provSettings) (Provider, error) {
	p, err := openTwinHook(st)
	if err != nil {
		return nil, err
	}
	return p, nil
}

func openTwinHook(st provSettings) (p *twinProvider, _ error) {
	fsDir := st.dir
	if fsDir == nil {
		return nil, errors.New("no dir")
	}
	defer func() {
		if p == nil {
			fsDir.Close()
		}
	}()
	p = &twinProvider{st: st, fsDir: fsDir}
	p.mu.knownObjects = make(map[string]int)
	twinHook = func() { p.Add("hook") }
	if err := p.vfsInitHook(); err != nil {
		return nil, err
	}
	return p, nil
}

func (p *twinProvider) vfsInitHook() error {
	for i, n := range p.st.listing {
		p.mu.knownObjects[n] = i // want `concurrent write to map p.mu.knownObjects without p.mu.RWMutex \(held: none\)`
	}
	return nil
}
