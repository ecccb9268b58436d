// Package cobra is a stand-in for github.com/spf13/cobra (v1.10), with the
// declarations of its completion API that the tests use, as cobra declares
// them.
package cobra

// Command is a command of the program.
type Command struct {
	Use string

	// ValidArgs lists the non-flag arguments offered in completions.
	ValidArgs []Completion

	// ValidArgsFunction provides the non-flag arguments offered in
	// completions.
	ValidArgsFunction CompletionFunc
}

// ShellCompDirective is a bit map of the behaviours the shell is asked
// to have once completions are provided.
type ShellCompDirective int

const (
	ShellCompDirectiveError ShellCompDirective = 1 << iota
	ShellCompDirectiveNoSpace
	ShellCompDirectiveNoFileComp
	ShellCompDirectiveFilterFileExt
	ShellCompDirectiveFilterDirs
	ShellCompDirectiveKeepOrder

	shellCompDirectiveMaxValue

	ShellCompDirectiveDefault ShellCompDirective = 0
)

// Completion is a candidate, with an optional tab-separated description.
type Completion = string

// CompletionFunc is a function that provides completion results.
type CompletionFunc = func(cmd *Command, args []string, toComplete string) ([]Completion, ShellCompDirective)

// RegisterFlagCompletionFunc registers f to provide completions for the
// flag.
func (c *Command) RegisterFlagCompletionFunc(flagName string, f CompletionFunc) error { return nil }

// Execute runs the command.
func (c *Command) Execute() error { return nil }
