// Command vetsuite runs go vet's own analyzers (x/tools suite/vet) under the
// same standalone driver as maplint, so that bench/run compares analysis cost
// with analysis cost: both load packages with go/packages and analyse them
// from source, without the go command's result cache.
package main

import (
	"golang.org/x/tools/go/analysis/suite/vet"

	"github.com/maplint/maplint/internal/driver"
)

func main() { driver.Main(vet.Suite...) }
