package goroutines

import "maps"

// copySource reads src through maps.Copy while a goroutine writes it: the
// message names the map read, the copy's source, not its destination.
func copySource(src map[string]int) map[string]int {
	dst := map[string]int{}
	go func() {
		src["x"] = 1 // want `concurrent write to map src \(held: none\); also accessed by copySource after it starts the goroutine`
	}()
	maps.Copy(dst, src) // want `concurrent read by maps.Copy of map src \(held: none\)`
	return dst
}
