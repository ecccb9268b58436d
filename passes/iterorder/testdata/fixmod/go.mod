module fixmod

go 1.23
