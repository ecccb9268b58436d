// Package roundtripitems exercises round trips linked by the type of the
// items rather than by the map: a writer lists a map's values through a
// type of the package, and a reader of the package puts each item it
// decodes into a map (silent); the twins, whose reader keeps the items in
// a list or which no reader decodes, stay reported.
package roundtripitems

import (
	"encoding/json"
	"fmt"
	"io"
)

// The shape of nats-server's meta snapshot (server/jetstream_cluster.go,
// encodeMetaSnapshot and decodeMetaSnapshot): assignments kept in a map
// of maps are written as a list of writeable records, and read back into
// fresh maps that the reader returns.
type clientInfo struct{ Account string }

type streamAssignment struct {
	Client    *clientInfo
	Name      string
	consumers map[string]*consumerAssignment
}

type consumerAssignment struct {
	Client *clientInfo
	Name   string
	Stream string
}

type writeableConsumerAssignment struct {
	Client *clientInfo `json:"client"`
	Name   string      `json:"name"`
	Stream string      `json:"stream"`
}

type writeableStreamAssignment struct {
	Client    *clientInfo                    `json:"client"`
	Name      string                         `json:"name"`
	Consumers []*writeableConsumerAssignment `json:"consumers"`
}

func (ci *clientInfo) serviceAccount() string { return ci.Account }

type jetStream struct{ streams map[string]map[string]*streamAssignment }

func (js *jetStream) encodeMetaSnapshot(streams map[string]map[string]*streamAssignment) ([]byte, error) {
	var out []writeableStreamAssignment
	for _, asa := range streams { // silent: decodeMetaSnapshot puts each record into a map
		for _, sa := range asa { // silent: likewise
			wsa := writeableStreamAssignment{Client: sa.Client, Name: sa.Name}
			for _, ca := range sa.consumers { // silent: each consumer goes back into sa.consumers
				wca := writeableConsumerAssignment{Client: ca.Client, Name: ca.Name, Stream: ca.Stream}
				wsa.Consumers = append(wsa.Consumers, &wca)
			}
			out = append(out, wsa)
		}
	}
	return json.Marshal(out)
}

func (js *jetStream) decodeMetaSnapshot(buf []byte) (map[string]map[string]*streamAssignment, error) {
	var wsas []writeableStreamAssignment
	if err := json.Unmarshal(buf, &wsas); err != nil {
		return nil, err
	}
	streams := make(map[string]map[string]*streamAssignment)
	for _, wsa := range wsas {
		as := streams[wsa.Client.serviceAccount()]
		if as == nil {
			as = make(map[string]*streamAssignment)
			streams[wsa.Client.serviceAccount()] = as
		}
		sa := &streamAssignment{Client: wsa.Client, Name: wsa.Name}
		if len(wsa.Consumers) > 0 {
			sa.consumers = make(map[string]*consumerAssignment)
			for _, wca := range wsa.Consumers {
				ca := &consumerAssignment{Client: wca.Client, Name: wca.Name, Stream: wca.Stream}
				sa.consumers[ca.Name] = ca
			}
		}
		as[sa.Name] = sa
	}
	return streams, nil
}

func (js *jetStream) WriteSnapshot(w io.Writer) error {
	b, err := js.encodeMetaSnapshot(js.streams)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

func (js *jetStream) restore(buf []byte) error {
	streams, err := js.decodeMetaSnapshot(buf)
	js.streams = streams
	return err
}

// A list of members, written the same way, that the reader keeps as a
// list in the order it reads it: whoever reads the list sees map order.
type member struct {
	Name string
	Addr string
}

type writeableMember struct {
	Name string `json:"name"`
	Addr string `json:"addr"`
}

type roster struct {
	members map[string]*member
	order   []*member
	byName  map[string]*member
}

func (r *roster) Encode() ([]byte, error) {
	var out []writeableMember
	for _, m := range r.members { // want `result depends on map iteration order: values appended to out, which is returned unsorted`
		out = append(out, writeableMember{Name: m.Name, Addr: m.Addr})
	}
	return json.Marshal(out)
}

func (r *roster) decode(buf []byte) error {
	var wms []writeableMember
	if err := json.Unmarshal(buf, &wms); err != nil {
		return err
	}
	r.byName = make(map[string]*member)
	for _, wm := range wms {
		m := &member{Name: wm.Name, Addr: wm.Addr}
		r.byName[wm.Name] = m
		r.order = append(r.order, m) // the order read is kept
	}
	return nil
}

func (r *roster) save(w io.Writer) error {
	b, err := r.Encode()
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// Records of a type that no function of the package reads back: the
// stream goes to someone else.
type writeableRoute struct {
	Subject string `json:"subject"`
}

type router struct{ routes map[string]bool }

func (r *router) Encode() ([]byte, error) {
	var out []writeableRoute
	for s := range r.routes { // want `result depends on map iteration order: keys appended to out, which is returned unsorted`
		out = append(out, writeableRoute{Subject: s})
	}
	return json.Marshal(out)
}

func (r *router) send(w io.Writer) error {
	b, err := r.Encode()
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}
