// This file exercises method calls on an interface held in a package
// variable (cloudwego/hertz v0.10.4's handler name operator): a spawner
// that installs an implementation before the spawn pins the calls of the
// goroutine to it (see dispatch.go), each shape with a reported twin.
package installed

import "sync"

// The hertz shape: the default is unlocked, a locked one is installed on
// demand.
type nameOperator interface {
	setName(h func(), name string)
	getName(h func()) string
}

var nameOp nameOperator

func init() { nameOp = &plainNames{names: map[*func()]string{}} }

func setNameOperator(o nameOperator) { nameOp = o }

func setConcurrentNameOperator() {
	setNameOperator(&lockedNames{names: map[*func()]string{}})
}

type plainNames struct{ names map[*func()]string }

func (o *plainNames) setName(h func(), name string) { o.names[&h] = name }
func (o *plainNames) getName(h func()) string       { return o.names[&h] }

type lockedNames struct {
	mu    sync.RWMutex
	names map[*func()]string
}

func (o *lockedNames) setName(h func(), name string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.names[&h] = name
}

func (o *lockedNames) getName(h func()) string {
	o.mu.RLock()
	defer o.mu.RUnlock()
	return o.names[&h]
}

func setName(h func(), name string) { nameOp.setName(h, name) }
func getName(h func()) string       { return nameOp.getName(h) }

// The same, for a spawner that installs the unlocked implementation.
type tagOperator interface {
	setTag(k, v string)
	getTag(k string) string
}

var tagOp tagOperator

func setTagOperator(o tagOperator) { tagOp = o }

type plainTags struct{ tags map[string]string }

func (o *plainTags) setTag(k, v string) {
	o.tags[k] = v // want `concurrent write to map o.tags \(held: none\); also accessed by the goroutines started in a loop in plainTagsRace`
}

func (o *plainTags) getTag(k string) string {
	return o.tags[k] // want `concurrent read of map o.tags \(held: none\); also written by the goroutine started in plainTagsRace`
}

type lockedTags struct {
	mu   sync.Mutex
	tags map[string]string
}

func (o *lockedTags) setTag(k, v string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.tags[k] = v
}

func (o *lockedTags) getTag(k string) string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.tags[k]
}

func useLockedTags() { setTagOperator(&lockedTags{tags: map[string]string{}}) }

// The default, set by init, is unlocked, and the spawner installs
// nothing.
type idOperator interface {
	setID(k string, id int)
	getID(k string) int
}

var idOp idOperator

func init() { idOp = &plainIDs{ids: map[string]int{}} }

type plainIDs struct{ ids map[string]int }

func (o *plainIDs) setID(k string, id int) {
	o.ids[k] = id // want `concurrent write to map o.ids \(held: none\); also accessed by the goroutines started in a loop in defaultIDsRace`
}

func (o *plainIDs) getID(k string) int {
	return o.ids[k] // want `concurrent read of map o.ids \(held: none\); also written by the goroutine started in defaultIDsRace`
}

type lockedIDs struct {
	mu  sync.Mutex
	ids map[string]int
}

func (o *lockedIDs) setID(k string, id int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.ids[k] = id
}

func (o *lockedIDs) getID(k string) int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.ids[k]
}

func useLockedIDs() { idOp = &lockedIDs{ids: map[string]int{}} }

// The spawner installs the unlocked implementation: reported.
func plainTagsRace() {
	setTagOperator(&plainTags{tags: map[string]string{}})
	defer useLockedTags()
	for i := 0; i < 50; i++ {
		go func() { _ = tagOp.getTag("a") }()
	}
	go func() { tagOp.setTag("a", "b") }()
}

// The spawner installs nothing: the unlocked default runs, reported.
func defaultIDsRace() {
	defer useLockedIDs()
	for i := 0; i < 50; i++ {
		go func() { _ = idOp.getID("a") }()
	}
	go func() { idOp.setID("a", 1) }()
}
