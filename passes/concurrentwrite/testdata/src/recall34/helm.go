// helm/helm#6643, "Concurrent map writes causes a panic once app starts"
// (fatal error: concurrent map writes in kube.(*Client).Get.func1, called
// from batchPerform.func1): Client.Get hands perform a closure that groups
// the objects by kind in the objs map, and perform runs it through
// batchPerform, which starts a goroutine per resource. The fix guards the
// closure's body with a mutex local to Get.
package recall34

import "sync"

type resourceInfo struct {
	Kind, Name string
}

type resourceActorFunc func(*resourceInfo) error

func perform(infos []*resourceInfo, fn resourceActorFunc) error {
	errs := make(chan error)
	go batchPerform(infos, fn, errs)
	for range infos {
		if err := <-errs; err != nil {
			return err
		}
	}
	return nil
}

func batchPerform(infos []*resourceInfo, fn resourceActorFunc, errs chan<- error) {
	var kind string
	var wg sync.WaitGroup
	for _, info := range infos {
		if kind != info.Kind {
			wg.Wait()
			kind = info.Kind
		}
		wg.Add(1)
		go func(i *resourceInfo) {
			errs <- fn(i)
			wg.Done()
		}(info)
	}
}

type helmClient struct{}

func (c *helmClient) Get(infos []*resourceInfo) (map[string]map[string]*resourceInfo, error) {
	objs := make(map[string]map[string]*resourceInfo)
	err := perform(infos, func(info *resourceInfo) error {
		vk := "v1/" + info.Kind
		if objs[vk] == nil { // want `concurrent read of map objs \(held: none\); also written by other goroutines started in a loop in batchPerform that run the function \(\*helmClient\).Get passes to perform`
			objs[vk] = make(map[string]*resourceInfo) // want `concurrent write to map objs \(held: none\); also accessed by other goroutines started in a loop in batchPerform that run the function \(\*helmClient\).Get passes to perform`
		}
		objs[vk][info.Name] = info // want `concurrent read of map objs \(held: none\)`
		return nil
	})
	return objs, err
}

// GetFixed is the fix: the closure's body holds a mutex local to GetFixed.
func (c *helmClient) GetFixed(infos []*resourceInfo) (map[string]map[string]*resourceInfo, error) {
	objs := make(map[string]map[string]*resourceInfo)
	mux := &sync.Mutex{}
	err := perform(infos, func(info *resourceInfo) error {
		mux.Lock()
		defer mux.Unlock()
		vk := "v1/" + info.Kind
		if objs[vk] == nil {
			objs[vk] = make(map[string]*resourceInfo)
		}
		objs[vk][info.Name] = info
		return nil
	})
	return objs, err
}
