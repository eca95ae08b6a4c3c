package ingressroute

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// TextOptions controls WriteText.
type TextOptions struct {
	// Source returns the content of a file, to print the offending line
	// with a caret under the column. Nil prints no source lines.
	Source func(file string) ([]byte, bool)
	// Color adds ANSI colours (severity, position, caret).
	Color bool
	// Suppressed also prints suppressed diagnostics, marked as such.
	Suppressed bool
}

// ANSI escapes used when TextOptions.Color is set.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiGreen  = "\x1b[32m"
)

// WriteText writes the diagnostics for people, sorted, each as
//
//	file:line:col: severity CODE: message (Kind namespace/name)
//	    12 |     - mach: Host(`example.com`)
//	       |       ^
//	    hint: did you mean match?
//	    file:3:5: first defined here
//
// The source lines appear only when opts.Source is set and knows the
// file; the caret sits under the byte column, tabs kept so that it lines
// up. Suppressed diagnostics are left out unless opts.Suppressed is set.
func WriteText(w io.Writer, ds Diagnostics, opts TextOptions) error {
	sorted := append(Diagnostics(nil), ds...)
	sorted.Sort()
	bw := bufio.NewWriter(w)
	lines := map[string][][]byte{}
	getLine := func(file string, line int) ([]byte, bool) {
		if opts.Source == nil || line <= 0 {
			return nil, false
		}
		ls, ok := lines[file]
		if !ok {
			if data, found := opts.Source(file); found {
				ls = bytes.Split(data, []byte("\n"))
			}
			lines[file] = ls
		}
		if line > len(ls) {
			return nil, false
		}
		return bytes.TrimRight(ls[line-1], "\r"), true
	}
	paint := func(code, s string) string {
		if !opts.Color {
			return s
		}
		return code + s + ansiReset
	}
	for _, d := range sorted {
		if d.Suppressed && !opts.Suppressed {
			continue
		}
		sev := d.Severity.String()
		switch d.Severity {
		case SeverityError:
			sev = paint(ansiBold+ansiRed, sev)
		case SeverityWarning:
			sev = paint(ansiBold+ansiYellow, sev)
		default:
			sev = paint(ansiBold+ansiCyan, sev)
		}
		fmt.Fprintf(bw, "%s: %s %s: %s", paint(ansiBold, d.Pos.String()), sev, d.Code, d.Message)
		if obj := d.Object.String(); obj != "" {
			fmt.Fprintf(bw, " (%s)", obj)
		}
		if d.Suppressed {
			bw.WriteString(" [suppressed]")
		}
		bw.WriteByte('\n')
		if src, ok := getLine(d.Pos.File, d.Pos.Line); ok {
			writeSnippet(bw, src, d.Pos, func(s string) string { return paint(ansiGreen, s) })
		}
		if d.Hint != "" {
			fmt.Fprintf(bw, "    hint: %s\n", indentLines(d.Hint, "          "))
		}
		for _, r := range d.Related {
			fmt.Fprintf(bw, "    %s: %s\n", r.Pos, r.Message)
		}
	}
	return bw.Flush()
}

// writeSnippet writes a source line and a caret under pos.Column.
func writeSnippet(w *bufio.Writer, line []byte, pos Position, paint func(string) string) {
	num := strconv.Itoa(pos.Line)
	fmt.Fprintf(w, "    %s | %s\n", num, line)
	var pad strings.Builder
	for i := 0; i < pos.Column-1 && i < len(line); i++ {
		if line[i] == '\t' {
			pad.WriteByte('\t')
		} else {
			pad.WriteByte(' ')
		}
	}
	if pos.Column == 0 {
		return
	}
	fmt.Fprintf(w, "    %s | %s%s\n", strings.Repeat(" ", len(num)), pad.String(), paint("^"))
}

func indentLines(s, indent string) string {
	return strings.ReplaceAll(s, "\n", "\n"+indent)
}

// WriteJSON writes the diagnostics as a sorted JSON array with two-space
// indentation, suppressed ones included (with "suppressed": true). An
// empty list is written as [].
func WriteJSON(w io.Writer, ds Diagnostics) error {
	sorted := append(Diagnostics{}, ds...)
	sorted.Sort()
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sorted)
}
