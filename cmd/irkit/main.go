// Command irkit reads Traefik IngressRoute manifests offline and tells what
// Traefik v3.7 will do with them.
//
// Usage:
//
//	irkit <command> [arguments]
//
// The commands are:
//
//	lint     report problems in manifests (files, directories, - for stdin)
//	version  print irkit's version
//	help     print help about a command
//
// Exit status: 0 when no error was found, 1 when errors were found, 2 for a
// usage or I/O problem. Every check lives in the library
// (github.com/irkit/irkit/ingressroute); the command parses flags, reads
// files and renders.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
)

// Exit statuses of every command.
const (
	exitOK       = 0 // nothing wrong
	exitFindings = 1 // errors found in the input
	exitUsage    = 2 // bad usage, or input that cannot be read
)

// env is what a command may touch: its standard streams.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// command is one subcommand of irkit.
type command struct {
	name    string
	usage   string // the arguments, after "irkit name"
	summary string // one line
	run     func(e *env, args []string) int
}

// commands lists the subcommands in the order help shows them. Adding a
// command is one line here and a file defining its run function.
var commands = []command{
	{name: "lint", usage: "[--format text|json] [--verbose] PATH...", summary: "report problems in manifests", run: runLint},
	{name: "version", usage: "", summary: "print irkit's version", run: runVersion},
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run runs irkit with args (without the program name) and returns the exit
// status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		usage(e.stderr)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		return runHelp(e, args[1:])
	}
	for _, c := range commands {
		if c.name == name {
			return c.run(e, args[1:])
		}
	}
	fmt.Fprintf(e.stderr, "irkit: unknown command %q\n", name)
	usage(e.stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintf(w, "Usage: irkit <command> [arguments]\n\nCommands:\n")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, "  %-9s %s\n", "help", "print help about a command")
	fmt.Fprintf(w, "\nRun \"irkit help <command>\" for a command's arguments.\n")
}

func runHelp(e *env, args []string) int {
	if len(args) == 0 {
		usage(e.stdout)
		return exitOK
	}
	for _, c := range commands {
		if c.name == args[0] {
			fmt.Fprintf(e.stdout, "Usage: irkit %s %s\n\n%s\n", c.name, c.usage, c.summary)
			return exitOK
		}
	}
	fmt.Fprintf(e.stderr, "irkit help: unknown command %q\n", args[0])
	return exitUsage
}

// version is irkit's version, set at build time with
// -ldflags "-X main.version=v1.2.3"; otherwise taken from the module's
// build information.
var version = ""

func runVersion(e *env, args []string) int {
	if len(args) > 0 {
		fmt.Fprintln(e.stderr, "Usage: irkit version")
		return exitUsage
	}
	v := version
	if v == "" {
		v = "(devel)"
		if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
			v = bi.Main.Version
		}
	}
	fmt.Fprintf(e.stdout, "irkit %s\n", v)
	return exitOK
}
