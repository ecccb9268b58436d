module guardmod

go 1.23
