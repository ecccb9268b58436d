package apis

import "go/types"

// callbackRows: functions handed to a package that calls them and decides
// what their results are for.
//
// cobra asks a completion function (the argument of
// Command.RegisterFlagCompletionFunc, the Command.ValidArgsFunction field)
// for candidates and a ShellCompDirective, and prints both for its shell
// scripts (Command's hidden __complete command). Every script it generates
// lets the shell sort the candidates (bash without compopt -o nosort, zsh's
// _describe without -V, fish without --keep-order, PowerShell through
// Sort-Object) unless the directive carries ShellCompDirectiveKeepOrder,
// added in cobra v1.7.0 (spf13/cobra#1900, #1903): before it, every shell
// sorted them. cobra's CompletionFunc is an alias of an unnamed function
// type (v1.9 on; the parameter and the field spelt the type out before),
// so the contract is stated on the parameter and the field, not on a type.
var callbackRows = []Row{
	{"github.com/spf13/cobra", "Command", "RegisterFlagCompletionFunc", OrderFreeResults, 1, "cobra calls f to complete the flag's value; the shell scripts sort the candidates it returns unless its directive carries ShellCompDirectiveKeepOrder"},
	{"github.com/spf13/cobra", "Command", "ValidArgsFunction", OrderFreeResultsField, 0, "cobra calls it to complete the command's arguments; the shell scripts sort the candidates it returns unless its directive carries ShellCompDirectiveKeepOrder"},
	{"github.com/spf13/cobra", "", "ShellCompDirectiveKeepOrder", KeepOrder, 0, "the directive bit that makes cobra's shell scripts keep the candidates in the order the completion function returned them (compopt -o nosort, _describe -V, complete --keep-order)"},
}

// KeepOrderFlag returns the constant of pkg that a KeepOrder row names,
// or nil when pkg declares none (cobra before v1.7.0, whose shells sort
// every list of candidates). The constant is looked up in pkg's scope,
// by the row's identity.
func KeepOrderFlag(pkg *types.Package) *types.Const {
	if pkg == nil {
		return nil
	}
	for _, r := range callbackRows {
		if r.Role != KeepOrder || r.Pkg != pkg.Path() {
			continue
		}
		if c, ok := pkg.Scope().Lookup(r.Name).(*types.Const); ok {
			return c
		}
	}
	return nil
}

// HandsCallbacks reports whether the package at path has an
// OrderFreeResults or OrderFreeResultsField row: code that imports no such
// package hands no function to one directly.
func HandsCallbacks(path string) bool {
	for _, r := range callbackRows {
		if r.Pkg == path && (r.Role == OrderFreeResults || r.Role == OrderFreeResultsField) {
			return true
		}
	}
	return false
}
