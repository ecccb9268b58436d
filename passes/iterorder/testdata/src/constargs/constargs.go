// Package constargs checks calls whose constant arguments decide which
// return of the callee they get: amqp091-go's getTopologyConfiguration
// merges every channel's bindings in map order only when global is true,
// and its tests and its recovery call it with false.
package constargs

import (
	"fmt"
)

type Config struct{ Bindings []string }

// snapshot returns one channel's bindings, or with global every
// channel's, merged in map order.
func snapshot(chans map[int][]string, id int, global bool) Config {
	if chans == nil {
		return Config{}
	}
	if !global {
		return Config{Bindings: append([]string(nil), chans[id]...)}
	}
	var merged []string
	for _, bs := range chans {
		merged = append(merged, bs...)
	}
	return Config{Bindings: merged}
}

// PrintChannel asks for one channel: the merge never runs for it.
func PrintChannel(chans map[int][]string, id int) {
	fmt.Println(snapshot(chans, id, false).Bindings)
}

// merged is snapshot with the merge in an else, and an int mode.
func merged(chans map[int][]string, id, mode int) Config {
	if mode != modeAll {
		return Config{Bindings: chans[id]}
	} else {
		var out []string
		for _, bs := range chans {
			out = append(out, bs...)
		}
		return Config{Bindings: out}
	}
}

const (
	modeOne = iota
	modeAll
)

// PrintOne takes the first branch: silent.
func PrintOne(chans map[int][]string, id int) {
	fmt.Println(merged(chans, id, modeOne).Bindings)
}

// mergedAll is merged, called for the merge.
func mergedAll(chans map[int][]string, id, mode int) Config {
	if mode != modeAll {
		return Config{Bindings: chans[id]}
	} else {
		var out []string
		for _, bs := range chans { // want `values appended to out`
			out = append(out, bs...)
		}
		return Config{Bindings: out}
	}
}

func PrintAll(chans map[int][]string) {
	fmt.Println(mergedAll(chans, 0, modeAll).Bindings)
}

// overridden assigns its parameter: the constant a call passes is not
// what the condition reads.
func overridden(chans map[int][]string, id int, global bool) Config {
	if len(chans) > 1 {
		global = true
	}
	if !global {
		return Config{Bindings: chans[id]}
	}
	var all []string
	for _, bs := range chans { // want `values appended to all`
		all = append(all, bs...)
	}
	return Config{Bindings: all}
}

func PrintOverridden(chans map[int][]string, id int) {
	fmt.Println(overridden(chans, id, false).Bindings)
}

// chosen is called with a variable: either return may be taken.
func chosen(chans map[int][]string, id int, global bool) Config {
	if !global {
		return Config{Bindings: chans[id]}
	}
	var all []string
	for _, bs := range chans { // want `values appended to all`
		all = append(all, bs...)
	}
	return Config{Bindings: all}
}

func PrintChosen(chans map[int][]string, id int, global bool) {
	fmt.Println(chosen(chans, id, global).Bindings)
}
