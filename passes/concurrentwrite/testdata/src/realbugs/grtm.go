// scottkiss/grtm#1, "fatal error: concurrent map read and map write":
// StopLoopGoroutine looked the goroutine's channel up in grchannels
// without the mutex that register and unregister hold, while the
// goroutines that NewLoopGoroutine starts register and unregister
// themselves (the reporter's fix took the lock around the lookup). The
// loop goroutine's own lookups of its channel race the same way.
package realbugs

import (
	"fmt"
	"math/rand"
	"strconv"
	"strings"
	"sync"
)

const STOP = "__P:"

type GoroutineChannel struct {
	gid  uint64
	name string
	msg  chan string
}

type GoroutineChannelMap struct {
	mutex      sync.Mutex
	grchannels map[string]*GoroutineChannel
}

func (m *GoroutineChannelMap) unregister(name string) error {
	m.mutex.Lock()
	defer m.mutex.Unlock()
	if _, ok := m.grchannels[name]; !ok {
		return fmt.Errorf("goroutine channel not find: %q", name)
	}
	delete(m.grchannels, name)
	return nil
}

func (m *GoroutineChannelMap) register(name string) error {
	gchannel := &GoroutineChannel{gid: uint64(rand.Int63()), name: name}
	gchannel.msg = make(chan string)
	m.mutex.Lock()
	defer m.mutex.Unlock()
	if m.grchannels == nil {
		m.grchannels = make(map[string]*GoroutineChannel)
	} else if _, ok := m.grchannels[gchannel.name]; ok {
		return fmt.Errorf("goroutine channel already defined: %q", gchannel.name)
	}
	m.grchannels[gchannel.name] = gchannel
	return nil
}

type GrManager struct {
	grchannelMap *GoroutineChannelMap
}

func NewGrManager() *GrManager {
	return &GrManager{grchannelMap: &GoroutineChannelMap{}}
}

func (gm *GrManager) StopLoopGoroutine(name string) error {
	stopChannel, ok := gm.grchannelMap.grchannels[name] // want `concurrent read of map gm.grchannelMap.grchannels without gm.grchannelMap.mutex \(held: none\)`
	if !ok {
		return fmt.Errorf("not found goroutine name :" + name)
	}
	gm.grchannelMap.grchannels[name].msg <- STOP + strconv.Itoa(int(stopChannel.gid)) // want `concurrent read of map gm.grchannelMap.grchannels without gm.grchannelMap.mutex.*; no fix: the access is in a send statement, which may block holding gm\.grchannelMap\.mutex$`
	return nil
}

func (gm *GrManager) NewLoopGoroutine(name string, fc interface{}, args ...interface{}) {
	go func(this *GrManager, n string, fc interface{}, args ...interface{}) {
		if err := this.grchannelMap.register(n); err != nil {
			return
		}
		for {
			select {
			case info := <-this.grchannelMap.grchannels[name].msg: // want `concurrent read of map this.grchannelMap.grchannels without this.grchannelMap.mutex`
				taskInfo := strings.Split(info, ":")
				signal, gid := taskInfo[0], taskInfo[1]
				if gid == strconv.Itoa(int(this.grchannelMap.grchannels[name].gid)) { // want `concurrent read of map this.grchannelMap.grchannels without this.grchannelMap.mutex`
					if signal == "__P" {
						_ = this.grchannelMap.unregister(name)
						return
					}
				}
			default:
			}
			if len(args) == 1 {
				fc.(func(interface{}))(args[0])
			} else {
				fc.(func())()
			}
		}
	}(gm, name, fc, args...)
}

// The fixed version: every lookup takes the lock (an RWMutex, as in the
// fix), through one getter.

type grChannelMapFixed struct {
	mutex      sync.RWMutex
	grchannels map[string]*GoroutineChannel
}

func (m *grChannelMapFixed) get(name string) (*GoroutineChannel, bool) {
	m.mutex.RLock()
	defer m.mutex.RUnlock()
	c, ok := m.grchannels[name]
	return c, ok
}

func (m *grChannelMapFixed) register(name string) {
	m.mutex.Lock()
	defer m.mutex.Unlock()
	m.grchannels[name] = &GoroutineChannel{name: name, msg: make(chan string)}
}

func (m *grChannelMapFixed) unregister(name string) {
	m.mutex.Lock()
	defer m.mutex.Unlock()
	delete(m.grchannels, name)
}

type GrManagerFixed struct {
	grchannelMap *grChannelMapFixed
}

func (gm *GrManagerFixed) StopLoopGoroutine(name string) error {
	c, ok := gm.grchannelMap.get(name)
	if !ok {
		return fmt.Errorf("not found goroutine name :" + name)
	}
	c.msg <- STOP + strconv.Itoa(int(c.gid))
	return nil
}

func (gm *GrManagerFixed) NewLoopGoroutine(name string, fc func()) {
	go func() {
		gm.grchannelMap.register(name)
		c, _ := gm.grchannelMap.get(name)
		for {
			select {
			case <-c.msg:
				gm.grchannelMap.unregister(name)
				return
			default:
			}
			fc()
		}
	}()
}
