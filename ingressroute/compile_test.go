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

// TestCompileCodesRegistered checks that every diagnostic Compile emits on
// the conformance corpus and the golden inputs carries a registered code,
// with the registered severity.
func TestCompileCodesRegistered(t *testing.T) {
	var all Diagnostics
	for _, tc := range loadCRDCases(t) {
		for _, complete := range []bool{true, false} {
			opts := tc.Options.options()
			opts.Complete = complete
			_, diags := Compile(decodeFixtures(t, tc.Fixtures), opts)
			all = append(all, diags...)
		}
	}
	ins, _ := filepath.Glob("testdata/compile/*/input.yaml")
	for _, in := range ins {
		data, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		set, _ := Decode(in, data)
		_, diags := Compile(set, compileOptions(t, data))
		all = append(all, diags...)
	}
	for _, d := range all {
		info, ok := LookupCode(d.Code)
		if !ok {
			t.Errorf("%s: code %s is not registered", d, d.Code)
			continue
		}
		if info.Severity != d.Severity {
			t.Errorf("%s: severity %s, registered %s", d, d.Severity, info.Severity)
		}
		if d.Field == "" || d.Object.Kind == "" {
			t.Errorf("%s: no object or field", d)
		}
	}
}

// TestCompileNilAndEmpty checks that Compile accepts a nil set and objects
// built in Go (without source positions).
func TestCompileNilAndEmpty(t *testing.T) {
	table, diags := Compile(nil, DefaultOptions())
	if len(table.Routers) != 0 || len(diags) != 0 {
		t.Errorf("nil set: %d routers, %v", len(table.Routers), diags)
	}
	set := &Set{}
	set.Add(&IngressRoute{Spec: IngressRouteSpec{Routes: []Route{{Match: "Host(`x`)"}, {Match: ""}, {Match: "Bad("}}}}, nil)
	table, diags = Compile(set, Options{Complete: true})
	if len(table.Routers) != 2 {
		t.Errorf("routers: %d, want 2", len(table.Routers))
	}
	if len(diags) == 0 {
		t.Error("want diagnostics for the empty and the bad match")
	}
}

// FuzzCompile checks that no input makes Compile, the export or Match
// panic, in both modes.
func FuzzCompile(f *testing.F) {
	fixtures, _ := filepath.Glob(filepath.Join(crdDir, "fixtures", "*.yml"))
	for _, p := range fixtures {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		set, _ := Decode("fuzz.yaml", data)
		for _, complete := range []bool{true, false} {
			table, _ := Compile(set, Options{Complete: complete, AllowExternalNameServices: true})
			if _, err := table.Traefik().JSON(); err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			_ = table.WriteText(&b)
		}
	})
}
