package ingressroute

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"k8s.io/apimachinery/pkg/runtime"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestDecodeGolden decodes every testdata/decode/<case>/input.yaml and
// compares the objects read and the diagnostics (rendered as text with
// source snippets, then as JSON) with want.txt.
func TestDecodeGolden(t *testing.T) {
	dirs, err := filepath.Glob("testdata/decode/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no golden cases: %v", err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			input := filepath.Join(dir, "input.yaml")
			data, err := os.ReadFile(input)
			if err != nil {
				t.Fatal(err)
			}
			got := renderDecode(t, "input.yaml", data)
			wantFile := filepath.Join(dir, "want.txt")
			if *update {
				if err := os.WriteFile(wantFile, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(wantFile)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got != string(want) {
				t.Errorf("decoding %s differs from want.txt (run go test -update and review the diff):\n%s", input, got)
			}
		})
	}
}

func renderDecode(t *testing.T, file string, data []byte) string {
	t.Helper()
	set, ds := Decode(file, data)
	var b strings.Builder
	b.WriteString("# objects\n")
	for _, obj := range set.Objects() {
		src := set.Source(obj)
		fmt.Fprintf(&b, "%s doc=%d at %s\n", objName(obj), src.Doc, src.Pos)
	}
	for _, k := range set.SkippedKinds() {
		fmt.Fprintf(&b, "skipped %s: %d\n", k, set.Skipped[k])
	}
	b.WriteString("# text\n")
	opts := TextOptions{Source: func(f string) ([]byte, bool) { return data, f == file }}
	if err := WriteText(&b, ds, opts); err != nil {
		t.Fatal(err)
	}
	b.WriteString("# json\n")
	if err := WriteJSON(&b, ds); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func objName(obj runtime.Object) string {
	m, _ := json.Marshal(obj)
	var v struct {
		Kind     string
		Metadata struct{ Name, Namespace string }
	}
	_ = json.Unmarshal(m, &v)
	kind := reflect.TypeOf(obj).Elem().Name()
	return fmt.Sprintf("%s %s/%s", kind, v.Metadata.Namespace, v.Metadata.Name)
}

// TestDecodePositions asserts codes, field paths and positions directly,
// independently of wording.
func TestDecodePositions(t *testing.T) {
	type want struct {
		code, field string
		line, col   int
	}
	tests := []struct {
		name, input string
		want        []want
	}{
		{
			name:  "misspelled match",
			input: "apiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata:\n  name: a\nspec:\n  routes:\n    - mach: Host(`a`)\n",
			want:  []want{{code: CodeUnknownField, field: "spec.routes[0].mach", line: 7, col: 7}},
		},
		{
			name:  "string priority",
			input: "apiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata:\n  name: a\nspec:\n  routes:\n    - match: Host(`a`)\n      priority: \"10\"\n",
			want:  []want{{code: CodeWrongType, field: "spec.routes[0].priority", line: 8, col: 17}},
		},
		{
			name:  "broken indent",
			input: "apiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nspec:\n  routes:\n    - match: x\n     kind: Rule\n",
			want:  []want{{code: CodeSyntax, line: 6, col: 6}},
		},
		{
			name:  "duplicate key",
			input: "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  name: b\n",
			want:  []want{{code: CodeDuplicateKey, field: "metadata.name", line: 5, col: 3}},
		},
		{
			name:  "multibyte columns are bytes",
			input: "apiVersion: v1\nkind: Service\nmetadata:\n  labels: {é: x, \"ü\": 1}\n  name: a\n",
			want:  []want{{code: CodeWrongType, field: "metadata.labels[ü]", line: 4, col: 25}},
		},
		{
			name:  "annotation keys keep their dots",
			input: "apiVersion: v1\nkind: Service\nmetadata:\n  annotations:\n    kubernetes.io/ingress.class: [x]\n",
			want:  []want{{code: CodeWrongType, field: "metadata.annotations[kubernetes.io/ingress.class]", line: 5, col: 34}},
		},
		{
			name:  "second JSON value on the same line",
			input: `{"apiVersion": "v1", "kind": "Service"} {"apiVersion": "v1", "kind": "Service", "spek": 1}`,
			want:  []want{{code: CodeUnknownField, field: "spek", line: 1, col: 81}},
		},
		{
			name:  "typed list items inherit apiVersion and kind",
			input: "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteList\nitems:\n  - metadata:\n      name: a\n    spec:\n      routes: []\n      rotes: []\n",
			want:  []want{{code: CodeUnknownField, field: "spec.rotes", line: 8, col: 7}},
		},
		{
			name:  "byte order mark",
			input: "\xef\xbb\xbf{\"apiVersion\": \"v1\", \"kind\": \"Service\", \"spek\": 1}",
			want:  []want{{code: CodeUnknownField, field: "spek", line: 1, col: 44}},
		},
		{
			name:  "YAML 1.1 keys as kubectl reads them",
			input: "apiVersion: v1\nkind: Service\nmetadata:\n  labels:\n    y: [1]\n",
			want:  []want{{code: CodeWrongType, field: "metadata.labels[true]", line: 5, col: 8}},
		},
		{
			name:  "merge keys",
			input: "apiVersion: v1\nkind: Service\nmetadata:\n  labels: &l {a: b, c: [1]}\n  annotations:\n    <<: *l\n    a: z\n",
			want: []want{
				{code: CodeWrongType, field: "metadata.annotations[c]", line: 4, col: 24},
				{code: CodeWrongType, field: "metadata.labels[c]", line: 4, col: 24},
			},
		},
		{
			name:  "duplicate key inside a raw Middleware spec",
			input: "apiVersion: traefik.io/v1alpha1\nkind: Middleware\nmetadata:\n  name: m\nspec:\n  stripPrefix:\n    prefixes: [/a]\n    prefixes: [/b]\n",
			want:  []want{{code: CodeDuplicateKey, field: "spec.stripPrefix.prefixes", line: 8, col: 5}},
		},
		{
			name:  "empty documents",
			input: "---\n---\n# nothing\n---\n...\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ds := Decode("f.yaml", []byte(tt.input))
			var got []want
			for _, d := range ds {
				got = append(got, want{code: d.Code, field: d.Field, line: d.Pos.Line, col: d.Pos.Column})
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v\nwant %+v\n%s", got, tt.want, ds.Error())
			}
		})
	}
}

