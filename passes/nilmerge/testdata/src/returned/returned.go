// Package returned exercises structs that a helper builds and returns to
// the caller that writes their map field: a literal that leaves the field
// out (returned by pointer or by value), the zero struct returned by
// value, and a struct decoded from input that may not have the field (issue
// 11, items 3 and 9, beyond constructors). Each positive has a silent twin
// that differs only in the guard.
package returned

import (
	"encoding/json"
	"log"
)

type Options struct {
	Name   string
	Labels map[string]string
}

func defaults() *Options {
	return &Options{Name: "x"}
}

func labelled(k, v string) *Options {
	o := defaults()
	o.Labels[k] = v // want `write to map o.Labels, which is nil here: field Labels left unset by the value defaults returns at returned.go:20`
	return o
}

// Twin: the caller makes the map first.
func labelledTwin(k, v string) *Options {
	o := defaults()
	if o.Labels == nil {
		o.Labels = map[string]string{}
	}
	o.Labels[k] = v
	return o
}

// Twin: the helper's literal sets the field.
func defaultsWithLabels() *Options {
	return &Options{Name: "x", Labels: map[string]string{}}
}

func labelledFromFull(k, v string) *Options {
	o := defaultsWithLabels()
	o.Labels[k] = v
	return o
}

// Twin: a method called on the struct between may make the map.
func (o *Options) init() { o.Labels = map[string]string{} }

func labelledAfterInit(k, v string) *Options {
	o := defaults()
	o.init()
	o.Labels[k] = v
	return o
}

type Config struct {
	Env map[string]string `json:"env"`
}

func load(data []byte) (*Config, error) {
	c := &Config{}
	err := json.Unmarshal(data, c)
	return c, err
}

func withHome(data []byte, home string) (*Config, error) {
	c, err := load(data)
	if err != nil {
		return nil, err
	}
	c.Env["HOME"] = home // want `write to map c.Env, which is nil here: field Env of the value returned by load, decoded by json.Unmarshal, which leaves it nil when the input has none at returned.go:66`
	return c, nil
}

// Twin: the caller checks the decoded map.
func withHomeTwin(data []byte, home string) (*Config, error) {
	c, err := load(data)
	if err != nil {
		return nil, err
	}
	if c.Env == nil {
		c.Env = map[string]string{}
	}
	c.Env["HOME"] = home
	return c, nil
}

// Twin: the helper makes the map when the input had none.
func loadTwin(data []byte) (*Config, error) {
	c := &Config{}
	if err := json.Unmarshal(data, c); err != nil {
		return nil, err
	}
	if c.Env == nil {
		c.Env = map[string]string{}
	}
	return c, nil
}

func withHomeFromTwin(data []byte, home string) (*Config, error) {
	c, err := loadTwin(data)
	if err != nil {
		return nil, err
	}
	log.Printf("loaded %d", len(c.Env))
	c.Env["HOME"] = home
	return c, nil
}

// Settings is returned by value: the caller's copy has the helper's nil
// field all the same.
type Settings struct {
	Name   string
	Labels map[string]string
}

func settingsDefaults() Settings { return Settings{Name: "x"} }

func settingsLabelled(k, v string) Settings {
	s := settingsDefaults()
	s.Labels[k] = v // want `write to map s.Labels, which is nil here: field Labels left unset by the value settingsDefaults returns`
	return s
}

// Twin: the caller checks the map first.
func settingsLabelledTwin(k, v string) Settings {
	s := settingsDefaults()
	if s.Labels != nil {
		s.Labels[k] = v
	}
	return s
}

func (s *Settings) touch() {}

// The caller takes the copy's address (a method call after the write), so
// the copy lives in memory: followed all the same.
func settingsTouched(k, v string) Settings {
	s := settingsDefaults()
	s.Labels[k] = v // want `write to map s.Labels, which is nil here: field Labels left unset by the value settingsDefaults returns`
	s.touch()
	return s
}

// Twin: a method called on the copy before the write may make the map.
func (s *Settings) init() { s.Labels = map[string]string{} }

func settingsInited(k, v string) Settings {
	s := settingsDefaults()
	s.init()
	s.Labels[k] = v
	return s
}

// The zero struct, returned by value.
func settingsZero() Settings {
	var s Settings
	return s
}

func zeroLabelled(k, v string) Settings {
	s := settingsZero()
	s.Labels[k] = v // want `write to map s.Labels, which is nil here: field Labels left unset by the value settingsZero returns`
	return s
}

// Twin: the helper's literal sets the field.
func settingsFull() Settings { return Settings{Name: "x", Labels: map[string]string{}} }

func fullLabelled(k, v string) Settings {
	s := settingsFull()
	s.Labels[k] = v
	return s
}
