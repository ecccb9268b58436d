package recall34

import (
	"errors"
	"io"
	"net/http"
)

// RequestOptions is the list of options to pass to the request.
type RequestOptions struct {
	Params   map[string]string
	Headers  map[string]string
	Body     io.Reader
	Parallel bool
}

type PurgeInput struct {
	URL  string
	Soft bool
}

type Purge struct {
	Status string
	ID     string
}

type Client struct {
	HTTPClient *http.Client
}

var ErrMissingURL = errors.New("missing required field 'URL'")

func (c *Client) Post(p string, ro *RequestOptions) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, p, ro.Body)
	if err != nil {
		return nil, err
	}
	for k, v := range ro.Headers {
		req.Header.Set(k, v)
	}
	return c.HTTPClient.Do(req)
}

// Purge is fastly/go-fastly's purge before
// https://github.com/fastly/go-fastly/pull/267 (issue #266): new zeroes the
// options, so Headers is nil, and a soft purge panics with "assignment to
// entry in nil map".
func (c *Client) Purge(i *PurgeInput) (*Purge, error) {
	if i.URL == "" {
		return nil, ErrMissingURL
	}

	ro := new(RequestOptions)
	ro.Parallel = true
	if i.Soft {
		ro.Headers["Fastly-Soft-Purge"] = "1" // want `write to map ro.Headers, which is nil here: field Headers left unset by the value created at fastly.go:53`
	}

	resp, err := c.Post("purge/"+i.URL, ro)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return &Purge{Status: resp.Status}, nil
}

// PurgeFixed is the fix: the headers are made before the write.
func (c *Client) PurgeFixed(i *PurgeInput) (*Purge, error) {
	if i.URL == "" {
		return nil, ErrMissingURL
	}

	ro := new(RequestOptions)
	ro.Parallel = true
	if i.Soft {
		ro.Headers = make(map[string]string)
		ro.Headers["Fastly-Soft-Purge"] = "1"
	}

	resp, err := c.Post("purge/"+i.URL, ro)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return &Purge{Status: resp.Status}, nil
}
