// grafana/grafana#4044, "grafana-server is crashing with fatal error:
// concurrent map writes" (in api.getDatasource, dataproxy.go:80, under
// ProxyDataSourceRequest): the data source proxy handler, which the web
// framework runs for each request in the request's goroutine, cached each
// data source it loaded in the package's dsMap with no lock (the cache's
// read was commented out). The fix removes the map.
//
// Missed: the handler is registered with a router of a web framework the
// pass has no row for (internal/apis knows net/http's HandleFunc and
// ServeMux, not macaron's Router.Any, whose handlers are a variadic list
// of interface{} values), so nothing says that ProxyDataSourceRequest runs
// in a goroutine per request; the package itself starts no goroutine.
package knownmiss

type dataSource struct {
	ID, OrgID int64
	URL       string
}

type webContext struct {
	ID, OrgID int64
	Status    int
}

// webRouter stands for the web framework's router (macaron): it runs the
// handlers registered on a route in the goroutine of each request.
type webRouter struct {
	routes map[string][]func(*webContext)
}

func (r *webRouter) Any(pattern string, handlers ...func(*webContext)) { // want Any:`writes\(\$0\.#0\)`
	r.routes[pattern] = handlers
}

var dsMap = make(map[int64]*dataSource)

func getDatasource(id, orgID int64) (*dataSource, error) {
	ds := &dataSource{ID: id, OrgID: orgID}
	dsMap[id] = ds
	return ds, nil
}

func ProxyDataSourceRequest(c *webContext) {
	ds, err := getDatasource(c.ID, c.OrgID)
	if err != nil || ds.URL == "" {
		c.Status = 500
	}
}

// getDatasourceFixed is the fix: no cache.
func getDatasourceFixed(id, orgID int64) (*dataSource, error) {
	return &dataSource{ID: id, OrgID: orgID}, nil
}

func ProxyDataSourceRequestFixed(c *webContext) {
	ds, err := getDatasourceFixed(c.ID, c.OrgID)
	if err != nil || ds.URL == "" {
		c.Status = 500
	}
}

func Register(r *webRouter) { // want Register:`writes\(\$0\.#0\)`
	r.Any("/api/datasources/proxy/:id/*", ProxyDataSourceRequest)
	r.Any("/api/datasources/proxyfixed/:id/*", ProxyDataSourceRequestFixed)
}