// TestValuePos checks that an offset inside a decoded string maps to the
// file position of that character, in all five scalar styles.
func TestValuePos(t *testing.T) {
	data, err := os.ReadFile("testdata/decode/scalar_styles/input.yaml")
	if err != nil {
		t.Fatal(err)
	}
	set, ds := Decode("s.yaml", data)
	if ds.HasErrors() || len(set.IngressRoutes) != 1 {
		t.Fatalf("decoding: %v", ds)
	}
	ir := set.IngressRoutes[0]
	src := set.Source(ir)
	lines := strings.Split(string(data), "\n")
	for i, r := range ir.Spec.Routes {
		path := fmt.Sprintf("spec.routes[%d].match", i)
		off := strings.Index(r.Match, "Bad")
		if off < 0 {
			t.Fatalf("%s: no Bad in %q", path, r.Match)
		}
		pos := src.ValuePos(path, off)
		if pos.Line < 1 || pos.Line > len(lines) {
			t.Fatalf("%s: position %v out of the file", path, pos)
		}
		line := lines[pos.Line-1]
		if got := line[pos.Column-1:]; !strings.HasPrefix(got, "Bad") {
			t.Errorf("%s: ValuePos(%d) = %v, which points at %q, want Bad", path, off, pos, got)
		}
		if !bytes.HasPrefix(data[pos.Offset:], []byte("Bad")) {
			t.Errorf("%s: offset %d does not point at Bad", path, pos.Offset)
		}
		// The first byte maps to the start of the value.
		start := src.ValuePos(path, 0)
		if c := data[start.Offset]; c != 'H' {
			t.Errorf("%s: ValuePos(0) points at %q, want H", path, c)
		}
	}
	// Offsets inside escapes map to the backslash.
	r := ir.Spec.Routes[2].Match
	off := strings.Index(r, "é")
	pos := src.ValuePos("spec.routes[2].match", off+1)
	if !bytes.HasPrefix(data[pos.Offset:], []byte(`\u00e9`)) {
		t.Errorf("offset inside \\u00e9 maps to %q", data[pos.Offset:pos.Offset+6])
	}
	// A path without a scalar falls back to Lookup.
	if got, want := src.ValuePos("spec.routes[0]", 3), src.Lookup("spec.routes[0]"); got != want {
		t.Errorf("ValuePos of a mapping = %v, want %v", got, want)
	}
	if got := src.KeyPos("spec.routes[1].match"); got.Line != 8 || got.Column != 7 {
		t.Errorf("KeyPos = %v, want 8:7", got)
	}
}

