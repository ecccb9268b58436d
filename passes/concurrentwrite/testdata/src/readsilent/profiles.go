package readsilent

import "sync"

// profiles is runtime/pprof's registry: lockProfiles takes the lock (and
// fills the map on first use) and its callers release it, so every read
// of profiles.m holds profiles.mu. The lock is a package variable of the
// package being analysed.
var profiles struct {
	mu sync.Mutex
	m  map[string]int
}

func lockProfiles() {
	profiles.mu.Lock()
	if profiles.m == nil {
		profiles.m = map[string]int{"heap": 1}
	}
}

func unlockProfiles() { profiles.mu.Unlock() }

func NewProfile(name string) {
	lockProfiles()
	defer unlockProfiles()
	profiles.m[name] = len(profiles.m)
}

func Lookup(name string) int {
	lockProfiles()
	defer unlockProfiles()
	return profiles.m[name]
}

func Profiles() []string {
	lockProfiles()
	defer unlockProfiles()
	var all []string
	for n := range profiles.m {
		all = append(all, n)
	}
	return all
}

// Unlocked reads without taking it: reported.
func Unlocked(name string) int {
	return profiles.m[name] // want `concurrent read of map profiles.m without profiles.mu`
}
