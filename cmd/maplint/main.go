// Command maplint runs the maplint passes on Go packages.
//
//	maplint ./...                 report findings (exit 3 when there are some)
//	maplint -fix ./...            apply the suggested fixes
//	maplint -fix -diff ./...      show the fixes as a diff, without writing
//	maplint -c=2 ./...            show each finding's lines, with 2 lines around
//	maplint -json ./...           machine-readable output (-sarif for code scanning)
//	maplint -tags=t1,t2 ./...     with build tags
//	maplint help [pass]           list the passes, or describe one
//	go vet -vettool=$(which maplint) ./...
//	go fix -fixtool=$(which maplint) ./...
//
// The standalone command is internal/driver: it analyses packages in
// dependency order and caches facts and findings under
// os.UserCacheDir()/maplint. go vet and go fix run it through x/tools'
// unitchecker.
//
// See https://pkg.go.dev/github.com/maplint/maplint for the passes.
package main

import (
	"github.com/maplint/maplint"
	"github.com/maplint/maplint/internal/driver"
)

func main() { driver.Main(maplint.Analyzers()...) }
