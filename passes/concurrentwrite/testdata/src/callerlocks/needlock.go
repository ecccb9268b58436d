package callerlocks

import "sync"

// A lock taken by a closure that tests a parameter, several calls above
// the write (nats-server's filestore.go): removeMsg(seq, needFSLock) runs
// fsLock := func() { if needFSLock { fs.mu.Lock() } } and calls
// removeMsgFromBlock, which calls removeMsgBlock, which calls
// newMsgBlockForWrite, which calls addMsgBlock ("lock should be held"),
// which writes fs.bim. RemoveMsg passes true; Compact holds fs.mu and
// passes false. Every call of the chain holds fs.mu, though the meet of
// removeMsg's two paths holds nothing.

type msgBlock struct{ index uint32 }

type FileStore struct {
	mu  sync.Mutex
	bim map[uint32]*msgBlock
	lmb *msgBlock
}

func (fs *FileStore) removeMsg(seq uint32, needFSLock bool) bool {
	fsLock := func() {
		if needFSLock {
			fs.mu.Lock()
		}
	}
	fsUnlock := func() {
		if needFSLock {
			fs.mu.Unlock()
		}
	}
	fsLock()
	defer fsUnlock()
	return fs.removeMsgFromBlock(fs.lmb, seq)
}

func (fs *FileStore) removeMsgFromBlock(mb *msgBlock, seq uint32) bool {
	if mb == nil || mb.index != seq {
		return false
	}
	fs.removeMsgBlock(mb)
	if seq > 100 {
		fs.expireMsgs(seq - 100)
	}
	return true
}

// expireMsgs closes a cycle of calls (removeMsg, removeMsgFromBlock,
// expireMsgs, removeMsg), as nats-server's expiry paths do: it runs under
// fs.mu and passes needFSLock=false.
func (fs *FileStore) expireMsgs(seq uint32) {
	fs.removeMsg(seq, false)
}

// Both locks should be held.
func (fs *FileStore) removeMsgBlock(mb *msgBlock) {
	delete(fs.bim, mb.index)
	if mb == fs.lmb {
		fs.newMsgBlockForWrite()
	}
}

func (fs *FileStore) newMsgBlockForWrite() {
	fs.addMsgBlock(&msgBlock{index: fs.lmb.index + 1})
}

// Lock should be held.
func (fs *FileStore) addMsgBlock(mb *msgBlock) {
	fs.lmb = mb
	fs.bim[mb.index] = mb
}

func (fs *FileStore) RemoveMsg(seq uint32) bool { return fs.removeMsg(seq, true) }

func (fs *FileStore) Compact(seqs []uint32) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	for _, seq := range seqs {
		fs.removeMsg(seq, false)
	}
}

func (fs *FileStore) Blocks() int {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return len(fs.bim)
}

func (fs *FileStore) Add(mb *msgBlock) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	fs.bim[mb.index] = mb
}

func (fs *FileStore) Drop(i uint32) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	delete(fs.bim, i)
}

// The twin: one call passes needFSLock=false without the lock.

type FileStore2 struct {
	mu  sync.Mutex
	bim map[uint32]*msgBlock
	lmb *msgBlock
}

func (fs *FileStore2) removeMsg(seq uint32, needFSLock bool) bool {
	fsLock := func() {
		if needFSLock {
			fs.mu.Lock()
		}
	}
	fsUnlock := func() {
		if needFSLock {
			fs.mu.Unlock()
		}
	}
	fsLock()
	defer fsUnlock()
	return fs.removeMsgFromBlock(fs.lmb, seq)
}

func (fs *FileStore2) removeMsgFromBlock(mb *msgBlock, seq uint32) bool {
	if mb == nil || mb.index != seq {
		return false
	}
	fs.removeMsgBlock(mb)
	return true
}

func (fs *FileStore2) removeMsgBlock(mb *msgBlock) {
	delete(fs.bim, mb.index) // want `concurrent write to map fs.bim without fs.mu`
	if mb == fs.lmb {
		fs.newMsgBlockForWrite()
	}
}

func (fs *FileStore2) newMsgBlockForWrite() {
	fs.addMsgBlock(&msgBlock{index: fs.lmb.index + 1})
}

func (fs *FileStore2) addMsgBlock(mb *msgBlock) {
	fs.lmb = mb
	fs.bim[mb.index] = mb // want `concurrent write to map fs.bim without fs.mu`
}

func (fs *FileStore2) RemoveMsg(seq uint32) bool { return fs.removeMsg(seq, true) }

func (fs *FileStore2) RemoveMsgUnlocked(seq uint32) bool { return fs.removeMsg(seq, false) }

func (fs *FileStore2) Blocks() int {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return len(fs.bim)
}

func (fs *FileStore2) Add(mb *msgBlock) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	fs.bim[mb.index] = mb
}

func (fs *FileStore2) Drop(i uint32) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	delete(fs.bim, i)
}
