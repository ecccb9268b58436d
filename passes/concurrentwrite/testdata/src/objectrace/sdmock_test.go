// prometheus's discovery/moby SDMock: a test's mock server counts the
// calls per URI in a handler that SetupHandlers registers. The handler's
// accesses are the registered goroutine's, paired with the object's
// methods; Setup reaches them only through the registration, so it is not
// a second goroutine writing the map (the test serves one request at a
// time). A method that writes the map itself is.
package objectrace

import (
	"net/http"
	"testing"
)

type SDMock struct {
	Mux   *http.ServeMux
	calls map[string]int
}

func NewSDMock(t *testing.T) *SDMock {
	return &SDMock{Mux: http.NewServeMux(), calls: make(map[string]int)}
}

func (m *SDMock) Setup() {
	m.SetupHandlers()
}

func (m *SDMock) SetupHandlers() {
	m.Mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		// The discovery should only call each API endpoint once.
		m.calls[r.RequestURI]++ // want `concurrent write to map m.calls \(held: none\); also accessed by \(\*SDMock\).Reset`
		if m.calls[r.RequestURI] != 1 { // want `concurrent read of map m.calls \(held: none\); also written by \(\*SDMock\).Reset`
			w.WriteHeader(http.StatusTooManyRequests)
		}
	})
}

func (m *SDMock) Reset() {
	clear(m.calls) // want `concurrent write to map m.calls \(held: none\); also accessed by`
}
