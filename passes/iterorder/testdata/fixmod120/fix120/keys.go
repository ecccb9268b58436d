package fix120

// This file exercises key types the collected slice of keys cannot name
// (unimported.go has one it can), make, len or a key type's name
// redeclared, and a goto that may not jump over the declarations: each
// loop has the note that says why it has no fix (the "// note:" comment
// above it).

import (
	"fmt"

	"fixmod120/lvl"
	"fixmod120/other"
)

func Unexported() {
	// note: no fix: the key type lvl.level is not exported, and the fix declares a slice of keys
	for k := range lvl.Table() { // want `keys printed by fmt.Println`
		fmt.Println(k)
	}
}

func Internal() {
	// note: no fix: the key type code.Code is in an internal package this one cannot import, and the fix declares a slice of keys
	for k := range other.Codes() { // want `keys printed by fmt.Println`
		fmt.Println(k)
	}
}

type ID[T any] int

func Generic(m map[ID[string]]bool) {
	// note: no fix: the key type ID[string] is an instance of a generic type, which the fix does not write
	for k := range m { // want `keys printed by fmt.Println`
		fmt.Println(k)
	}
}

func LenParam(m map[string]int, len int) {
	// note: no fix: len is not the builtin where the loop is, and the fix collects the keys with it
	for k := range m { // want `keys printed by fmt.Println`
		fmt.Println(k, len)
	}
}

func LevelShadowed(m map[Level]string) {
	Level := 1
	// note: no fix: the key type's name Level means something else where the loop is, and the fix declares a slice of keys
	for k := range m { // want `keys printed by fmt.Println`
		fmt.Println(k, Level)
	}
}

func Goto(m map[string]int, skip bool) {
	if skip {
		goto done
	}
	// note: no fix: the function has a goto, which may not jump over the variables the fix declares before the loop
	for k := range m { // want `keys printed by fmt.Println`
		fmt.Println(k)
	}
done:
	fmt.Println()
}
