module example.com/cgotypes

go 1.22
