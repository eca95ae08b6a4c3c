package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/irkit/irkit/ingressroute"
)

// lintFormats are the output formats of irkit lint.
var lintFormats = []string{"text", "json", "sarif", "github"}

// output is one --format: a format and where it goes ("" or "-" for
// standard output).
type output struct {
	format, file string
}

// formatsFlag collects repeated --format NAME[=FILE] flags.
type formatsFlag struct{ outs *[]output }

func (f formatsFlag) String() string {
	if f.outs == nil {
		return ""
	}
	var s []string
	for _, o := range *f.outs {
		if o.file != "" {
			s = append(s, o.format+"="+o.file)
		} else {
			s = append(s, o.format)
		}
	}
	return strings.Join(s, ",")
}

func (f formatsFlag) Set(v string) error {
	name, file, _ := strings.Cut(v, "=")
	for _, known := range lintFormats {
		if name == known {
			*f.outs = append(*f.outs, output{format: name, file: file})
			return nil
		}
	}
	return fmt.Errorf("unknown format %q (want %s)", name, strings.Join(lintFormats, ", "))
}

// runLint implements "irkit lint [flags] PATH...": it decodes the paths
// (files, directories walked for *.yaml, *.yml and *.json, "-" for stdin),
// runs the library's checks and renders every diagnostic in each format
// asked for. Exit status: 2 when a file cannot be read, else 1 when an
// unsuppressed diagnostic reaches --fail-on, else 0.
func runLint(e *env, args []string) int {
	fs := newFlagSet("lint")
	pf := addProviderFlags(fs)
	var outs []output
	fs.Var(formatsFlag{&outs}, "format", "output `format`: text (default), json, sarif or github; NAME=FILE writes to FILE; repeatable")
	fs.StringVar(&pf.cfg.FailOn, "fail-on", "", "exit 1 when a finding of this `severity` or worse is found: error (default) or warning")
	fs.Var(listFlag{&pf.cfg.Disable}, "disable", "comma-separated `codes` to silence: codes, families (IR6xxx) or all; they stay in JSON and SARIF, marked suppressed")
	fs.BoolVar(&pf.cfg.Verbose, "verbose", false, "also show info diagnostics in the text and github formats")
	color := fs.Bool("color", false, "colour the text output on standard output even when it is not a terminal")
	noColor := fs.Bool("no-color", false, "never colour the text output")
	if ok, code := parseFlags(e, fs, args); !ok {
		return code
	}
	cfg, err := pf.resolve()
	if err != nil {
		fmt.Fprintf(e.stderr, "irkit lint: %v\n", err)
		return exitUsage
	}
	failOn := ingressroute.SeverityError
	switch cfg.FailOn {
	case "", "error":
	case "warning":
		failOn = ingressroute.SeverityWarning
	default:
		fmt.Fprintf(e.stderr, "irkit lint: --fail-on %q: want error or warning\n", cfg.FailOn)
		return exitUsage
	}
	for _, c := range cfg.Disable {
		if !validDisable(c) {
			fmt.Fprintf(e.stderr, "irkit lint: --disable: unknown code %q (want a code, a family such as IR6xxx, or all; irkit explain lists the codes)\n", c)
			return exitUsage
		}
	}
	paths := fs.Args()
	if len(paths) == 0 {
		fs.SetOutput(e.stderr)
		fs.Usage()
		return exitUsage
	}
	if len(outs) == 0 {
		outs = []output{{format: "text"}}
	}

	in := decodeInputs(e, paths)
	_, ds := in.analyze(cfg.options(), cfg.Disable...)

	for _, o := range outs {
		w, closeFn, err := openOutput(e, o.file)
		if err != nil {
			fmt.Fprintf(e.stderr, "irkit lint: %v\n", err)
			return exitUsage
		}
		bw := bufio.NewWriter(w)
		switch o.format {
		case "json":
			err = ingressroute.WriteJSON(bw, ds)
		case "sarif":
			err = writeSARIF(bw, ds, in.source)
		case "github":
			err = writeGitHub(bw, visible(ds, cfg.Verbose))
		default:
			useColor := w == e.stdout && !*noColor && (*color || isTerminal(e.stdout))
			err = ingressroute.WriteText(bw, visible(ds, cfg.Verbose), ingressroute.TextOptions{Color: useColor, Source: in.source})
		}
		if err == nil {
			err = bw.Flush()
		}
		if cerr := closeFn(); err == nil {
			err = cerr
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "irkit lint: %v\n", err)
			return exitUsage
		}
	}
	writeSummary(e.stderr, ds)

	if in.ioFailed(ds) {
		return exitUsage
	}
	for _, d := range ds {
		if !d.Suppressed && d.Severity <= failOn {
			return exitFindings
		}
	}
	return exitOK
}

// openOutput opens where a format writes: standard output for "" or "-",
// else the file, created or truncated.
func openOutput(e *env, file string) (io.Writer, func() error, error) {
	if file == "" || file == "-" {
		return e.stdout, func() error { return nil }, nil
	}
	f, err := os.Create(file)
	if err != nil {
		return nil, nil, err
	}
	return f, f.Close, nil
}

// validDisable reports whether an entry of --disable is one Analyze
// understands: a registered code, a family (IR6xxx or IR6*) or "all",
// in any case.
func validDisable(entry string) bool {
	e := strings.ToUpper(entry)
	if e == "ALL" || e == "*" {
		return true
	}
	if len(e) == 6 && strings.HasPrefix(e, "IR") && e[2] >= '0' && e[2] <= '9' && e[3:] == "XXX" {
		return true
	}
	if len(e) == 4 && strings.HasPrefix(e, "IR") && e[2] >= '0' && e[2] <= '9' && e[3] == '*' {
		return true
	}
	_, ok := ingressroute.LookupCode(e)
	return ok
}

// visible leaves out info diagnostics unless verbose.
func visible(ds ingressroute.Diagnostics, verbose bool) ingressroute.Diagnostics {
	if verbose {
		return ds
	}
	var out ingressroute.Diagnostics
	for _, d := range ds {
		if d.Severity != ingressroute.SeverityInfo {
			out = append(out, d)
		}
	}
	return out
}

// isTerminal reports whether w is a terminal that takes colours: a
// character device, with NO_COLOR unset and TERM not "dumb".
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// writeSummary prints "N errors, M warnings" on standard error when there
// is anything to report; suppressed findings are not counted.
func writeSummary(w io.Writer, ds ingressroute.Diagnostics) {
	errs, warns := ds.Count(ingressroute.SeverityError), ds.Count(ingressroute.SeverityWarning)
	if errs+warns == 0 {
		return
	}
	fmt.Fprintf(w, "%d %s, %d %s\n", errs, plural(errs, "error"), warns, plural(warns, "warning"))
}
