// asynkron/protoactor-go#260, "Fix concurrent map iteration and map write
// error on GetMemberPIDs" (fatal error: concurrent map iteration and map
// write in cluster.GetMemberPIDs): the cluster's member list, a package
// variable, updates its members map under its mutex when the cluster
// topology changes, in the goroutine that watches the provider; the
// exported GetMemberPIDs ranged over the members without the lock. The fix
// takes the read lock.
package reads

import "sync"

type clusterMember struct {
	Host  string
	Kinds []string
}

type memberListValue struct {
	mutex   sync.RWMutex
	members map[string]*clusterMember
}

var memberList *memberListValue

func (ml *memberListValue) updateClusterTopology(members []*clusterMember) {
	ml.mutex.Lock()
	defer ml.mutex.Unlock()
	seen := make(map[string]bool)
	for _, m := range members {
		seen[m.Host] = true
		ml.members[m.Host] = m
	}
	for host := range ml.members {
		if !seen[host] {
			delete(ml.members, host)
		}
	}
}

func (ml *memberListValue) watch(updates chan []*clusterMember) {
	for members := range updates {
		ml.updateClusterTopology(members)
	}
}

func StartCluster(updates chan []*clusterMember) {
	memberList = &memberListValue{members: make(map[string]*clusterMember)}
	go memberList.watch(updates)
}

// GetMemberPIDs is the racing reader.
func GetMemberPIDs(kind string) []string {
	var pids []string
	if memberList == nil {
		return pids
	}
	for _, value := range memberList.members { // want `concurrent read of map memberList.members without memberList.mutex \(held: none\)`
		for _, memberKind := range value.Kinds {
			if kind == memberKind {
				pids = append(pids, value.Host+"/"+kind)
			}
		}
	}
	return pids
}

// GetMemberPIDsFixed is the fix.
func GetMemberPIDsFixed(kind string) []string {
	var pids []string
	if memberList == nil {
		return pids
	}
	memberList.mutex.RLock()
	defer memberList.mutex.RUnlock()
	for _, value := range memberList.members {
		for _, memberKind := range value.Kinds {
			if kind == memberKind {
				pids = append(pids, value.Host+"/"+kind)
			}
		}
	}
	return pids
}
