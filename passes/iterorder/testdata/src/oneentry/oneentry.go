// Package oneentry exercises loops over a map parameter that every call
// passes as a literal of at most one entry (net/http/fcgi's writePairs,
// whose one caller writes map[string]string{"FCGI_MPXS_CONNS": "1"}): the
// loop visits one entry, in the only order there is, and is silent (also
// when the literal is a variable used only in the call). Its twins are
// called with two entries, with a one-entry variable that grows, with a
// map built elsewhere, through an interface of the package, or fill the
// map before the loop.
package oneentry

import (
	"fmt"
	"io"
)

type conn struct{ w io.Writer }

func (c *conn) writePairs(pairs map[string]string) error {
	for k, v := range pairs {
		if _, err := fmt.Fprintf(c.w, "%s=%s", k, v); err != nil {
			return err
		}
	}
	return nil
}

func (c *conn) getValues() error {
	return c.writePairs(map[string]string{"FCGI_MPXS_CONNS": "1"})
}

func (c *conn) empty() error {
	return c.writePairs(map[string]string{})
}

// serve is fcgi's child.handleRecord: the one-entry map is a variable.
func (c *conn) serve() error {
	values := map[string]string{"FCGI_MPXS_CONNS": "1"}
	return c.writePairs(values)
}

func (c *conn) writeGrown(pairs map[string]string) error {
	for k, v := range pairs { // want "result depends on map iteration order: keys written to c.w"
		if _, err := fmt.Fprintf(c.w, "%s=%s", k, v); err != nil {
			return err
		}
	}
	return nil
}

// serveGrown adds an entry to the variable before the call.
func (c *conn) serveGrown(extra string) error {
	values := map[string]string{"FCGI_MPXS_CONNS": "1"}
	values[extra] = "1"
	return c.writeGrown(values)
}

func (c *conn) writeTwo(pairs map[string]string) error {
	for k, v := range pairs { // want "result depends on map iteration order: keys written to c.w"
		if _, err := fmt.Fprintf(c.w, "%s=%s", k, v); err != nil {
			return err
		}
	}
	return nil
}

func (c *conn) getTwo() error {
	return c.writeTwo(map[string]string{"a": "1", "b": "2"})
}

func (c *conn) writeBuilt(pairs map[string]string) error {
	for k, v := range pairs { // want "result depends on map iteration order: keys written to c.w"
		if _, err := fmt.Fprintf(c.w, "%s=%s", k, v); err != nil {
			return err
		}
	}
	return nil
}

func (c *conn) getBuilt(env map[string]string) error {
	if err := c.writeBuilt(map[string]string{"a": "1"}); err != nil {
		return err
	}
	return c.writeBuilt(env)
}

func (c *conn) writeFilled(pairs map[string]string, extra string) error {
	pairs[extra] = "1"
	for k, v := range pairs { // want "result depends on map iteration order: keys written to c.w"
		if _, err := fmt.Fprintf(c.w, "%s=%s", k, v); err != nil {
			return err
		}
	}
	return nil
}

func (c *conn) getFilled() error {
	return c.writeFilled(map[string]string{"a": "1"}, "b")
}

// pairWriter's callers are not all seen: a value of another type may
// stand behind it.
type pairWriter interface {
	writeIface(pairs map[string]string) error
}

func (c *conn) writeIface(pairs map[string]string) error {
	for k, v := range pairs { // want "result depends on map iteration order: keys written to c.w"
		if _, err := fmt.Fprintf(c.w, "%s=%s", k, v); err != nil {
			return err
		}
	}
	return nil
}

func (c *conn) getIface() error {
	return c.writeIface(map[string]string{"a": "1"})
}

func use(p pairWriter) error { return p.writeIface(map[string]string{"a": "1", "b": "2"}) }
