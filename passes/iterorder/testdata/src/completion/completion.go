// Package completion exercises completion functions handed to cobra: the
// shell sorts the candidates they return unless the directive returned
// with them carries ShellCompDirectiveKeepOrder (the OrderFreeResults,
// OrderFreeResultsField and KeepOrder rows of internal/apis), so a list
// built in map order is silent there, and reported when the directive may
// carry the bit or the function also goes elsewhere.
package completion

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

type options struct {
	contexts map[string]string
	nodes    map[string]bool
	kinds    map[string]int
}

// contextCompletionFunc is stern v1.33.0's cmd/flag_completion.go:147: a
// factory whose literal collects kubeconfig's contexts in map order, and
// whose every call is registered with cobra. Silent.
func contextCompletionFunc(o *options) func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		var comps []string
		for name := range o.contexts {
			if strings.HasPrefix(name, toComplete) {
				comps = append(comps, name)
			}
		}
		return comps, cobra.ShellCompDirectiveNoFileComp
	}
}

// queryCompletionFunc is the same factory, stored in ValidArgsFunction
// (stern's cmd.go:792). Silent.
func queryCompletionFunc(o *options) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
		var comps []string
		for kind := range o.kinds {
			comps = append(comps, kind)
		}
		return comps, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
	}
}

// completeNodes is a method value registered with cobra. Silent.
func (o *options) completeNodes(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	var comps []string
	for n := range o.nodes {
		if strings.HasPrefix(n, toComplete) {
			comps = append(comps, n)
		}
	}
	return comps, cobra.ShellCompDirectiveDefault
}

// NewCommand registers every completion function above, a literal passed
// directly, and one through a local variable: all silent.
func NewCommand(o *options) (*cobra.Command, error) {
	cmd := &cobra.Command{
		Use:               "stern",
		ValidArgsFunction: queryCompletionFunc(o),
	}
	if err := cmd.RegisterFlagCompletionFunc("context", contextCompletionFunc(o)); err != nil {
		return nil, err
	}
	if err := cmd.RegisterFlagCompletionFunc("node", o.completeNodes); err != nil {
		return nil, err
	}
	err := cmd.RegisterFlagCompletionFunc("kind", func(_ *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
		var comps []string
		for k := range o.kinds {
			comps = append(comps, k)
		}
		return comps, cobra.ShellCompDirectiveNoFileComp
	})
	if err != nil {
		return nil, err
	}
	sub := &cobra.Command{Use: "logs"}
	complete := func(_ *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
		var comps []string
		for name := range o.contexts {
			comps = append(comps, name)
		}
		return comps, cobra.ShellCompDirectiveNoFileComp
	}
	sub.ValidArgsFunction = complete
	return cmd, nil
}

// NewOrderedCommand asks cobra to keep the order: the shell shows the
// candidates as returned. Reported.
func NewOrderedCommand(o *options) error {
	cmd := &cobra.Command{Use: "ordered"}
	return cmd.RegisterFlagCompletionFunc("context", func(_ *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
		var comps []string
		for name := range o.contexts { // want `keys appended to comps, which is returned unsorted`
			comps = append(comps, name)
		}
		return comps, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveKeepOrder
	})
}

// NewDirectedCommand returns a directive chosen at run time, which may
// carry the bit. Reported.
func NewDirectedCommand(o *options, directive cobra.ShellCompDirective) error {
	cmd := &cobra.Command{Use: "directed"}
	return cmd.RegisterFlagCompletionFunc("context", func(_ *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
		var comps []string
		for name := range o.contexts { // want `keys appended to comps, which is returned unsorted`
			comps = append(comps, name)
		}
		return comps, directive
	})
}

// nodeCompletionFunc is registered, and also called to print the list.
// Reported.
func nodeCompletionFunc(o *options) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
		var comps []string
		for n := range o.nodes { // want `keys appended to comps, which is returned unsorted`
			comps = append(comps, n)
		}
		return comps, cobra.ShellCompDirectiveNoFileComp
	}
}

// ListNodes registers the factory's function and prints what it returns.
func ListNodes(o *options) error {
	cmd := &cobra.Command{Use: "nodes"}
	if err := cmd.RegisterFlagCompletionFunc("node", nodeCompletionFunc(o)); err != nil {
		return err
	}
	names, _ := nodeCompletionFunc(o)(cmd, nil, "")
	fmt.Println(strings.Join(names, "\n"))
	return nil
}

// menu holds a function of cobra's signature that cobra never sees.
type menu struct {
	items func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective)
}

// NewMenu stores the literal in a field of its own: not registered with
// cobra. Reported.
func NewMenu(o *options) *menu {
	return &menu{items: func(_ *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
		var comps []string
		for name := range o.contexts { // want `keys appended to comps, which is returned unsorted`
			comps = append(comps, name)
		}
		return comps, cobra.ShellCompDirectiveNoFileComp
	}}
}