// TestDecodeRoundTrip decodes, encodes every object to JSON and decodes that
// again: the objects must be equal.
func TestDecodeRoundTrip(t *testing.T) {
	files, _ := filepath.Glob("../testdata/conformance/crd/fixtures/*.yml")
	files = append(files, "testdata/decode/good_all_kinds/input.yaml", "testdata/decode/kind_list/input.yaml")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		set, _ := Decode(f, data)
		for _, obj := range set.Objects() {
			js, err := json.Marshal(obj)
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			again, ds := Decode("again.json", js)
			if ds.HasErrors() {
				t.Fatalf("%s: decoding %s again: %v", f, js, ds)
			}
			objs := again.Objects()
			if len(objs) != 1 || !reflect.DeepEqual(objs[0], obj) {
				t.Errorf("%s: round trip differs:\n%s\n%v", f, js, objs)
			}
		}
	}
}

// TestConformanceFixturesDecode: every fixture of the conformance corpus
// decodes without error.
func TestConformanceFixturesDecode(t *testing.T) {
	files, _ := filepath.Glob("../testdata/conformance/crd/fixtures/*.yml")
	if len(files) == 0 {
		t.Skip("no conformance fixtures")
	}
	for _, f := range files {
		set, ds := DecodeFiles(f)
		if ds.HasErrors() {
			t.Errorf("%s: %v", f, ds)
		}
		for _, d := range ds {
			if d.Severity != SeverityInfo {
				t.Errorf("%s: %v", f, d)
			}
		}
		if len(set.Objects()) == 0 {
			t.Errorf("%s: no object", f)
		}
	}
}

