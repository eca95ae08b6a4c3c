package main

import (
	"fmt"
	"io"
	"os"

	"github.com/irkit/irkit/ingressroute"
)

// stdinName is the file name of standard input in positions.
const stdinName = "<stdin>"

// inputs is what the commands read: the decoded set, the decoding
// diagnostics and standard input's content (for source snippets).
type inputs struct {
	set   *ingressroute.Set
	diags ingressroute.Diagnostics
	stdin []byte
}

// decodeInputs decodes the paths in order: files, directories (walked for
// *.yaml, *.yml and *.json) and "-" for standard input (read once).
func decodeInputs(e *env, paths []string) *inputs {
	in := &inputs{set: &ingressroute.Set{}}
	stdinRead := false
	for _, p := range paths {
		if p == "-" {
			if stdinRead {
				continue
			}
			stdinRead = true
			data, err := io.ReadAll(io.LimitReader(e.stdin, ingressroute.MaxFileBytes+1))
			if err != nil {
				in.diags = append(in.diags, ingressroute.Diagnostic{
					Severity: ingressroute.SeverityError, Code: ingressroute.CodeIO,
					Pos: ingressroute.Position{File: stdinName}, Message: "cannot read: " + err.Error(),
				})
				continue
			}
			in.stdin = data
			s, ds := ingressroute.Decode(stdinName, data)
			in.set.Merge(s)
			in.diags = append(in.diags, ds...)
			continue
		}
		s, ds := ingressroute.DecodeFiles(p)
		in.set.Merge(s)
		in.diags = append(in.diags, ds...)
	}
	return in
}

// source returns the content of a file named in a position, for snippets.
func (in *inputs) source(file string) ([]byte, bool) {
	if file == stdinName {
		return in.stdin, in.stdin != nil
	}
	data, err := os.ReadFile(file)
	return data, err == nil
}

// ioFailed reports whether a file could not be read (exit status 2).
func (in *inputs) ioFailed(ds ingressroute.Diagnostics) bool {
	for _, d := range ds {
		if d.Code == ingressroute.CodeIO && !d.Suppressed {
			return true
		}
	}
	return false
}

// analyze runs the library's whole pipeline (ingressroute.Analyze) on the
// decoded set and returns the table with every diagnostic, decoding ones
// included, sorted; the disabled codes (codes, families such as IR6xxx, or
// "all") are marked suppressed.
func (in *inputs) analyze(opts ingressroute.Options, disable ...string) (*ingressroute.Table, ingressroute.Diagnostics) {
	return ingressroute.Analyze(in.set, opts, ingressroute.AnalyzeOptions{Prior: in.diags, Disable: disable})
}

// noteFindings tells on standard error, for the commands that are not
// lint, that the input has errors, since they change what Traefik builds.
func noteFindings(w io.Writer, ds ingressroute.Diagnostics) {
	if ds.HasErrors() {
		fmt.Fprintf(w, "note: the input has errors that change what Traefik builds; irkit lint shows them\n")
	}
}

func plural(n int, s string) string {
	if n == 1 {
		return s
	}
	return s + "s"
}
