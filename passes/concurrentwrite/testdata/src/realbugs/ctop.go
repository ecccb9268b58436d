// bcicen/ctop#25, "Fatal error: concurrent map read and map write"
// (dockersource.go): NewDockerContainerSource started the Loop goroutine,
// which looks every container it is asked to refresh up in cm.containers
// (MustGet, through Get: the read of the crash's stack) and adds it when
// missing, then filled the same map itself (refreshAll) and started the
// event watcher, which deletes dead containers from it. No lock anywhere;
// release v0.4.1 added one around every access (the Docker connector's
// lock, CtopFixed below).
package realbugs

import (
	"sort"
	"strings"
	"sync"
)

type ctopContainer struct {
	Id    string
	meta  map[string]string
	state string
}

func newCtopContainer(id string) *ctopContainer {
	return &ctopContainer{Id: id, meta: make(map[string]string)}
}

type ctopContainers []*ctopContainer

func (a ctopContainers) Len() int           { return len(a) }
func (a ctopContainers) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }
func (a ctopContainers) Less(i, j int) bool { return a[i].Id < a[j].Id }

type ctopAPIContainer struct {
	ID    string
	Names []string
	State string
}

type ctopEvent struct{ Type, Action, ID string }

// ctopClient stands for the docker client.
type ctopClient struct {
	listed []ctopAPIContainer
	events chan *ctopEvent
}

func (c *ctopClient) ListContainers() []ctopAPIContainer { return c.listed }

func (c *ctopClient) InspectContainer(id string) *ctopAPIContainer {
	for i := range c.listed {
		if c.listed[i].ID == id {
			return &c.listed[i]
		}
	}
	return nil
}

type DockerContainerSource struct {
	client       *ctopClient
	containers   map[string]*ctopContainer
	needsRefresh chan string // container IDs requiring refresh
}

func NewDockerContainerSource(client *ctopClient) *DockerContainerSource {
	cm := &DockerContainerSource{
		client:       client,
		containers:   make(map[string]*ctopContainer),
		needsRefresh: make(chan string, 60),
	}
	go cm.Loop()
	cm.refreshAll()
	go cm.watchEvents()
	return cm
}

// Docker events watcher
func (cm *DockerContainerSource) watchEvents() {
	for e := range cm.client.events {
		if e.Type != "container" {
			continue
		}
		switch e.Action {
		case "start", "die", "pause", "unpause":
			cm.needsRefresh <- e.ID
		case "destroy":
			cm.delByID(e.ID)
		}
	}
}

func (cm *DockerContainerSource) refresh(c *ctopContainer) {
	insp := cm.client.InspectContainer(c.Id)
	// remove container if no longer exists
	if insp == nil {
		cm.delByID(c.Id)
		return
	}
	c.state = insp.State
}

// Mark all container IDs for refresh
func (cm *DockerContainerSource) refreshAll() {
	for _, i := range cm.client.ListContainers() {
		c := cm.MustGet(i.ID)
		c.state = i.State
		cm.needsRefresh <- c.Id
	}
}

func (cm *DockerContainerSource) Loop() { // want Loop:`reads\(\$0\.#1\),writes\(\$0\.#1\)`
	for id := range cm.needsRefresh {
		c := cm.MustGet(id)
		cm.refresh(c)
	}
}

// Get a single container, creating one anew if not existing
func (cm *DockerContainerSource) MustGet(id string) *ctopContainer { // want MustGet:`reads\(\$0\.#1\),writes\(\$0\.#1\)`
	c, ok := cm.Get(id)
	// append container struct for new containers
	if !ok {
		c = newCtopContainer(id)
		cm.containers[id] = c // want `concurrent write to map cm.containers \(held: none\); also accessed by \(\*DockerContainerSource\).MustGet`
	}
	return c
}

// Get a single container, by ID
func (cm *DockerContainerSource) Get(id string) (*ctopContainer, bool) { // want Get:`reads\(\$0\.#1\)`
	c, ok := cm.containers[id] // want `concurrent read of map cm.containers \(held: none\); also written by \(\*DockerContainerSource\).MustGet`
	return c, ok
}

// Remove containers by ID
func (cm *DockerContainerSource) delByID(id string) {
	delete(cm.containers, id) // want `concurrent write to map cm.containers \(held: none\); also accessed by \(\*DockerContainerSource\).MustGet`
}

// Return array of all containers, sorted by field
func (cm *DockerContainerSource) All() (containers ctopContainers) { // want All:`reads\(\$0\.#1\)`
	for _, c := range cm.containers { // want `concurrent read of map cm.containers \(held: none\); also written by the goroutine started in NewDockerContainerSource`
		containers = append(containers, c)
	}
	sort.Sort(containers)
	return containers
}

// use primary container name
func ctopShortName(name string) string {
	return strings.Replace(name, "/", "", 1)
}

// CtopFixed is the source after the fix: every access to containers holds
// cm.lock.
type CtopFixed struct {
	client       *ctopClient
	containers   map[string]*ctopContainer
	needsRefresh chan string
	lock         sync.RWMutex
}

func NewCtopFixed(client *ctopClient) *CtopFixed {
	cm := &CtopFixed{
		client:       client,
		containers:   make(map[string]*ctopContainer),
		needsRefresh: make(chan string, 60),
	}
	go cm.Loop()
	cm.refreshAll()
	go cm.watchEvents()
	return cm
}

func (cm *CtopFixed) watchEvents() {
	for e := range cm.client.events {
		if e.Type == "container" && e.Action == "destroy" {
			cm.delByID(e.ID)
		} else if e.Type == "container" {
			cm.needsRefresh <- e.ID
		}
	}
}

func (cm *CtopFixed) refresh(c *ctopContainer) {
	if insp := cm.client.InspectContainer(c.Id); insp == nil {
		cm.delByID(c.Id)
	}
}

func (cm *CtopFixed) refreshAll() {
	for _, i := range cm.client.ListContainers() {
		c := cm.MustGet(i.ID)
		cm.needsRefresh <- c.Id
	}
}

func (cm *CtopFixed) Loop() {
	for id := range cm.needsRefresh {
		cm.refresh(cm.MustGet(id))
	}
}

func (cm *CtopFixed) MustGet(id string) *ctopContainer {
	c, ok := cm.Get(id)
	if !ok {
		c = newCtopContainer(id)
		cm.lock.Lock()
		cm.containers[id] = c
		cm.lock.Unlock()
	}
	return c
}

func (cm *CtopFixed) Get(id string) (*ctopContainer, bool) {
	cm.lock.Lock()
	c, ok := cm.containers[id]
	cm.lock.Unlock()
	return c, ok
}

func (cm *CtopFixed) delByID(id string) {
	cm.lock.Lock()
	delete(cm.containers, id)
	cm.lock.Unlock()
}

func (cm *CtopFixed) All() (containers ctopContainers) {
	cm.lock.Lock()
	for _, c := range cm.containers {
		containers = append(containers, c)
	}
	sort.Sort(containers)
	cm.lock.Unlock()
	return containers
}
