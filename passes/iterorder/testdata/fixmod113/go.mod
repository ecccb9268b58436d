module fixmod113

go 1.13
