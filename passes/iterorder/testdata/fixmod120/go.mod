module fixmod120

go 1.20
