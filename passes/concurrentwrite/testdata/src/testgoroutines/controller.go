// This file holds the code that the tests of this package drive: a
// controller whose loop reads its queue.
package testgoroutines

type Controller struct {
	queue map[string]int
}

func (c *Controller) Run(stop chan struct{}) {
	for {
		select {
		case <-stop:
			return
		default:
		}
		for k := range c.queue {
			_ = k
		}
	}
}

func (c *Controller) Enqueue(k string) { c.queue[k]++ }
