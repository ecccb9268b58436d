// weka/csi-wekafs#712, "fix: replace Mutex with RWMutex in ApiStore to
// prevent concurrent map access races" (pkg/wekafs/apistore.go): ApiStore
// wrote its map apis under its embedded Mutex in fromCredentials, while
// getByHash and getByClusterGuid read it with no lock of the store. The
// first getByHash of fromCredentials runs under a mutex of its own, the
// one getLockForHash takes from the sync.Map locks for the credentials'
// hash: a per-key lock, which orders the requests for one set of
// credentials and none of those for another, whose write of apis it
// races. The fix makes the Mutex an RWMutex and takes its read lock in
// getByHash and getByClusterGuid.
package realbugs

import (
	"errors"
	"sync"
)

type wekaCredentials struct {
	Username, Endpoint string
}

func (c wekaCredentials) Hash() uint32 {
	var h uint32
	for _, b := range []byte(c.Username + c.Endpoint) {
		h = h*31 + uint32(b)
	}
	return h
}

type wekaApiClient struct {
	ClusterGuid string
	hash        uint32
}

func (c *wekaApiClient) Hash() uint32 { return c.hash }

func (c *wekaApiClient) Init() error { return nil }

var errWekaNotFound = errors.New("could not get API client by cluster guid")

// ApiStore hashmap of all APIs defined by credentials + endpoints
type ApiStore struct {
	sync.Mutex
	apis     map[uint32]*wekaApiClient
	Hostname string
	locks    sync.Map // map[uint32]*sync.Mutex
}

func NewApiStore(hostname string) *ApiStore {
	return &ApiStore{
		Mutex:    sync.Mutex{},
		apis:     make(map[uint32]*wekaApiClient),
		Hostname: hostname,
	}
}

// getByHash returns pointer to existing API if found by hash, or nil
func (api *ApiStore) getByHash(key uint32) *wekaApiClient {
	if val, ok := api.apis[key]; ok { // want `concurrent read of map api.apis without api.Mutex \(held: none\); also written by \(\*ApiStore\).fromCredentials holding it`
		return val
	}
	return nil
}

func (api *ApiStore) getByClusterGuid(guid string) (*wekaApiClient, error) {
	for _, val := range api.apis { // want `concurrent read of map api.apis without api.Mutex \(held: none\); also written by \(\*ApiStore\).fromCredentials holding it`
		if val.ClusterGuid == guid {
			return val, nil
		}
	}
	return nil, errWekaNotFound
}

// fromCredentials returns a pointer to API by credentials and endpoints
// If this is a new API, it will be created and put in hashmap
func (api *ApiStore) fromCredentials(credentials wekaCredentials) (*wekaApiClient, error) {
	credsHash := credentials.Hash()
	lock := api.getLockForHash(credsHash)
	lock.Lock()
	defer lock.Unlock()

	newClient := &wekaApiClient{hash: credsHash}
	hash := newClient.Hash()

	if existingApi := api.getByHash(hash); existingApi != nil {
		return existingApi, nil
	}
	api.Lock()
	if api.getByHash(hash) != nil {
		api.Unlock()
		return api.getByHash(hash), nil
	}
	api.Unlock()
	if err := newClient.Init(); err != nil {
		return nil, err
	}
	api.Lock()
	defer api.Unlock()
	api.apis[hash] = newClient

	return newClient, nil
}

func (api *ApiStore) GetClientFromSecrets(secrets map[string]string) (*wekaApiClient, error) {
	if len(secrets) == 0 {
		return nil, errors.New("no secrets provided")
	}
	return api.fromCredentials(wekaCredentials{Username: secrets["username"], Endpoint: secrets["endpoints"]})
}

func (api *ApiStore) GetClientFromClusterGuid(guid string) (*wekaApiClient, error) {
	return api.getByClusterGuid(guid)
}

func (api *ApiStore) getLockForHash(hash uint32) *sync.Mutex {
	lockIface, _ := api.locks.LoadOrStore(hash, &sync.Mutex{})
	return lockIface.(*sync.Mutex)
}

// ApiStoreFixed is the store after the fix: an RWMutex, whose read lock
// getByHash and getByClusterGuid take.
type ApiStoreFixed struct {
	sync.RWMutex
	apis     map[uint32]*wekaApiClient
	Hostname string
	locks    sync.Map // map[uint32]*sync.Mutex
}

func (api *ApiStoreFixed) getByHash(key uint32) *wekaApiClient {
	api.RLock()
	defer api.RUnlock()
	if val, ok := api.apis[key]; ok {
		return val
	}
	return nil
}

func (api *ApiStoreFixed) getByClusterGuid(guid string) (*wekaApiClient, error) {
	api.RLock()
	defer api.RUnlock()
	for _, val := range api.apis {
		if val.ClusterGuid == guid {
			return val, nil
		}
	}
	return nil, errWekaNotFound
}

func (api *ApiStoreFixed) fromCredentials(credentials wekaCredentials) (*wekaApiClient, error) {
	credsHash := credentials.Hash()
	lock := api.getLockForHash(credsHash)
	lock.Lock()
	defer lock.Unlock()

	if existingApi := api.getByHash(credsHash); existingApi != nil {
		return existingApi, nil
	}
	newClient := &wekaApiClient{hash: credsHash}
	if err := newClient.Init(); err != nil {
		return nil, err
	}
	api.Lock()
	defer api.Unlock()
	api.apis[credsHash] = newClient

	return newClient, nil
}

func (api *ApiStoreFixed) GetClientFromSecrets(secrets map[string]string) (*wekaApiClient, error) {
	return api.fromCredentials(wekaCredentials{Username: secrets["username"], Endpoint: secrets["endpoints"]})
}

func (api *ApiStoreFixed) GetClientFromClusterGuid(guid string) (*wekaApiClient, error) {
	return api.getByClusterGuid(guid)
}

func (api *ApiStoreFixed) getLockForHash(hash uint32) *sync.Mutex {
	lockIface, _ := api.locks.LoadOrStore(hash, &sync.Mutex{})
	return lockIface.(*sync.Mutex)
}
