// Package wait is a stand-in for k8s.io/apimachinery's: Until runs f every
// period until stopCh is closed.
package wait

import "time"

func Until(f func(), period time.Duration, stopCh <-chan struct{}) {
	for {
		select {
		case <-stopCh:
			return
		case <-time.After(period):
			f()
		}
	}
}
