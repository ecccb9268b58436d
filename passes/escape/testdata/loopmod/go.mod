module loopmod

go 1.21
