module example.com/phasejoin

go 1.22
