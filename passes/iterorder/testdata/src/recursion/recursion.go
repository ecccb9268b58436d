// Package recursion exercises lists returned through a function that
// retries by calling itself: the recursive call hands the list to the
// function's own callers, which decide (silent when they use it as a set,
// reported when one shows it).
package recursion

import (
	"errors"
	"fmt"
)

// The shape of sarama's consumer group (consumer_group.go): balance lists
// the subscribed topics in map order, joinSync puts them in its result,
// retryJoinSync retries by calling itself and joinSync, which calls it
// back, and the session uses the list as a set of topics to watch.
type result struct {
	topics []string
}

type group struct {
	members map[string][]string
	watched map[string]bool
	printed []string
}

var errRetry = errors.New("retry")

func (g *group) balance() []string {
	seen := make(map[string]bool)
	for _, ts := range g.members {
		for _, t := range ts {
			seen[t] = true
		}
	}
	all := make([]string, 0, len(seen))
	for t := range seen { // silent: every caller uses the list as a set
		all = append(all, t)
	}
	return all
}

func (g *group) joinSync(retries int) (*result, error) {
	if len(g.members) == 0 {
		// As sarama's joinSync on a coordinator error: the two
		// functions call each other.
		return g.retryJoinSync(retries - 1)
	}
	topics := g.balance()
	if len(topics) == 0 {
		return nil, errRetry
	}
	return &result{topics: topics}, nil
}

func (g *group) retryJoinSync(retries int) (*result, error) {
	if retries < 0 {
		return nil, errRetry
	}
	res, err := g.joinSync(retries)
	if err != nil && retries > 0 {
		return g.retryJoinSync(retries - 1)
	}
	return res, err
}

func (g *group) Consume() error {
	res, err := g.retryJoinSync(3)
	if err != nil {
		return err
	}
	for _, t := range res.topics {
		g.watched[t] = true
	}
	return nil
}

// The same chain, whose caller prints the list.
func (g *group) balanceShown() []string {
	seen := make(map[string]bool)
	for _, ts := range g.members {
		for _, t := range ts {
			seen[t] = true
		}
	}
	all := make([]string, 0, len(seen))
	for t := range seen { // want `result depends on map iteration order: keys appended to all, which is returned unsorted`
		all = append(all, t)
	}
	return all
}

func (g *group) joinShown() (*result, error) {
	topics := g.balanceShown()
	if len(topics) == 0 {
		return nil, errRetry
	}
	return &result{topics: topics}, nil
}

func (g *group) retryShown(retries int) (*result, error) {
	res, err := g.joinShown()
	if err != nil && retries > 0 {
		return g.retryShown(retries - 1)
	}
	return res, err
}

func (g *group) Describe() error {
	res, err := g.retryShown(3)
	if err != nil {
		return err
	}
	fmt.Println(res.topics)
	return nil
}
