// Sends on a channel and returns on a match that several entries can meet
// are -strict sinks: on modules nobody had tuned the pass on, none of the
// sends and one of the seven first-match returns judged was real (see the
// package doc). Their silent twins, run by default, are in sinks/sinks.go.

package strict

func Send(ch chan<- string, m map[string]bool) {
	for k := range m { // want `keys sent on ch`
		ch <- k
	}
}

func SentAfter(ch chan []string, m map[string]int) {
	var out []string
	for k := range m { // want `keys appended to out, which is sent on ch unsorted`
		out = append(out, k)
	}
	ch <- out
}

func FirstMatch(m map[string]int) string {
	for k, v := range m { // want `keys returned on the first match, which need not be unique`
		if v > 10 {
			return k
		}
	}
	return ""
}

// queue sends its parameter: its fact carries the send to the caller.
func queue(ch chan<- string, name string) { // want queue:`sinks\(1: sent on ch\)`
	ch <- name
}

func Queued(ch chan<- string, m map[string]bool) {
	for k := range m { // want `keys passed to queue, whose argument is sent on ch`
		queue(ch, k)
	}
}
