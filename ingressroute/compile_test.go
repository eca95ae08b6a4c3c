package ingressroute

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// compileOptions reads the "# options: ..." first line of a golden input:
// "complete" or "partial", then provider switches by their Traefik names.
func compileOptions(t *testing.T, data []byte) Options {
	t.Helper()
	line, _, _ := bytes.Cut(data, []byte("\n"))
	words, ok := strings.CutPrefix(string(line), "# options:")
	if !ok {
		t.Fatal(`first line must be "# options: complete|partial ..."`)
	}
	opts := DefaultOptions()
	for _, w := range strings.Fields(words) {
		switch w {
		case "complete":
			opts.Complete = true
		case "partial":
		case "allowEmptyServices":
			opts.AllowEmptyServices = true
		case "allowExternalNameServices":
			opts.AllowExternalNameServices = true
		case "allowCrossNamespace":
			opts.AllowCrossNamespace = true
		default:
			t.Fatalf("unknown option %q", w)
		}
	}
	return opts
}

// renderCompile renders a table and its diagnostics for a golden file.
func renderCompile(t *testing.T, table *Table, diags Diagnostics) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("# routers\n")
	for _, r := range table.Routers {
		prio := fmt.Sprintf("%d", r.Priority)
		if !r.Explicit {
			prio += " (len)"
		}
		parsed := "parsed"
		if r.Matcher == nil {
			parsed = "unparsed"
		}
		fmt.Fprintf(&b, "%s  prio=%s  %s  service=%s  mws=%v  from=%s %s\n", r.Name, prio, parsed, r.Service, r.Middlewares, r.Origin.Field, r.Origin.Pos)
	}
	b.WriteString("# services\n")
	for _, s := range table.Services {
		cfg, _ := json.Marshal(s.Config)
		fmt.Fprintf(&b, "%s  runtime=%v cookie=%q  %s\n", s.Name, s.ResolvedAtRuntime, s.CookieName, cfg)
	}
	b.WriteString("# diagnostics\n")
	for _, d := range diags {
		fmt.Fprintf(&b, "%s: %s %s %s %s: %s\n", d.Pos, d.Severity, d.Code, d.Object, d.Field, d.Message)
	}
	return b.String()
}

func TestCompileGolden(t *testing.T) {
	dirs, err := filepath.Glob("testdata/compile/*/input.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range dirs {
		dir := filepath.Dir(in)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			set, ddiags := Decode("input.yaml", data)
			if ddiags.HasErrors() {
				t.Fatalf("decode: %v", ddiags)
			}
			table, diags := Compile(set, compileOptions(t, data))
			got := renderCompile(t, table, diags)
			want := filepath.Join(dir, "want.txt")
			if *update {
				if err := os.WriteFile(want, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			w, err := os.ReadFile(want)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got != string(w) {
				t.Errorf("got:\n%s\nwant:\n%s", got, w)
			}
		})
	}
}
