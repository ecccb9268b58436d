package consumers

// A process environment is looked up by name: a list of NAME=value
// entries built from a map's distinct keys means the same environment in
// any order (terraform-exec's buildEnv, stored into exec.Cmd's Env; the
// OrderFreeField rows of internal/apis). The same list printed, or handed
// to the command as its arguments, is reported.

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

func envSlice(environ map[string]string) []string {
	env := []string{}
	for k, v := range environ {
		env = append(env, k+"="+v)
	}
	return env
}

// BuildCmd stores the environment into the command: silent.
func BuildCmd(ctx context.Context, path string, environ map[string]string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, path)
	cmd.Env = envSlice(environ)
	return cmd
}

// BuildCmdLiteral sets it in a literal: silent.
func BuildCmdLiteral(path string, environ map[string]string) *exec.Cmd {
	return &exec.Cmd{Path: path, Env: envSlice(environ)}
}

// AppendEnv appends to the command's environment in the loop: silent.
func AppendEnv(cmd *exec.Cmd, extra map[string]string) {
	cmd.Env = os.Environ()
	for k, v := range extra {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
}

// StartProcess hands it to os.StartProcess: silent.
func StartProcess(path string, environ map[string]string) (*os.Process, error) {
	var env []string
	for k, v := range environ {
		env = append(env, k+"="+v)
	}
	return os.StartProcess(path, []string{path}, &os.ProcAttr{Env: env})
}

// PrintEnv prints the same list: reported.
func PrintEnv(environ map[string]string) {
	var env []string
	for k, v := range environ { // want `keys appended to env, which is printed by fmt.Println unsorted`
		env = append(env, k+"="+v)
	}
	fmt.Println(strings.Join(env, "\n"))
}

// ArgsCmd passes the entries as the command's arguments, whose order the
// command sees: followed (no caller here shows it, so the fact carries it
// to the callers in other packages).
func ArgsCmd(ctx context.Context, path string, flags map[string]string) *exec.Cmd { // want ArgsCmd:`orderedresult\(0.field1\)`
	cmd := exec.CommandContext(ctx, path)
	for k, v := range flags {
		cmd.Args = append(cmd.Args, "-"+k+"="+v)
	}
	return cmd
}
