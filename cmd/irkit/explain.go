package main

import (
	"fmt"
	"strings"

	"github.com/irkit/irkit/ingressroute"
)

// runExplain implements "irkit explain [CODE...]": the title, explanation
// and before/after example of each code, or the list of every code when
// none is given. An unknown code is a usage error.
func runExplain(e *env, args []string) int {
	fs := newFlagSet("explain")
	if ok, code := parseFlags(e, fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		for _, c := range ingressroute.Codes() {
			fmt.Fprintf(e.stdout, "%s  %-7s  %s\n", c.Code, c.Severity, c.Title)
		}
		return exitOK
	}
	status := exitOK
	for i, arg := range fs.Args() {
		c, ok := ingressroute.LookupCode(strings.ToUpper(strings.TrimSpace(arg)))
		if !ok {
			fmt.Fprintf(e.stderr, "irkit explain: unknown code %q (irkit explain lists them)\n", arg)
			status = exitUsage
			continue
		}
		if i > 0 {
			fmt.Fprintln(e.stdout)
		}
		if err := ingressroute.WriteCodeText(e.stdout, c); err != nil {
			fmt.Fprintf(e.stderr, "irkit explain: %v\n", err)
			return exitUsage
		}
	}
	return status
}
