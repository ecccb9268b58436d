package callerlocks

import "sync"

// A call that passes a fresh object and holds a lock the callee cannot
// name says nothing of the callee's locks, like any call whose locks the
// callee cannot name. nats-server's raft.InstallSnapshot holds n's lock,
// builds a checkpoint c whose field n is n, and calls
// c.n.installSnapshot(snap) on a fresh snap; every other caller of
// installSnapshot holds n's lock under its own name, so the helpers it
// calls (votingMemberLocked, resetPendingEntries: "lock should be held")
// run under it. grpc's priority balancer has the same shape: its
// UpdateClientConnState holds b.mu and configures a child it has just
// built (cb.updateConfig), which reaches b again through cb.parent.

type Node struct {
	sync.RWMutex
	peers map[int]int
}

type checkpoint struct {
	n    *Node
	term int
}

type snapshot struct{ index int }

func (n *Node) AddPeer(id int) {
	n.Lock()
	defer n.Unlock()
	n.peers[id] = id
}

func (n *Node) checkpointLocked() *checkpoint {
	return &checkpoint{n: n, term: len(n.peers)}
}

func (n *Node) InstallSnapshot(index int) {
	n.Lock()
	defer n.Unlock()
	c := n.checkpointLocked()
	c.n.installSnapshot(&snapshot{index: index})
}

func (n *Node) ApplyCommit(index int) {
	n.Lock()
	defer n.Unlock()
	n.installSnapshot(&snapshot{index: index})
}

func (n *Node) installSnapshot(snap *snapshot) {
	if n.votingMemberLocked() {
		snap.index++
	}
}

func (n *Node) votingMemberLocked() bool {
	return n.peers[0] != 0
}

// The twin: one caller installs a fresh snapshot without the lock.

type Node2 struct {
	sync.RWMutex
	peers map[int]int
}

type checkpoint2 struct {
	n    *Node2
	term int
}

func (n *Node2) AddPeer(id int) {
	n.Lock()
	defer n.Unlock()
	n.peers[id] = id
}

func (n *Node2) checkpointLocked() *checkpoint2 {
	return &checkpoint2{n: n, term: len(n.peers)}
}

func (n *Node2) InstallSnapshot(index int) {
	n.Lock()
	defer n.Unlock()
	c := n.checkpointLocked()
	c.n.installSnapshot(&snapshot{index: index})
}

func (n *Node2) ApplyCommit(index int) {
	n.installSnapshot(&snapshot{index: index})
}

func (n *Node2) installSnapshot(snap *snapshot) {
	if n.votingMemberLocked() {
		snap.index++
	}
}

func (n *Node2) votingMemberLocked() bool {
	return n.peers[0] != 0 // want `concurrent read of map n.peers without n.RWMutex`
}

// grpc's shape: the parent holds its lock, builds a child and configures
// it; the child calls back into the parent, which reads its children.

type Priority struct {
	mu       sync.Mutex
	children map[string]*child
}

type child struct {
	parent *Priority
	name   string
}

func newChild(name string, parent *Priority) *child {
	return &child{parent: parent, name: name}
}

func (b *Priority) Update(names []string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, name := range names {
		if _, ok := b.children[name]; ok {
			continue
		}
		cb := newChild(name, b)
		cb.configure()
		b.children[name] = cb
	}
}

func (cb *child) configure() {
	cb.parent.handleUpdate(cb.name)
}

func (b *Priority) Run(name string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.handleUpdate(name)
}

func (b *Priority) handleUpdate(name string) {
	if c, ok := b.children[name]; ok {
		c.name = name
	}
}

// The twin: the child is configured after the parent's lock is released.

type Priority2 struct {
	mu       sync.Mutex
	children map[string]*child2
}

type child2 struct {
	parent *Priority2
	name   string
}

func newChild2(name string, parent *Priority2) *child2 {
	return &child2{parent: parent, name: name}
}

func (b *Priority2) Update(name string) {
	b.mu.Lock()
	cb := newChild2(name, b)
	b.children[name] = cb
	b.mu.Unlock()
	cb.configure()
}

func (cb *child2) configure() {
	cb.parent.handleUpdate(cb.name)
}

func (b *Priority2) Run(name string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.handleUpdate(name)
}

func (b *Priority2) handleUpdate(name string) {
	if c, ok := b.children[name]; ok { // want `concurrent read of map b.children without b.mu`
		c.name = name
	}
}
