// Package tags has its only finding in a file built with the extra build
// tag: maplint -tags=extra must analyse that file, and plain maplint not.
package tags
