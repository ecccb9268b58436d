// grafana/grafana#13674, "service panic because of race conditions"
// (fatal error: concurrent map writes in
// CloudWatchExecutor.executeTimeSeriesQuery.func1, under errgroup's Go):
// the executor runs each query, and each region's GetMetricData batch, in
// a goroutine of an errgroup, and each goroutine stores its results in the
// one result.Results map. The fix (#13684) guards the writes with a mutex.
package recall34

import (
	"context"
	"errors"
	"sync"

	"golang.org/x/sync/errgroup"
)

type queryResult struct {
	RefID string
	Err   error
}

type tsdbResponse struct {
	Results map[string]*queryResult
}

type cloudWatchQuery struct {
	RefID, ID, Region, Expression string
}

type cloudWatchExecutor struct{}

func (e *cloudWatchExecutor) executeQuery(ctx context.Context, q *cloudWatchQuery) (*queryResult, error) {
	return &queryResult{RefID: q.RefID}, nil
}

func (e *cloudWatchExecutor) executeGetMetricDataQuery(ctx context.Context, region string, qs map[string]*cloudWatchQuery) ([]*queryResult, error) {
	var out []*queryResult
	for _, q := range qs {
		out = append(out, &queryResult{RefID: q.RefID})
	}
	return out, nil
}

func (e *cloudWatchExecutor) executeTimeSeriesQuery(ctx context.Context, queries []*cloudWatchQuery) (*tsdbResponse, error) {
	result := &tsdbResponse{Results: make(map[string]*queryResult)}
	eg, ectx := errgroup.WithContext(ctx)

	getMetricDataQueries := make(map[string]map[string]*cloudWatchQuery)
	for _, query := range queries {
		if query.ID != "" {
			if _, ok := getMetricDataQueries[query.Region]; !ok {
				getMetricDataQueries[query.Region] = make(map[string]*cloudWatchQuery)
			}
			getMetricDataQueries[query.Region][query.ID] = query
			continue
		}
		if query.Expression != "" {
			result.Results[query.RefID] = &queryResult{Err: errors.New("invalid query: id should be set if using expression")} // want `concurrent write to map result.Results \(held: none\); also accessed by the goroutines started by errgroup Go in a loop in \(\*cloudWatchExecutor\).executeTimeSeriesQuery`
			return result, nil
		}
		query := query
		eg.Go(func() error {
			queryRes, err := e.executeQuery(ectx, query)
			result.Results[queryRes.RefID] = queryRes // want `concurrent write to map result.Results \(held: none\)`
			if err != nil {
				result.Results[queryRes.RefID].Err = err // want `concurrent read of map result.Results \(held: none\); also written by other goroutines started by errgroup Go in a loop`
			}
			return nil
		})
	}

	for region, getMetricDataQuery := range getMetricDataQueries {
		region, q := region, getMetricDataQuery
		eg.Go(func() error {
			queryResponses, err := e.executeGetMetricDataQuery(ectx, region, q)
			for _, queryRes := range queryResponses {
				result.Results[queryRes.RefID] = queryRes // want `concurrent write to map result.Results \(held: none\)`
				if err != nil {
					result.Results[queryRes.RefID].Err = err // want `concurrent read of map result.Results \(held: none\); also written by the goroutines started by errgroup Go in a loop`
				}
			}
			return nil
		})
	}

	if err := eg.Wait(); err != nil {
		return nil, err
	}
	return result, nil
}

// executeTimeSeriesQueryFixed is the fix: a mutex around the writes.
func (e *cloudWatchExecutor) executeTimeSeriesQueryFixed(ctx context.Context, queries []*cloudWatchQuery) (*tsdbResponse, error) {
	result := &tsdbResponse{Results: make(map[string]*queryResult)}
	var resultsMu sync.Mutex
	eg, ectx := errgroup.WithContext(ctx)

	getMetricDataQueries := make(map[string]map[string]*cloudWatchQuery)
	for _, query := range queries {
		if query.ID != "" {
			if _, ok := getMetricDataQueries[query.Region]; !ok {
				getMetricDataQueries[query.Region] = make(map[string]*cloudWatchQuery)
			}
			getMetricDataQueries[query.Region][query.ID] = query
			continue
		}
		query := query
		eg.Go(func() error {
			queryRes, err := e.executeQuery(ectx, query)
			resultsMu.Lock()
			defer resultsMu.Unlock()
			result.Results[queryRes.RefID] = queryRes
			if err != nil {
				result.Results[queryRes.RefID].Err = err
			}
			return nil
		})
	}

	for region, getMetricDataQuery := range getMetricDataQueries {
		region, q := region, getMetricDataQuery
		eg.Go(func() error {
			queryResponses, err := e.executeGetMetricDataQuery(ectx, region, q)
			resultsMu.Lock()
			defer resultsMu.Unlock()
			for _, queryRes := range queryResponses {
				result.Results[queryRes.RefID] = queryRes
				if err != nil {
					result.Results[queryRes.RefID].Err = err
				}
			}
			return nil
		})
	}

	if err := eg.Wait(); err != nil {
		return nil, err
	}
	return result, nil
}
