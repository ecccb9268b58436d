// anacrolix/torrent v1.62.0, tracker/server/server.go:
// augmentPeersFromUpstream starts a goroutine that waits on
// pendingUpstreams, then ranges over peersToTrack, and one that writes
// peersToTrack for each upstream's answer, then calls pendingUpstreams.Done:
// each Done synchronizes before the return of the Wait it unblocks, so the
// writes happen before the reads. Silent, as the common form (a writer
// that defers Done, a waiter that ranges after Wait) and W.Go are; the
// twins each break the order once.
package unseenraces

import (
	"fmt"
	"sync"
	"time"
)

type Peer struct{ ID string }

func (p Peer) String() string { return p.ID }

type PeerInfo struct{ addr string }

type AnnounceHandler struct {
	UpstreamTrackers []func() []Peer
	mu               sync.Mutex
	ongoing          map[[20]byte]struct{}
}

type augmentationOperation struct {
	curPeers       chan map[PeerInfo]struct{}
	finalPeers     map[PeerInfo]struct{}
	doneAnnouncing chan struct{}
}

func (me *AnnounceHandler) augmentPeersFromUpstream(infoHash [20]byte) augmentationOperation {
	peersChan := make(chan []Peer)
	var pendingUpstreams sync.WaitGroup
	for i := range me.UpstreamTrackers {
		client := me.UpstreamTrackers[i]
		pendingUpstreams.Add(1)
		go func() {
			peersChan <- client()
		}()
	}
	peersToTrack := make(map[string]Peer)
	go func() {
		pendingUpstreams.Wait()
		close(peersChan)
		fmt.Println("adding distinct peers from upstream trackers", "count", len(peersToTrack))
		for _, peer := range peersToTrack {
			fmt.Println(peer)
		}
		me.mu.Lock()
		delete(me.ongoing, infoHash)
		me.mu.Unlock()
	}()
	curPeersChan := make(chan map[PeerInfo]struct{})
	doneChan := make(chan struct{})
	retPeers := make(map[PeerInfo]struct{})
	go func() {
		defer close(doneChan)
		for {
			select {
			case peers, ok := <-peersChan:
				if !ok {
					return
				}
				voldemort(peers, peersToTrack, retPeers)
				pendingUpstreams.Done()
			case curPeersChan <- copyPeerSet(retPeers):
			}
		}
	}()
	return augmentationOperation{curPeers: curPeersChan, finalPeers: retPeers, doneAnnouncing: doneChan}
}

func copyPeerSet(orig map[PeerInfo]struct{}) map[PeerInfo]struct{} {
	ret := make(map[PeerInfo]struct{}, len(orig))
	for k, v := range orig {
		ret[k] = v
	}
	return ret
}

// Adds peers to trailing containers.
func voldemort(peers []Peer, toTrack map[string]Peer, sets ...map[PeerInfo]struct{}) {
	for _, protoPeer := range peers {
		toTrack[protoPeer.String()] = protoPeer
		for _, set := range sets {
			set[PeerInfo{protoPeer.ID}] = struct{}{}
		}
	}
}

// The common form: the writer defers Done, the waiter ranges after Wait.
func deferDone(keys []string) chan int {
	m := make(map[string]int)
	var wg sync.WaitGroup
	out := make(chan int)
	wg.Add(1)
	go func() {
		defer wg.Done()
		for _, k := range keys {
			m[k] = len(k)
		}
	}()
	go func() {
		wg.Wait()
		for _, v := range m {
			out <- v
		}
		close(out)
	}()
	return out
}

// The waiter first, the writer started by W.Go (Done at its end).
func waitGroupGo(keys []string) chan int {
	m := make(map[string]int)
	var wg sync.WaitGroup
	out := make(chan int)
	wg.Add(1)
	go func() {
		wg.Wait()
		out <- len(m)
	}()
	wg.Go(func() {
		m["k"] = len(keys)
	})
	return out
}

// Twin: the waiter reads before its Wait.
func readBeforeWait(keys []string) chan int {
	m := make(map[string]int)
	var wg sync.WaitGroup
	out := make(chan int)
	wg.Add(1)
	go func() {
		defer wg.Done()
		for _, k := range keys {
			m[k] = len(k) // want `concurrent write to map m \(held: none\)`
		}
	}()
	go func() {
		out <- len(m) // want `concurrent read of map m \(held: none\)`
		wg.Wait()
		close(out)
	}()
	return out
}

