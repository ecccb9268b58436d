// Package roundtrip checks maps written out to a stream that the package
// reads back into the same map (hashicorp/serf's snapshot, pgx's startup
// message): the written order is gone once the records are read, so the
// loop is silent. Next to each, the twins that stay reported: a reader
// that keeps the records in a list, no reader, output to people, and a
// map restored from another map rather than from a stream.
package roundtrip

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

// Snapshotter is hashicorp/serf's snapshot (serf/snapshot.go): compact
// writes the alive nodes in map order, replay reads them back into
// aliveNodes.
type Snapshotter struct {
	path       string
	fh         *os.File
	aliveNodes map[string]string
}

func (s *Snapshotter) compact() error {
	fh, err := os.OpenFile(s.path+".tmp", os.O_RDWR|os.O_TRUNC|os.O_CREATE, 0o755)
	if err != nil {
		return err
	}
	buf := bufio.NewWriter(fh)
	for name, addr := range s.aliveNodes { // silent: replay puts every line back into aliveNodes
		line := fmt.Sprintf("alive: %s %s\n", name, addr)
		if _, err := buf.WriteString(line); err != nil {
			fh.Close()
			return err
		}
	}
	if err := buf.Flush(); err != nil {
		return err
	}
	return fh.Close()
}

func (s *Snapshotter) replay() {
	reader := bufio.NewReader(s.fh)
	for {
		line, err := reader.ReadString('\n')
		if err != nil {
			break
		}
		line = line[:len(line)-1]
		if after, ok := strings.CutPrefix(line, "alive: "); ok {
			i := strings.LastIndex(after, " ")
			if i < 0 {
				continue
			}
			s.aliveNodes[after[:i]] = after[i+1:]
		} else if after, ok := strings.CutPrefix(line, "not-alive: "); ok {
			delete(s.aliveNodes, after)
		}
	}
}

// Journal writes its nodes the same way, but its reader keeps the lines
// in a list that Previous shows: the written order reaches its callers.
type Journal struct {
	fh       *os.File
	nodes    map[string]string
	previous []string
}

func (j *Journal) compact(fh *os.File) error {
	buf := bufio.NewWriter(fh)
	for name, addr := range j.nodes { // want `result depends on map iteration order: keys written to buf`
		if _, err := fmt.Fprintf(buf, "alive: %s %s\n", name, addr); err != nil {
			return err
		}
	}
	return buf.Flush()
}

func (j *Journal) replay() {
	sc := bufio.NewScanner(j.fh)
	for sc.Scan() {
		j.previous = append(j.previous, sc.Text())
	}
}

// Previous returns the nodes in the order the snapshot listed them.
func (j *Journal) Previous() []string { return j.previous }

// Ledger writes its nodes and never reads them back: whoever reads the
// file sees the order.
type Ledger struct {
	nodes map[string]string
}

func (l *Ledger) Save(fh *os.File) error {
	buf := bufio.NewWriter(fh)
	for name, addr := range l.nodes { // want `result depends on map iteration order: keys written to buf`
		fmt.Fprintf(buf, "%s %s\n", name, addr)
	}
	return buf.Flush()
}

// Roster is read back from a file, but Print shows it to people on the
// terminal: that output is not the stream the reader reads.
type Roster struct {
	members map[string]string
}

func (r *Roster) Print() {
	for name, addr := range r.members { // want `result depends on map iteration order: keys printed by fmt.Printf`
		fmt.Printf("%s %s\n", name, addr)
	}
}

func (r *Roster) Dump() {
	for name, addr := range r.members { // want `result depends on map iteration order: keys written to os.Stdout`
		fmt.Fprintf(os.Stdout, "%s %s\n", name, addr)
	}
}

func (r *Roster) Load(fh *os.File) {
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		name, addr, _ := strings.Cut(sc.Text(), " ")
		r.members[name] = addr
	}
}

// Registry is filled from another map, not decoded from a stream: nothing
// says the file it writes is read back.
type Registry struct {
	nodes map[string]string
}

func (g *Registry) Save(fh *os.File) error {
	buf := bufio.NewWriter(fh)
	for name, addr := range g.nodes { // want `result depends on map iteration order: keys written to buf`
		fmt.Fprintf(buf, "%s %s\n", name, addr)
	}
	return buf.Flush()
}

func (g *Registry) Merge(other map[string]string) {
	for name, addr := range other {
		g.nodes[name] = addr
	}
}
