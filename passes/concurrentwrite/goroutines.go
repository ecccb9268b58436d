package concurrentwrite

import "golang.org/x/tools/go/ssa"

func (ck *checker) checkGoroutines(fns []*ssa.Function, accs []*access) {}