func TestDecodeLimits(t *testing.T) {
	t.Run("too large", func(t *testing.T) {
		_, ds := Decode("big.yaml", make([]byte, MaxFileBytes+1))
		assertCodes(t, ds, CodeTooLarge)
	})
	t.Run("NUL byte", func(t *testing.T) {
		_, ds := Decode("nul.yaml", []byte("kind: a\x00\n"))
		assertCodes(t, ds, CodeEncoding)
		if ds[0].Pos.Line != 1 || ds[0].Pos.Column != 8 {
			t.Errorf("position %v, want 1:8", ds[0].Pos)
		}
	})
	t.Run("invalid UTF-8", func(t *testing.T) {
		_, ds := Decode("latin1.yaml", []byte("a: b\nc: caf\xe9\n"))
		assertCodes(t, ds, CodeEncoding)
		if ds[0].Pos.Line != 2 || ds[0].Pos.Column != 7 {
			t.Errorf("position %v, want 2:7", ds[0].Pos)
		}
	})
	t.Run("deep nesting", func(t *testing.T) {
		in := "apiVersion: v1\nkind: Service\nmetadata:\n  labels:\n    a: " + strings.Repeat("[", 200) + strings.Repeat("]", 200) + "\n---\napiVersion: v1\nkind: Service\n"
		set, ds := Decode("deep.yaml", []byte(in))
		assertCodes(t, ds, CodeTooDeep)
		if len(set.Services) != 1 {
			t.Errorf("the next document was not read")
		}
	})
	t.Run("billion laughs", func(t *testing.T) {
		var b strings.Builder
		b.WriteString("apiVersion: v1\nkind: ConfigMap\ndata:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
		for i := 1; i < 30; i++ {
			fmt.Fprintf(&b, "  a%d: &a%d [", i, i)
			for j := 0; j < 10; j++ {
				if j > 0 {
					b.WriteString(", ")
				}
				fmt.Fprintf(&b, "*a%d", i-1)
			}
			b.WriteString("]\n")
		}
		start := time.Now()
		_, ds := Decode("lol.yaml", []byte(b.String()))
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("took %v", d)
		}
		assertCodes(t, ds, CodeAliasExpansion)
	})
	t.Run("too many documents", func(t *testing.T) {
		in := strings.Repeat("---\napiVersion: v1\nkind: Node\n", MaxDocuments+5)
		set, ds := Decode("many.yaml", []byte(in))
		assertCodes(t, ds, CodeTooManyDocuments)
		if len(set.Nodes) != MaxDocuments {
			t.Errorf("read %d nodes, want %d", len(set.Nodes), MaxDocuments)
		}
	})
	t.Run("too many diagnostics", func(t *testing.T) {
		in := strings.Repeat("---\napiVersion: v1\nkind: Node\nspek: 1\n", MaxDiagnostics+10)
		_, ds := Decode("diags.yaml", []byte(in))
		if len(ds) != MaxDiagnostics+1 || ds[len(ds)-1].Code != CodeTooManyDiags && ds[0].Code != CodeTooManyDiags {
			t.Errorf("got %d diagnostics", len(ds))
		}
	})
}

func assertCodes(t *testing.T, ds Diagnostics, codes ...string) {
	t.Helper()
	var got []string
	for _, d := range ds {
		got = append(got, d.Code)
	}
	if !reflect.DeepEqual(got, codes) {
		t.Errorf("codes %v, want %v\n%v", got, codes, ds)
	}
}

func TestDecodeFilesAndReader(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("b.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: b\n")
	write("a/a.yml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n")
	write("c.json", `{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "c"}}`)
	write("notes.txt", "not a manifest")
	set, ds := DecodeFiles(dir, filepath.Join(dir, "missing.yaml"))
	var names []string
	for _, s := range set.Services {
		names = append(names, s.Name)
	}
	if !reflect.DeepEqual(names, []string{"a", "b", "c"}) {
		t.Errorf("services %v, want [a b c] in path order", names)
	}
	assertCodes(t, ds, CodeIO)
	if src := set.Source(set.Services[0]); src.File != filepath.Join(dir, "a", "a.yml") {
		t.Errorf("source file %q", src.File)
	}

	set, ds = DecodeReader("-", strings.NewReader("apiVersion: v1\nkind: Service\nspek: 1\n"))
	if len(set.Services) != 1 || len(ds) != 1 || ds[0].Pos.File != "<stdin>" {
		t.Errorf("stdin: %v", ds)
	}
}

// FuzzDecode makes sure no input makes Decode panic or loop.
func FuzzDecode(f *testing.F) {
	dirs, _ := filepath.Glob("testdata/decode/*/input.yaml")
	for _, d := range dirs {
		if data, err := os.ReadFile(d); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("a: \"\\u00e9\\\n  x\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		set, ds := Decode("fuzz.yaml", data)
		if d := time.Since(start); d > 2*time.Second {
			// The machine may be busy: fail only when a second run is
			// slow too.
			start = time.Now()
			Decode("fuzz.yaml", data)
			if d2 := time.Since(start); d2 > 2*time.Second {
				t.Fatalf("Decode took %v, then %v", d, d2)
			}
		}
		for _, obj := range set.Objects() {
			src := set.Source(obj)
			for _, p := range []string{"spec.routes[0].match", "metadata.name"} {
				for off := range 40 {
					src.ValuePos(p, off)
				}
			}
		}
		_ = WriteText(io.Discard, ds, TextOptions{Source: func(string) ([]byte, bool) { return data, true }})
	})
}
