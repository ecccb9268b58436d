// sipgo's transaction_layer_test.go starts its transactions from
// goroutines in a loop; before the wrappers' locks were seen, the reads
// and the write of clientTxRequest were reported against each other
// (transaction_layer.go:367 and :375 in default mode).
package lockwrappers

import (
	"strconv"
	"sync"
	"testing"
)

func TestTransactionLayerClientTx(t *testing.T) {
	txl := NewTransactionLayer()
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := txl.NewClientTransaction("INVITE", strconv.Itoa(i)); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
}

func TestTransactionLayerServerTx(t *testing.T) {
	txl := NewTransactionLayer()
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			txl.handleMessage("INVITE", strconv.Itoa(i))
		}()
	}
	wg.Wait()
}
