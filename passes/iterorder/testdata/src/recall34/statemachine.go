//go:build go1.23

package recall34

import (
	"fmt"
	"io"
	"reflect"
)

type StateKey interface{}

type EventName interface{}

// generateJustRecordEventsDeclarations is filecoin-project/go-statemachine's
// UML generator before https://github.com/filecoin-project/go-statemachine/pull/19
// ("Make just record UML predictable"): the notes on the events that only
// record are written in the order of a map keyed by state.
func generateJustRecordEventsDeclarations(w io.Writer, justRecordEvents map[StateKey][]EventName, stateNameMap reflect.Value, eventNameMap reflect.Value) error { // want generateJustRecordEventsDeclarations:`sinks\(3: written to w\)`
	for state, events := range justRecordEvents { // want `keys written to w; no fix: keys of type StateKey are not ordered; sort them with slices.SortFunc and a comparison that suits them`
		if _, err := fmt.Fprintf(w, "\n\tnote right of %v : The following events only record in this state.", state); err != nil {
			return err
		}
		for _, event := range events {
			if _, err := fmt.Fprintf(w, "<br>"); err != nil {
				return err
			}
			eventName := eventNameMap.MapIndex(reflect.ValueOf(event))
			if _, err := fmt.Fprintf(w, "%s", eventName); err != nil {
				return err
			}
		}
		if _, err := fmt.Fprintf(w, "\n\n"); err != nil {
			return err
		}
	}
	return nil
}

// generateJustRecordEventsDeclarationsFixed is the fix: the notes follow
// the sorted list of states, and the map is only looked up.
func generateJustRecordEventsDeclarationsFixed(w io.Writer, states []StateKey, justRecordEvents map[StateKey][]EventName, eventNameMap reflect.Value) error { // want generateJustRecordEventsDeclarationsFixed:`sinks\(1: written to w; 2: written to w; 3: written to w\)`
	for _, state := range states {
		events, ok := justRecordEvents[state]
		if !ok {
			continue
		}
		if _, err := fmt.Fprintf(w, "\n\tnote right of %v : The following events only record in this state.", state); err != nil {
			return err
		}
		for _, event := range events {
			eventName := eventNameMap.MapIndex(reflect.ValueOf(event))
			if _, err := fmt.Fprintf(w, "<br>%s", eventName); err != nil {
				return err
			}
		}
		if _, err := fmt.Fprintf(w, "\n\n"); err != nil {
			return err
		}
	}
	return nil
}
