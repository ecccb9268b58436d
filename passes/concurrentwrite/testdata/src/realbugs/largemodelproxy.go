// perk11/large-model-proxy#79, "Crash in findFirstMissingResource
// (concurrent map read and map write)", and #76, "concurrent map writes
// crash during process stop/start" (fixed by #77, "Fix a concurrent map
// write in stopService()"): every client connection is handled in its own
// goroutine; reserving resources read and wrote resourcesInUse with no
// lock at all, and stopService deleted the running service outside the
// serviceMutex that the other accesses to runningServices hold.
package realbugs

import (
	"log"
	"net"
	"sync"
	"time"
)

type ServiceConfig struct {
	Name                 string
	ListenPort           string
	ResourceRequirements map[string]int
}

type RunningService struct {
	manageMutex          *sync.Mutex
	activeConnections    int
	idleTimer            *time.Timer
	resourceRequirements map[string]int
}

type ResourceManager struct {
	serviceMutex    *sync.Mutex
	resourcesInUse  map[string]int
	runningServices map[string]RunningService
}

var (
	resourceManager    ResourceManager
	resourcesAvailable map[string]int
)

// maybeGetRunningServiceNoLock Only use if serviceMutex is already locked.
func (rm ResourceManager) maybeGetRunningServiceNoLock(name string) (RunningService, bool) {
	rs, ok := rm.runningServices[name]
	return rs, ok
}

func (rm ResourceManager) maybeGetRunningService(name string) (RunningService, bool) {
	rm.serviceMutex.Lock()
	defer rm.serviceMutex.Unlock()
	return rm.maybeGetRunningServiceNoLock(name)
}

func (rm ResourceManager) storeRunningService(name string, rs RunningService) {
	rm.serviceMutex.Lock()
	defer rm.serviceMutex.Unlock()
	rm.storeRunningServiceNoLock(name, rs)
}

// storeRunningServiceNoLock Only use if serviceMutex is already locked.
func (rm ResourceManager) storeRunningServiceNoLock(name string, rs RunningService) {
	rm.runningServices[name] = rs
}

func startProxy(serviceConfig ServiceConfig) {
	listener, err := net.Listen("tcp", ":"+serviceConfig.ListenPort)
	if err != nil {
		log.Fatalf("[%s] cannot listen: %v", serviceConfig.Name, err)
	}
	for {
		clientConnection, err := listener.Accept()
		if err != nil {
			continue
		}
		go handleConnection(clientConnection, serviceConfig)
	}
}

func handleConnection(clientConnection net.Conn, serviceConfig ServiceConfig) {
	defer clientConnection.Close()
	if _, found := resourceManager.maybeGetRunningService(serviceConfig.Name); !found {
		startService(serviceConfig)
	}
}

func startService(serviceConfig ServiceConfig) {
	runningService := RunningService{manageMutex: &sync.Mutex{}, resourceRequirements: serviceConfig.ResourceRequirements}
	resourceManager.storeRunningService(serviceConfig.Name, runningService)
	if !reserveResources(serviceConfig.ResourceRequirements, serviceConfig.Name) {
		delete(resourceManager.runningServices, serviceConfig.Name) // want `concurrent write to map resourceManager.runningServices without resourceManager.serviceMutex \(held: none\); also accessed by \(ResourceManager\).storeRunningServiceNoLock`
		return
	}
	runningService.idleTimer = time.AfterFunc(time.Minute, func() {
		stopService(serviceConfig.Name)
	})
	resourceManager.storeRunningService(serviceConfig.Name, runningService)
}

func reserveResources(resourceRequirements map[string]int, requestingService string) bool {
	for range 120 {
		missingResource := findFirstMissingResource(resourceRequirements, requestingService)
		if missingResource == nil {
			for resource, amount := range resourceRequirements {
				resourceManager.resourcesInUse[resource] += amount // want `concurrent write to map resourceManager.resourcesInUse \(held: none\)`
			}
			return true
		}
		if earliest := findEarliestLastUsedServiceUsingResource(requestingService, *missingResource); earliest != "" {
			stopService(earliest)
			continue
		}
		time.Sleep(time.Second)
	}
	return false
}

