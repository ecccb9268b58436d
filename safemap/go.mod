module github.com/maplint/maplint/safemap

go 1.18
