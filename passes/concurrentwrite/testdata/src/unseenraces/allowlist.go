// certmagic v0.25.6: with on-demand issuance configured, ManageSync and
// ManageAsync (manageAll, config.go) add the names to
// cfg.OnDemand.hostAllowlist with no lock, while every TLS handshake, and
// the goroutine that handshakeMaintenance starts to update ARI and renew,
// read it in checkIfCertShouldBeObtained (handshake.go). Nothing in the
// documentation keeps Manage* from being called on a config that serves:
// "concurrent map read and map write".
package unseenraces

import (
	"errors"
	"sync"
)

type onDemandConfig struct {
	DecisionFunc  func(name string) error
	hostAllowlist map[string]struct{}
}

type CertConfig struct {
	OnDemand *onDemandConfig
}

func (cfg *CertConfig) ManageSync(names []string) error { return cfg.manageAll(names) }

func (cfg *CertConfig) manageAll(names []string) error {
	if cfg.OnDemand != nil && cfg.OnDemand.hostAllowlist == nil {
		cfg.OnDemand.hostAllowlist = make(map[string]struct{})
	}
	for _, name := range names {
		if cfg.OnDemand != nil {
			cfg.OnDemand.hostAllowlist[name] = struct{}{} // want `concurrent write to map cfg.OnDemand.hostAllowlist \(held: none\)`
			continue
		}
	}
	return nil
}

func (cfg *CertConfig) checkIfCertShouldBeObtained(name string) error {
	if cfg.OnDemand != nil {
		if cfg.OnDemand.DecisionFunc != nil {
			return cfg.OnDemand.DecisionFunc(name)
		}
		if len(cfg.OnDemand.hostAllowlist) > 0 { // want `concurrent read of map cfg.OnDemand.hostAllowlist \(held: none\)`
			if _, ok := cfg.OnDemand.hostAllowlist[name]; !ok { // want `concurrent read of map cfg.OnDemand.hostAllowlist \(held: none\)`
				return errors.New("certificate for " + name + " is not managed")
			}
		}
	}
	return nil
}

func (cfg *CertConfig) renewDynamicCertificate(name string) error {
	return cfg.checkIfCertShouldBeObtained(name)
}

func (cfg *CertConfig) handshakeMaintenance(name string, needsARI bool) error {
	renewIfNecessary := func(name string) error {
		return cfg.renewDynamicCertificate(name)
	}
	if needsARI {
		go func(name string) {
			_ = renewIfNecessary(name)
		}(name)
	}
	return renewIfNecessary(name)
}

func (cfg *CertConfig) GetCertificate(name string) error {
	return cfg.handshakeMaintenance(name, true)
}

// The twin: the allowlist has a lock of its own.

type onDemandConfig2 struct {
	mu            sync.RWMutex
	hostAllowlist map[string]struct{}
}

type CertConfig2 struct {
	OnDemand *onDemandConfig2
}

func (cfg *CertConfig2) ManageSync(names []string) error {
	od := cfg.OnDemand
	if od == nil {
		return nil
	}
	od.mu.Lock()
	defer od.mu.Unlock()
	if od.hostAllowlist == nil {
		od.hostAllowlist = make(map[string]struct{})
	}
	for _, name := range names {
		od.hostAllowlist[name] = struct{}{}
	}
	return nil
}

func (cfg *CertConfig2) allowed(name string) bool {
	od := cfg.OnDemand
	od.mu.RLock()
	defer od.mu.RUnlock()
	_, ok := od.hostAllowlist[name]
	return ok || len(od.hostAllowlist) == 0
}

func (cfg *CertConfig2) GetCertificate(name string, needsARI bool) bool {
	if needsARI {
		go func() { _ = cfg.allowed(name) }()
	}
	return cfg.allowed(name)
}