func findEarliestLastUsedServiceUsingResource(requestingService string, missingResource string) string {
	resourceManager.serviceMutex.Lock()
	defer resourceManager.serviceMutex.Unlock()
	for serviceName, service := range resourceManager.runningServices {
		if serviceName != requestingService && service.resourceRequirements[missingResource] > 0 && service.activeConnections == 0 {
			return serviceName
		}
	}
	return ""
}

func findFirstMissingResource(resourceRequirements map[string]int, requestingService string) *string {
	for resource, amount := range resourceRequirements {
		if resourceManager.resourcesInUse[resource]+amount > resourcesAvailable[resource] { // want `concurrent read of map resourceManager.resourcesInUse \(held: none\)`
			log.Printf("[%s] Not enough %s to start", requestingService, resource)
			return &resource
		}
	}
	return nil
}

// Not reported: stopService calls it holding runningService.manageMutex,
// one mutex per service, which does not order two stops of different
// services; the pass does not second-guess an access that holds a lock.
func releaseResources(used map[string]int) {
	for resource, amount := range used {
		resourceManager.resourcesInUse[resource] -= amount
	}
}

func stopService(serviceName string) {
	runningService, ok := resourceManager.maybeGetRunningService(serviceName)
	if !ok {
		return
	}
	runningService.manageMutex.Lock()
	if runningService.idleTimer != nil {
		runningService.idleTimer.Stop()
	}
	releaseResources(runningService.resourceRequirements)
	runningService.manageMutex.Unlock()
	delete(resourceManager.runningServices, serviceName) // want `concurrent write to map resourceManager.runningServices without resourceManager.serviceMutex \(held: none\); also accessed by \(ResourceManager\).storeRunningServiceNoLock`
}

// The fixed version: resourcesInUse and runningServices are read and
// written holding serviceMutex.

type resourceManagerFixed struct {
	serviceMutex    *sync.Mutex
	resourcesInUse  map[string]int
	runningServices map[string]RunningService
}

var fixedManager resourceManagerFixed

func startProxyFixed(serviceConfig ServiceConfig, listener net.Listener) {
	for {
		clientConnection, err := listener.Accept()
		if err != nil {
			continue
		}
		go handleConnectionFixed(clientConnection, serviceConfig)
	}
}

func handleConnectionFixed(clientConnection net.Conn, serviceConfig ServiceConfig) {
	defer clientConnection.Close()
	if !reserveResourcesFixed(serviceConfig.ResourceRequirements) {
		return
	}
	fixedManager.serviceMutex.Lock()
	fixedManager.runningServices[serviceConfig.Name] = RunningService{resourceRequirements: serviceConfig.ResourceRequirements}
	fixedManager.serviceMutex.Unlock()
	time.AfterFunc(time.Minute, func() { stopServiceFixed(serviceConfig.Name) })
}

func reserveResourcesFixed(resourceRequirements map[string]int) bool {
	fixedManager.serviceMutex.Lock()
	defer fixedManager.serviceMutex.Unlock()
	if findFirstMissingResourceFixed(resourceRequirements) != nil {
		return false
	}
	for resource, amount := range resourceRequirements {
		fixedManager.resourcesInUse[resource] += amount
	}
	return true
}

// findFirstMissingResourceFixed Only use if serviceMutex is already locked.
func findFirstMissingResourceFixed(resourceRequirements map[string]int) *string {
	for resource, amount := range resourceRequirements {
		if fixedManager.resourcesInUse[resource]+amount > resourcesAvailable[resource] {
			return &resource
		}
	}
	return nil
}

func stopServiceFixed(serviceName string) {
	fixedManager.serviceMutex.Lock()
	defer fixedManager.serviceMutex.Unlock()
	if rs, ok := fixedManager.runningServices[serviceName]; ok {
		for resource, amount := range rs.resourceRequirements {
			fixedManager.resourcesInUse[resource] -= amount
		}
		delete(fixedManager.runningServices, serviceName)
	}
}
