//go:build go1.22

// Package newloops holds the same loops in a file at Go 1.22, where each
// iteration has its own variable: silent.
package newloops

type User struct{ ID string }

func BySlice(users []User) map[string]*User {
	byID := make(map[string]*User)
	for _, u := range users {
		byID[u.ID] = &u
	}
	return byID
}

func Counter(n int) map[int]*int {
	m := make(map[int]*int)
	for i := 0; i < n; i++ {
		m[i] = &i
	}
	return m
}
