// Package require is a stand-in for testify's require package, with the
// signatures of the functions the tests use.
package require

// TestingT is the part of *testing.T that require uses.
type TestingT interface {
	Errorf(format string, args ...interface{})
	FailNow()
}

// Equal asserts that expected and actual are equal (reflect.DeepEqual).
func Equal(t TestingT, expected, actual interface{}, msgAndArgs ...interface{}) {}

// ElementsMatch asserts that the two lists hold the same elements, in any
// order.
func ElementsMatch(t TestingT, listA, listB interface{}, msgAndArgs ...interface{}) {}

// Len asserts that object has length elements, and stops the test when it
// has not.
func Len(t TestingT, object interface{}, length int, msgAndArgs ...interface{}) {}
