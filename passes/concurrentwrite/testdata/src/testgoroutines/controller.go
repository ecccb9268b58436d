// This file holds the code that the tests of this package drive: a
// controller whose loop reads its queue.
package testgoroutines

type Controller struct {
	queue map[string]int
}

func (c *Controller) Run(stop chan struct{}) { // want Run:`reads\(\$0\.#0\)`
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

func (c *Controller) Enqueue(k string) { c.queue[k]++ } // want Enqueue:`reads\(\$0\.#0\),writes\(\$0\.#0\)`
