// Package handlertest has its handlers in its test file.
package handlertest