// Twin: the writer writes after its Done.
func writeAfterDone(keys []string) chan int {
	m := make(map[string]int)
	var wg sync.WaitGroup
	out := make(chan int)
	wg.Add(1)
	go func() {
		wg.Done()
		for _, k := range keys {
			m[k] = len(k) // want `concurrent write to map m \(held: none\)`
		}
	}()
	go func() {
		wg.Wait()
		out <- len(m) // want `concurrent read of map m \(held: none\)`
		close(out)
	}()
	return out
}

// Twin: the waiter waits on another WaitGroup than the writer signals.
func otherWaitGroup(keys []string) chan int {
	m := make(map[string]int)
	var wg, other sync.WaitGroup
	out := make(chan int)
	wg.Add(1)
	go func() {
		defer wg.Done()
		for _, k := range keys {
			m[k] = len(k) // want `concurrent write to map m \(held: none\)`
		}
	}()
	go func() {
		other.Wait()
		out <- len(m) // want `concurrent read of map m \(held: none\)`
		close(out)
	}()
	return out
}

// Twin: Done only on some paths; the write's path may end without one.
func doneOnSomePaths(keys []string, early bool) chan int {
	m := make(map[string]int)
	var wg sync.WaitGroup
	out := make(chan int)
	wg.Add(1)
	go func() {
		for _, k := range keys {
			m[k] = len(k) // want `concurrent write to map m \(held: none\)`
		}
		if early {
			wg.Done()
		}
	}()
	go func() {
		wg.Wait()
		out <- len(m) // want `concurrent read of map m \(held: none\)`
		close(out)
	}()
	return out
}

// Twin: a loop that calls Done on some rounds and writes on every one
// never returns, but writes again after a Done.
func doneInLoop(keys chan string) chan int {
	m := make(map[string]int)
	var wg sync.WaitGroup
	out := make(chan int)
	wg.Add(1)
	go func() {
		for k := range keys {
			m[k] = len(k) // want `concurrent write to map m \(held: none\)`
			if k == "" {
				wg.Done()
			}
		}
		for {
		}
	}()
	go func() {
		wg.Wait()
		out <- len(m) // want `concurrent read of map m \(held: none\)`
		close(out)
	}()
	return out
}

// The spawner signals: it fills m after starting the waiter, then calls
// Done.
func spawnerDone(keys []string) chan int {
	m := make(map[string]int)
	var wg sync.WaitGroup
	out := make(chan int)
	wg.Add(1)
	go func() {
		wg.Wait()
		out <- len(m)
	}()
	for _, k := range keys {
		m[k] = len(k)
	}
	wg.Done()
	return out
}

// Twin: the spawner writes after its Done.
func spawnerWritesAfterDone(keys []string) chan int {
	m := make(map[string]int)
	var wg sync.WaitGroup
	out := make(chan int)
	wg.Add(1)
	go func() {
		wg.Wait()
		out <- len(m) // want `concurrent read of map m \(held: none\)`
	}()
	wg.Done()
	for _, k := range keys {
		m[k] = len(k) // want `concurrent write to map m \(held: none\)`
	}
	return out
}

// Twin: a writer and a waiter started in each round of a loop, with one
// WaitGroup for all rounds: the second round's writer may write while the
// first round's waiter, unblocked, reads.
func everyRound(rounds [][]string, out chan int) {
	m := make(map[string]int)
	var wg sync.WaitGroup
	for _, keys := range rounds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, k := range keys {
				m[k] = len(k) // want `concurrent write to map m \(held: none\)`
			}
		}()
		go func() {
			wg.Wait()
			out <- len(m) // want `concurrent read of map m \(held: none\)`
		}()
		wg.Wait()
	}
}

// Twin: the function W.Go runs hands the write to a timer's goroutine,
// which runs after the Done.
func spawnedBySignaller(keys []string) chan int {
	m := make(map[string]int)
	var wg sync.WaitGroup
	out := make(chan int)
	wg.Go(func() {
		time.AfterFunc(time.Second, func() {
			m["k"] = len(keys) // want `concurrent write to map m \(held: none\)`
		})
	})
	go func() {
		wg.Wait()
		out <- len(m) // want `concurrent read of map m \(held: none\)`
	}()
	return out
}
