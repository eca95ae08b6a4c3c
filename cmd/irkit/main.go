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
//	explain  print the documentation of a diagnostic code
//	table    print the routing table Traefik builds, or export it
//	route    tell which router serves a request
//	test     run routing unit tests against manifests
//	migrate  rewrite syntax: v2 rules into v3
//	version  print irkit's version
//	help     print help about a command
//
// Exit status: 0 when nothing is wrong, 1 when the command found what it
// looks for (errors in the input, a failing routing test, no router for a
// request), 2 for a usage or I/O problem. Every check lives in the library
// (github.com/irkit/irkit/ingressroute); the command parses flags, reads
// files and renders. docs/cli.md documents every command.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
)

// Exit statuses of every command.
const (
	exitOK       = 0 // nothing wrong
	exitFindings = 1 // errors found in the input, a failing test, no router
	exitUsage    = 2 // bad usage, or input that cannot be read
)

// env is what a command may touch: its standard streams and whether
// standard output is a terminal (for colour).
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// command is one subcommand of irkit.
type command struct {
	name     string
	usage    string // the arguments, after "irkit name"
	summary  string // one line
	examples string // shown by "irkit help name" and -h
	run      func(e *env, args []string) int
}

// commands lists the subcommands in the order help shows them. Adding a
// command is one entry here and a file defining its run function.
var commands []command

func init() {
	// Assigned in init because the run functions print their own usage,
	// which reads this table.
	commands = []command{
		{name: "lint", usage: "[flags] PATH...", summary: "report problems in manifests (files, directories, - for stdin)", run: runLint,
			examples: `irkit lint examples/manifests
helm template ./chart | irkit lint -
irkit lint --format github --format sarif=irkit.sarif .
irkit lint --fail-on warning --disable IR6001,IR2xxx manifests/`},
		{name: "explain", usage: "[CODE...]", summary: "print the documentation of a diagnostic code (all codes without argument)", run: runExplain,
			examples: `irkit explain IR1003
irkit explain`},
		{name: "table", usage: "[flags] PATH...", summary: "print the routing table Traefik builds, or export it as Traefik's dynamic configuration", run: runTable,
			examples: `irkit table examples/manifests
irkit table --entrypoints web,websecure examples/manifests
irkit table --format traefik-yaml examples/manifests > dynamic.yaml`},
		{name: "route", usage: "[flags] METHOD URL PATH...", summary: "tell which router serves a request, and which others match", run: runRoute,
			examples: `irkit route GET https://shop.example.com/api/users examples/manifests
irkit route --entrypoint web -H 'X-Canary: 1' GET http://login.example.com/ examples/manifests
irkit route --remote-addr 10.0.0.7 POST https://admin.shop.example.com/ examples/manifests`},
		{name: "test", usage: "[flags] TESTFILE... -- PATH...", summary: "run routing unit tests (see docs/cli.md) against manifests", run: runTest,
			examples: `irkit test examples/routing-tests.yaml -- examples/manifests
kustomize build overlays/prod | irkit test routing-tests.yaml -- -`},
		{name: "migrate", usage: "[-w] PATH...", summary: "rewrite syntax: v2 rules into v3, keeping the rest of the YAML as written", run: runMigrate,
			examples: `irkit migrate examples/manifests/auth.yaml
irkit migrate -w manifests/`},
		{name: "version", usage: "", summary: "print irkit's version", run: runVersion,
			examples: `irkit version`},
	}
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
	case "--version", "-version":
		return runVersion(e, args[1:])
	}
	if c := lookupCommand(name); c != nil {
		return c.run(e, args[1:])
	}
	fmt.Fprintf(e.stderr, "irkit: unknown command %q\n", name)
	usage(e.stderr)
	return exitUsage
}

func lookupCommand(name string) *command {
	for i := range commands {
		if commands[i].name == name {
			return &commands[i]
		}
	}
	return nil
}

func usage(w io.Writer) {
	fmt.Fprintf(w, "Usage: irkit <command> [arguments]\n\nCommands:\n")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, "  %-9s %s\n", "help", "print help about a command")
	fmt.Fprintf(w, "\nRun \"irkit help <command>\" for a command's flags and examples.\n")
	fmt.Fprintf(w, "Exit status: 0 nothing wrong, 1 findings (errors, failed tests, no router), 2 usage or I/O problem.\n")
}

func runHelp(e *env, args []string) int {
	if len(args) == 0 {
		usage(e.stdout)
		return exitOK
	}
	c := lookupCommand(args[0])
	if c == nil {
		fmt.Fprintf(e.stderr, "irkit help: unknown command %q\n", args[0])
		return exitUsage
	}
	// Every command prints its full help, flags included, for -h.
	e2 := &env{stdin: e.stdin, stdout: e.stdout, stderr: e.stdout}
	c.run(e2, []string{"-h"})
	return exitOK
}

// commandHeader writes the usage line, the summary and the examples of the
// command named name, as the first part of its help.
func commandHeader(w io.Writer, name string) {
	c := lookupCommand(name)
	if c == nil {
		return
	}
	fmt.Fprintf(w, "Usage: irkit %s %s\n\n%s.\n", c.name, c.usage, upperFirst(c.summary))
	if c.examples != "" {
		fmt.Fprintf(w, "\nExamples:\n")
		for _, l := range strings.Split(c.examples, "\n") {
			fmt.Fprintf(w, "  %s\n", l)
		}
	}
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// version is irkit's version, set at build time with
// -ldflags "-X main.version=v1.2.3"; otherwise taken from the module's
// build information (the version "go install ...@v1.2.3" records).
var version = ""

// irkitVersion returns the version irkit reports.
func irkitVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

func runVersion(e *env, args []string) int {
	if len(args) > 0 {
		if args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
			commandHeader(e.stdout, "version")
			return exitOK
		}
		fmt.Fprintln(e.stderr, "Usage: irkit version")
		return exitUsage
	}
	fmt.Fprintf(e.stdout, "irkit %s\n", irkitVersion())
	return exitOK
}
