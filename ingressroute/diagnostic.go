package ingressroute

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// Severity says how serious a Diagnostic is.
type Severity int

// Severities, from the most to the least serious.
const (
	SeverityError Severity = iota
	SeverityWarning
	SeverityInfo
)

var severityNames = [...]string{SeverityError: "error", SeverityWarning: "warning", SeverityInfo: "info"}

// String returns "error", "warning" or "info".
func (s Severity) String() string {
	if s >= 0 && int(s) < len(severityNames) {
		return severityNames[s]
	}
	return fmt.Sprintf("Severity(%d)", int(s))
}

// MarshalText encodes the severity as its name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText decodes a severity name.
func (s *Severity) UnmarshalText(b []byte) error {
	for i, n := range severityNames {
		if n == string(b) {
			*s = Severity(i)
			return nil
		}
	}
	return fmt.Errorf("unknown severity %q", b)
}

// Position is a place in an input file. Line and Column are 1-based; Column
// counts bytes, not runes. Offset is the 0-based byte offset in the file. The
// zero Position means "unknown".
type Position struct {
	// File is the input file name, "<stdin>" for standard input; empty when
	// unknown.
	File string `json:"file,omitempty"`
	// Line is the 1-based line number; 0 means unknown.
	Line int `json:"line,omitempty"`
	// Column is the 1-based column, in bytes; 0 means unknown.
	Column int `json:"column,omitempty"`
	// Offset is the 0-based byte offset in the file.
	Offset int `json:"offset,omitempty"`
}

// IsValid reports whether the position has a line.
func (p Position) IsValid() bool { return p.Line > 0 }

// String formats the position as file:line:col, degrading gracefully:
// "file:line", "file", "line:col" or "-" when nothing is known.
func (p Position) String() string {
	s := p.File
	if p.IsValid() {
		if s != "" {
			s += ":"
		}
		s += fmt.Sprintf("%d", p.Line)
		if p.Column > 0 {
			s += fmt.Sprintf(":%d", p.Column)
		}
	}
	if s == "" {
		s = "-"
	}
	return s
}

// Before reports whether p sorts before q: by file, then offset, then line
// and column.
func (p Position) Before(q Position) bool {
	if p.File != q.File {
		return p.File < q.File
	}
	if p.Line != q.Line {
		return p.Line < q.Line
	}
	return p.Column < q.Column
}

// ObjectRef names the Kubernetes object a diagnostic is about.
type ObjectRef struct {
	// Kind is the object kind, such as "IngressRoute".
	Kind string `json:"kind,omitempty"`
	// Namespace is the object namespace; empty for cluster-scoped or unknown.
	Namespace string `json:"namespace,omitempty"`
	// Name is the object name.
	Name string `json:"name,omitempty"`
}

// String returns "Kind namespace/name", or what is known of it.
func (o ObjectRef) String() string {
	var b strings.Builder
	b.WriteString(o.Kind)
	if o.Name != "" {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		if o.Namespace != "" {
			b.WriteString(o.Namespace)
			b.WriteByte('/')
		}
		b.WriteString(o.Name)
	}
	return b.String()
}

// Related is a secondary position that explains a diagnostic, such as
// "first defined here".
type Related struct {
	// Pos is the secondary position.
	Pos Position `json:"pos"`
	// Message says what the position shows, such as "first defined here".
	Message string `json:"message"`
}

// Diagnostic is a finding about the input: the one type every irkit
// package's problems leave the library as.
type Diagnostic struct {
	// Severity is how serious the finding is, encoded as its name.
	Severity Severity `json:"severity"`
	// Code is the stable diagnostic code, such as "IR3101".
	Code string `json:"code"`
	// Object is the object the finding is about; zero when it is about no
	// single object.
	Object ObjectRef `json:"object,omitzero"`
	// Field is the JSON field path inside the object, such as
	// "spec.routes[0].services[1].port".
	Field string `json:"field,omitempty"`
	// Pos is where the problem is; inside a rule, the column of the
	// offending token.
	Pos Position `json:"pos,omitzero"`
	// Message states the problem.
	Message string `json:"message"`
	// Hint, if any, says how to fix the problem.
	Hint string `json:"hint,omitempty"`
	// Related are secondary positions that explain the finding.
	Related []Related `json:"related,omitempty"`
	// Suppressed is set when an irkit.io/ignore annotation or a disabled
	// code silences the finding. Suppressed findings do not count as
	// errors but stay visible in JSON output.
	Suppressed bool `json:"suppressed,omitempty"`
}

// String renders the diagnostic on one line as
// "file:line:col: severity CODE: message".
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s %s: %s", d.Pos, d.Severity, d.Code, d.Message)
}

// Diagnostics is a list of findings. It implements error so that a function
// can return its partial result together with everything it found.
type Diagnostics []Diagnostic

// Error joins the diagnostics one per line.
func (ds Diagnostics) Error() string {
	var b strings.Builder
	for i, d := range ds {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}

// HasErrors reports whether any unsuppressed diagnostic is an error.
func (ds Diagnostics) HasErrors() bool { return ds.Count(SeverityError) > 0 }

// Count returns the number of unsuppressed diagnostics of severity s.
func (ds Diagnostics) Count(s Severity) int {
	n := 0
	for _, d := range ds {
		if d.Severity == s && !d.Suppressed {
			n++
		}
	}
	return n
}

// Err returns ds as an error when it holds an unsuppressed error, else nil.
func (ds Diagnostics) Err() error {
	if ds.HasErrors() {
		return ds
	}
	return nil
}

// Sort orders the diagnostics by file, line, column, severity, code,
// object, field and message, so that output never depends on map order.
func (ds Diagnostics) Sort() {
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].less(ds[j]) })
}

func (d Diagnostic) less(e Diagnostic) bool {
	if d.Pos.File != e.Pos.File {
		return d.Pos.File < e.Pos.File
	}
	if d.Pos.Line != e.Pos.Line {
		return d.Pos.Line < e.Pos.Line
	}
	if d.Pos.Column != e.Pos.Column {
		return d.Pos.Column < e.Pos.Column
	}
	if d.Severity != e.Severity {
		return d.Severity < e.Severity
	}
	if d.Code != e.Code {
		return d.Code < e.Code
	}
	if a, b := d.Object.String(), e.Object.String(); a != b {
		return a < b
	}
	if d.Field != e.Field {
		return d.Field < e.Field
	}
	return d.Message < e.Message
}

// MarshalJSON encodes the list as a JSON array, never null.
func (ds Diagnostics) MarshalJSON() ([]byte, error) {
	if ds == nil {
		return []byte("[]"), nil
	}
	return json.Marshal([]Diagnostic(ds))
}
