package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/irkit/irkit/ingressroute"
)

// runLint implements "irkit lint [--format text|json] [--verbose] PATH...":
// it decodes the paths (files, directories walked for *.yaml, *.yml and
// *.json, "-" for stdin), runs the library's checks and prints every
// diagnostic.
func runLint(e *env, args []string) int {
	fs := flag.NewFlagSet("lint", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	format := fs.String("format", "text", "output `format`: text or json")
	verbose := fs.Bool("verbose", false, "also print info diagnostics (text format)")
	color := fs.Bool("color", false, "colour the text output")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: irkit lint [--format text|json] [--verbose] [--color] PATH...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(e.stderr, "irkit lint: unknown format %q (want text or json)\n", *format)
		return exitUsage
	}
	paths := fs.Args()
	if len(paths) == 0 {
		fs.Usage()
		return exitUsage
	}

	set, ds, stdinData := decodeInputs(e, paths)
	ds = append(ds, lintChecks(set)...)
	ds.Sort()

	var err error
	if *format == "json" {
		err = ingressroute.WriteJSON(e.stdout, ds)
	} else {
		shown := ds
		if !*verbose {
			shown = nil
			for _, d := range ds {
				if d.Severity != ingressroute.SeverityInfo {
					shown = append(shown, d)
				}
			}
		}
		err = ingressroute.WriteText(e.stdout, shown, ingressroute.TextOptions{
			Color: *color,
			Source: func(file string) ([]byte, bool) {
				if file == stdinName {
					return stdinData, stdinData != nil
				}
				data, err := os.ReadFile(file)
				return data, err == nil
			},
		})
		if err == nil {
			writeSummary(e.stderr, ds)
		}
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "irkit lint: %v\n", err)
		return exitUsage
	}
	for _, d := range ds {
		if d.Code == ingressroute.CodeIO && !d.Suppressed {
			return exitUsage
		}
	}
	if ds.HasErrors() {
		return exitFindings
	}
	return exitOK
}

// stdinName is the file name of standard input in positions.
const stdinName = "<stdin>"

// decodeInputs decodes the paths in order, "-" reading standard input
// (once). It returns stdin's content for source snippets.
func decodeInputs(e *env, paths []string) (*ingressroute.Set, ingressroute.Diagnostics, []byte) {
	set := &ingressroute.Set{}
	var all ingressroute.Diagnostics
	var stdinData []byte
	stdinRead := false
	for _, p := range paths {
		if p == "-" {
			if stdinRead {
				continue
			}
			stdinRead = true
			data, err := io.ReadAll(io.LimitReader(e.stdin, ingressroute.MaxFileBytes+1))
			if err != nil {
				all = append(all, ingressroute.Diagnostic{
					Severity: ingressroute.SeverityError, Code: ingressroute.CodeIO,
					Pos: ingressroute.Position{File: stdinName}, Message: "cannot read: " + err.Error(),
				})
				continue
			}
			stdinData = data
			s, ds := ingressroute.Decode(stdinName, data)
			set.Merge(s)
			all = append(all, ds...)
			continue
		}
		s, ds := ingressroute.DecodeFiles(p)
		set.Merge(s)
		all = append(all, ds...)
	}
	return set, all, stdinData
}

// lintChecks returns the diagnostics of the library's checks on the
// decoded set: validation and compilation. Decoding diagnostics are
// already in hand.
//
// TODO(lead): wire ingressroute.Validate and ingressroute.Compile here.
func lintChecks(set *ingressroute.Set) ingressroute.Diagnostics {
	_ = set
	return nil
}

// writeSummary prints "N errors, M warnings" when there is anything to
// report.
func writeSummary(w io.Writer, ds ingressroute.Diagnostics) {
	errs, warns := ds.Count(ingressroute.SeverityError), ds.Count(ingressroute.SeverityWarning)
	if errs+warns == 0 {
		return
	}
	fmt.Fprintf(w, "%d %s, %d %s\n", errs, plural(errs, "error"), warns, plural(warns, "warning"))
}

func plural(n int, s string) string {
	if n == 1 {
		return s
	}
	return s + "s"
}
