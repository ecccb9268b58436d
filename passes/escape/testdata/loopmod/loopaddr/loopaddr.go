// Package loopaddr stores the address of a loop variable in a map under
// Go 1.21 loop semantics (one variable for all iterations): ranging over a
// slice, over a map, a three-clause loop, &v.f, and composite literals and
// appends holding &v.
package loopaddr

type User struct {
	ID   string
	Addr struct{ City string }
}

func BySlice(users []User) map[string]*User {
	byID := make(map[string]*User)
	for i, u := range users {
		_ = i
		byID[u.ID] = &u // want `address of loop variable u stored in map byID: before Go 1.22 every iteration shares u`
	}
	return byID
}

func ByValueOnly(users []User) map[string]*User {
	byID := make(map[string]*User)
	for _, u := range users {
		byID[u.ID] = &u // want `address of loop variable u stored in map byID`
	}
	return byID
}

func FromMap(src map[string]int) map[string]*int {
	out := make(map[string]*int)
	for k, v := range src {
		out[k] = &v // want `address of loop variable v stored in map out`
	}
	return out
}

func Counter(n int) map[int]*int {
	m := make(map[int]*int)
	for i := 0; i < n; i++ {
		m[i] = &i // want `address of loop variable i stored in map m`
	}
	return m
}

func Cities(users []User) map[string]*string {
	m := make(map[string]*string)
	for i, u := range users {
		m[u.ID] = &u.Addr.City // want `address of loop variable u stored in map m`
		_ = i
	}
	return m
}

type entry struct{ user *User }

func Entries(users []User) map[string]entry {
	m := make(map[string]entry)
	for _, u := range users {
		m[u.ID] = entry{user: &u} // want `address of loop variable u stored in map m`
	}
	return m
}

func Groups(users []User) map[string][]*User {
	m := make(map[string][]*User)
	for _, u := range users {
		m[u.Addr.City] = append(m[u.Addr.City], &u) // want `address of loop variable u stored in map m`
	}
	return m
}

// Modified assigns u before storing it: &users[i] would not be the same
// value, so the fix copies u instead.
func Modified(users []User) map[string]*User {
	m := make(map[string]*User)
	for i, u := range users {
		u.ID = "user-" + u.ID
		m[u.ID] = &u // want `address of loop variable u stored in map m`
		_ = i
	}
	return m
}

// Silent: a copy per iteration, a pointer the variable holds, a value
// stored by copy.

func Copied(users []User) map[string]*User {
	m := make(map[string]*User)
	for _, u := range users {
		u := u
		m[u.ID] = &u
	}
	return m
}

func Pointers(users []*User) map[string]*string {
	m := make(map[string]*string)
	for _, u := range users {
		m[u.ID] = &u.ID
	}
	return m
}

func Values(users []User) map[string]User {
	m := make(map[string]User)
	for _, u := range users {
		m[u.ID] = u
	}
	return m
}
