module example.com/exportrace

go 1.22
