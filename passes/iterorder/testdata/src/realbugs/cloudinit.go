package realbugs

import "fmt"

type EtcdEnvironment map[string]string

func normalizeSvcEnv(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// String is coreos/coreos-cloudinit's etcd environment before
// https://github.com/coreos/coreos-cloudinit/pull/155 ("etcdenvironment:
// order map keys consistently"): the systemd drop-in it writes lists the
// variables in map order.
func (ee EtcdEnvironment) String() (out string) {
	norm := normalizeSvcEnv(ee)

	if val, ok := norm["DISCOVERY_URL"]; ok {
		delete(norm, "DISCOVERY_URL")
		if _, ok := norm["DISCOVERY"]; !ok {
			norm["DISCOVERY"] = val
		}
	}

	out += "[Service]\n"

	for key, val := range norm { // want `keys concatenated onto out, which is returned unsorted`
		out += fmt.Sprintf("Environment=\"ETCD_%s=%s\"\n", key, val)
	}

	return
}
