package ingressroute_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/irkit/irkit/ingressroute"
)

// wantPattern is an inline expectation in a testdata/lint file:
//
//	match: Host(`a.com`)  # want IR6001
//	match: Host(`a.com`)  # want IR5001@12 IR6003!suppressed
//
// Each entry expects a diagnostic of that code on that line; "@N" also
// fixes its column, "!suppressed" says it is suppressed.
var wantPattern = regexp.MustCompile(`# want ((?:IR[0-9]{4}(?:@[0-9]+)?(?:!suppressed)?\s*)+)`)

type want struct {
	line, col  int
	code       string
	suppressed bool
}

func (w want) String() string {
	s := fmt.Sprintf("%d:%d %s", w.line, w.col, w.code)
	if w.suppressed {
		s += " suppressed"
	}
	return s
}

func parseWants(t *testing.T, src string) []want {
	t.Helper()
	var out []want
	for i, line := range strings.Split(src, "\n") {
		m := wantPattern.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		for _, f := range strings.Fields(m[1]) {
			w := want{line: i + 1}
			if rest, ok := strings.CutSuffix(f, "!suppressed"); ok {
				f, w.suppressed = rest, true
			}
			if code, col, ok := strings.Cut(f, "@"); ok {
				n, err := strconv.Atoi(col)
				if err != nil {
					t.Fatalf("line %d: bad column %q", i+1, col)
				}
				f, w.col = code, n
			}
			w.code = f
			out = append(out, w)
		}
	}
	return out
}

// TestLintCases runs Analyze on every testdata/lint/*.yaml and checks that
// the TLS, lint and suppression diagnostics (IR5xxx, IR6xxx) are exactly
// those the file's "# want" comments expect: each file holds positive and
// negative cases of its code.
func TestLintCases(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "lint", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no lint cases: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".yaml"), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			set, dds := ingressroute.Decode(file, data)
			if dds.HasErrors() {
				t.Fatalf("decode: %v", dds)
			}
			opts := ingressroute.DefaultOptions()
			var aopts ingressroute.AnalyzeOptions
			if strings.Contains(string(data), "# disable IR6005") {
				aopts.Disable = []string{"IR6005"}
			}
			_, ds := ingressroute.Analyze(set, opts, aopts)
			var got []want
			var golden bytes.Buffer
			for _, d := range ds {
				if testing.Verbose() {
					t.Logf("%s [%s %s] %s", d, d.Object, d.Field, d.Hint)
				}
				if !strings.HasPrefix(d.Code, "IR5") && !strings.HasPrefix(d.Code, "IR6") {
					continue
				}
				if d.Pos.File != file {
					t.Errorf("%s: position in file %q, want %q", d, d.Pos.File, file)
				}
				got = append(got, want{line: d.Pos.Line, col: d.Pos.Column, code: d.Code, suppressed: d.Suppressed})
				writeGolden(&golden, d)
			}
			checkGolden(t, strings.TrimSuffix(file, ".yaml")+".golden", golden.Bytes())
			wants := parseWants(t, string(data))
			matched := make([]bool, len(got))
		next:
			for _, w := range wants {
				for i, g := range got {
					if !matched[i] && g.line == w.line && g.code == w.code && g.suppressed == w.suppressed && (w.col == 0 || g.col == w.col) {
						matched[i] = true
						continue next
					}
				}
				t.Errorf("missing %s", w)
			}
			var extra []string
			for i, g := range got {
				if !matched[i] {
					extra = append(extra, g.String())
				}
			}
			sort.Strings(extra)
			for _, e := range extra {
				t.Errorf("unexpected %s", e)
				for _, d := range ds {
					if fmt.Sprintf("%d:%d %s", d.Pos.Line, d.Pos.Column, d.Code) == strings.TrimSuffix(e, " suppressed") {
						t.Logf("  %s", d)
					}
				}
			}
		})
	}
}

// writeGolden renders a diagnostic with its object, field, hint, related
// positions and suppression, for the golden files that hold the wording.
func writeGolden(w *bytes.Buffer, d ingressroute.Diagnostic) {
	fmt.Fprintf(w, "%s\n  object: %s %s\n", d, d.Object, d.Field)
	if d.Hint != "" {
		fmt.Fprintf(w, "  hint: %s\n", d.Hint)
	}
	for _, r := range d.Related {
		fmt.Fprintf(w, "  related: %s: %s\n", r.Pos, r.Message)
	}
	if d.Suppressed {
		fmt.Fprintf(w, "  suppressed\n")
	}
}

// checkGolden compares got with the golden file, or rewrites it with
// -update (the flag of the package's internal tests).
func checkGolden(t *testing.T, file string, got []byte) {
	t.Helper()
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -run TestLintCases -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("wording differs from %s (go test -run TestLintCases -update to accept):\n--- got\n%s--- want\n%s", file, got, want)
	}
}
