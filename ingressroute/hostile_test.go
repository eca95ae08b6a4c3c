//go:build unix

package ingressroute

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The bounds of issue 7: every hostile input ends in a diagnostic within
// hostileCPU of processor time and under hostileMemory of heap.
//
// Time is measured as the processor time of the test process (user +
// system, getrusage), not wall time: the machines that run the tests are
// shared, and wall time measures the neighbours. Processor time includes
// the garbage collector's work on other cores, so it is an upper bound of
// the wall time on an idle machine. A hang would still show: wall time is
// bounded too, at hostileWallSlack times hostileCPU. Under the race
// detector (5-20 times slower) the time bounds are not checked; memory is.
//
// Memory is the peak, during the call, of the heap's object bytes
// (runtime/metrics /memory/classes/heap/objects:bytes, sampled every
// millisecond, garbage not yet collected included) above its level before
// the call, plus the size of the input, which the caller holds.
const (
	hostileCPU       = 2 * time.Second
	hostileWallSlack = 5
	hostileMemory    = 256 << 20
)

// raceEnabled reports whether the test binary was built with -race.
var raceEnabled = func() bool {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "-race" && s.Value == "true" {
				return true
			}
		}
	}
	return false
}()

// usage is what running a function cost.
type usage struct {
	wall, cpu time.Duration
	peak      uint64 // peak heap object bytes above the level before
	allocated uint64 // bytes allocated, freed or not
}

func (u usage) String() string {
	return fmt.Sprintf("wall %v, cpu %v, peak heap +%d MiB, allocated %d MiB",
		u.wall.Round(time.Millisecond), u.cpu.Round(time.Millisecond), u.peak>>20, u.allocated>>20)
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// measure runs fn and returns its cost.
func measure(fn func()) usage {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	heap := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	var ms0, ms1 runtime.MemStats
	runtime.ReadMemStats(&ms0)
	base := heap()
	peak := base
	var mu sync.Mutex
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				h := heap()
				mu.Lock()
				peak = max(peak, h)
				mu.Unlock()
			}
		}
	})
	cpu0, start := cpuTime(), time.Now()
	fn()
	u := usage{wall: time.Since(start), cpu: cpuTime() - cpu0}
	h := heap()
	close(done)
	wg.Wait()
	runtime.ReadMemStats(&ms1)
	u.peak = max(peak, h) - base
	u.allocated = ms1.TotalAlloc - ms0.TotalAlloc
	return u
}

// checkBounds fails t when u is over the bounds for an input of n bytes.
func checkBounds(t *testing.T, u usage, n int) {
	t.Helper()
	t.Logf("%d-byte input: %v", n, u)
	if mem := u.peak + uint64(n); mem >= hostileMemory {
		t.Errorf("peak memory %d MiB (input included), want < %d MiB", mem>>20, hostileMemory>>20)
	}
	if raceEnabled {
		return
	}
	if u.cpu >= hostileCPU {
		t.Errorf("processor time %v, want < %v", u.cpu, hostileCPU)
	}
	if u.wall >= hostileWallSlack*hostileCPU {
		t.Errorf("wall time %v, want < %v", u.wall, hostileWallSlack*hostileCPU)
	}
}

// runPipeline is what irkit does with one file: Decode, then Analyze.
func runPipeline(file string, data []byte) (*Table, Diagnostics) {
	set, ds := Decode(file, data)
	return Analyze(set, DefaultOptions(), AnalyzeOptions{Prior: ds})
}

// wantDiag is a diagnostic a hostile input must produce. A zero Line or
// Column is not checked; Field is checked when set.
type wantDiag struct {
	Code   string
	Line   int
	Column int
	Field  string
}

func findDiag(ds Diagnostics, w wantDiag) bool {
	for _, d := range ds {
		if d.Code == w.Code && (w.Line == 0 || d.Pos.Line == w.Line) &&
			(w.Column == 0 || d.Pos.Column == w.Column) && (w.Field == "" || d.Field == w.Field) && d.Pos.File != "" {
			return true
		}
	}
	return false
}

// hostileRoute is an IngressRoute whose single route has the given match
// (written as is after "match: ", on line 8 at column 14) and extra route
// fields.
func hostileRoute(match, extra string) string {
	return "apiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata:\n  name: web\n  namespace: default\nspec:\n" +
		"  routes:\n    - match: " + match + "\n" + extra +
		"      services:\n        - name: web\n          port: 80\n"
}

// billionLaughs returns a document whose aliases expand to 10^levels
// nodes.
func billionLaughs(levels int) string {
	var b strings.Builder
	b.WriteString("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n")
	b.WriteString("  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i < levels; i++ {
		fmt.Fprintf(&b, "  a%d: &a%d [", i, i)
		for j := range 10 {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*a%d", i-1)
		}
		b.WriteString("]\n")
	}
	return b.String()
}

// TestHostileInputs feeds each hostile input of issue 7 through the whole
// pipeline: each must end in a diagnostic with its code and position,
// within the bounds above.
func TestHostileInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("hostile inputs are large")
	}
	deepRule := 100000
	tests := []struct {
		name  string
		input func() []byte
		want  []wantDiag
		why   string
	}{
		{
			name:  "billion laughs",
			input: func() []byte { return []byte(billionLaughs(9)) },
			want:  []wantDiag{{Code: CodeAliasExpansion, Line: 1, Column: 1}},
			why:   "10^9 nodes once expanded: refused from the unexpanded tree",
		},
		{
			name: "billion laughs through merge keys",
			input: func() []byte {
				var b strings.Builder
				b.WriteString("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\nx0: &x0 {a: 1, b: 2}\n")
				for i := 1; i < 40; i++ {
					fmt.Fprintf(&b, "x%d: &x%d {<<: [*x%d, *x%d], k%d: 1}\n", i, i, i-1, i-1, i)
				}
				return []byte(b.String())
			},
			want: []wantDiag{{Code: CodeAliasExpansion, Line: 1, Column: 1}},
			why:  "merges double at every level",
		},
		{
			name: "64 MiB file",
			input: func() []byte {
				return bytes.Repeat([]byte("apiVersion: v1\nkind: Node\n---\n"), (64<<20)/30)
			},
			// Byte MaxFileBytes is the first past the limit: 3 lines per
			// 30 bytes before it, and it is byte 2 of "apiVersion".
			want: []wantDiag{{Code: CodeTooLarge, Line: MaxFileBytes/30*3 + 1, Column: MaxFileBytes%30 + 1}},
			why:  "refused before it is parsed, at the first byte past 32 MiB",
		},
		{
			name:  "32 MiB of newlines",
			input: func() []byte { return bytes.Repeat([]byte("\n"), MaxFileBytes) },
			why:   "the line index costs 4 bytes a line, allocated once; nothing to report",
		},
		{
			name:  "100,000 documents",
			input: func() []byte { return manyDocuments(100000, "apiVersion: v1\nkind: Node\nmetadata:\n  name: n%d\n") },
			want:  []wantDiag{{Code: CodeTooManyDocuments, Line: MaxDocuments*5 + 1, Column: 1}},
			why:   "the first 10,000 are read, the rest are not even parsed",
		},
		{
			name:  "100,000 empty documents",
			input: func() []byte { return manyDocuments(100000, "# %d\n") },
			want:  []wantDiag{{Code: CodeTooManyDocuments, Line: MaxDocuments * 2, Column: 1}},
			why:   "empty documents cost a parse each, so they count too",
		},
		{
			name: "100,000 JSON values",
			input: func() []byte {
				return bytes.Repeat([]byte(`{"apiVersion":"v1","kind":"Node","metadata":{"name":"n"}}`+"\n"), 100000)
			},
			want: []wantDiag{{Code: CodeTooManyDocuments, Line: MaxDocuments + 1, Column: 1}},
			why:  "a JSON stream is cut after MaxDocuments+1 values",
		},
		{
			name: "deeply nested YAML, block style",
			input: func() []byte {
				var b strings.Builder
				b.WriteString("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels:\n")
				for i := range 300 {
					fmt.Fprintf(&b, "%sa:\n", strings.Repeat(" ", 2*i+4))
				}
				return []byte(b.String())
			},
			want: []wantDiag{{Code: CodeTooDeep, Line: 1, Column: 1}},
			why:  "over MaxDepth",
		},
		{
			name: "deeply nested YAML, 100,000 brackets",
			input: func() []byte {
				return []byte("apiVersion: v1\nkind: ConfigMap\ndata: " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n")
			},
			want: []wantDiag{{Code: CodeTooDeep, Line: 1, Column: 1}},
			why:  "the YAML parser gives up at 10,000 levels: still reported as too deep",
		},
		{
			name: "wide mapping on one line",
			input: func() []byte {
				var b strings.Builder
				b.WriteString(`{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "é", "labels": {`)
				for i := range 50000 {
					fmt.Fprintf(&b, `"k%d": "v", `, i)
				}
				b.WriteString(`"x": 1}}}`)
				return []byte(b.String())
			},
			want: []wantDiag{{Code: CodeWrongType, Line: 1, Field: "metadata.labels[x]"}},
			why:  "the column of every node of a long line is found through an index, not by rescanning the line",
		},
		{
			name: "rule nested 100,000 deep",
			input: func() []byte {
				return []byte(hostileRoute(`"`+strings.Repeat("(", deepRule)+"Host(`a`)"+strings.Repeat(")", deepRule)+`"`, ""))
			},
			// Column 15 is the rule's first byte; the limit is crossed at
			// byte MaxRuleLength of the rule.
			want: []wantDiag{{Code: CodeRuleParse, Line: 8, Column: 15 + 65536, Field: "spec.routes[0].match"}},
			why:  "longer than rule.MaxRuleLength",
		},
		{
			name:  "rule of 100,000 negations",
			input: func() []byte { return []byte(hostileRoute(`"`+strings.Repeat("!", deepRule)+"Host(`a`)"+`"`, "")) },
			want:  []wantDiag{{Code: CodeRuleParse, Line: 8, Column: 15 + 65536, Field: "spec.routes[0].match"}},
			why:   "longer than rule.MaxRuleLength",
		},
		{
			name: "rule nested 1,001 deep",
			input: func() []byte {
				return []byte(hostileRoute(`"`+strings.Repeat("(", 1001)+"Host(`a`)"+strings.Repeat(")", 1001)+`"`, ""))
			},
			want: []wantDiag{{Code: CodeRuleParse, Line: 8, Column: 15 + 1000, Field: "spec.routes[0].match"}},
			why:  "short enough, deeper than rule.MaxDepth: reported at the parenthesis past the limit",
		},
		{
			name: "matcher with 100,000 arguments",
			input: func() []byte {
				return []byte(hostileRoute(`"Host(`+strings.Repeat("`a`,", 100000)+"`a`)"+`"`, "      syntax: v2\n"))
			},
			want: []wantDiag{{Code: CodeRuleParse, Line: 8, Column: 15 + 65536, Field: "spec.routes[0].match"}},
			why:  "longer than rule.MaxRuleLength",
		},
		{
			name: "matcher with 257 arguments",
			input: func() []byte {
				return []byte(hostileRoute(`"Host(`+strings.Repeat("`a`,", 256)+"`a`)"+`"`, "      syntax: v2\n"))
			},
			want: []wantDiag{{Code: CodeRuleParse, Line: 8, Column: 15 + 5 + 256*4, Field: "spec.routes[0].match"}},
			why:  "more than rule.MaxArgs: reported at argument 257",
		},
		{
			name:  "1 MiB regular expression",
			input: func() []byte { return []byte(hostileRoute("\"HostRegexp(`"+strings.Repeat("a", 1<<20)+"`)\"", "")) },
			want:  []wantDiag{{Code: CodeRuleParse, Line: 8, Column: 15 + 65536, Field: "spec.routes[0].match"}},
			why:   "longer than rule.MaxRuleLength",
		},
		{
			name:  "5,000-byte regular expression",
			input: func() []byte { return []byte(hostileRoute("\"HostRegexp(`"+strings.Repeat("a", 5000)+"`)\"", "")) },
			want:  []wantDiag{{Code: CodeRuleParse, Line: 8, Column: 15 + 11, Field: "spec.routes[0].match"}},
			why:   "longer than rule.MaxRegexpLength: reported at the argument",
		},
		{
			name:  "regular expression too large to compile",
			input: func() []byte { return []byte(hostileRoute("\"PathRegexp(`((((a{100}){100}){100}){100})`)\"", "")) },
			want:  []wantDiag{{Code: CodeRuleParse, Line: 8, Field: "spec.routes[0].match"}},
			why:   "Go's regexp refuses it",
		},
		{
			name:  "NUL byte",
			input: func() []byte { return []byte(hostileRoute("Host(`a\x00`)", "")) },
			want:  []wantDiag{{Code: CodeEncoding, Line: 8, Column: 21}},
			why:   "a NUL byte makes the file binary",
		},
		{
			name:  "NUL escaped in a rule",
			input: func() []byte { return []byte(hostileRoute("\"Host(`a\\0`)\"", "")) },
			want:  []wantDiag{{Code: CodeRuleParse, Line: 8, Column: 22, Field: "spec.routes[0].match"}},
			why:   "YAML's \\0 escape brings a NUL into the rule, which refuses it at the escape",
		},
		{
			name:  "invalid UTF-8",
			input: func() []byte { return []byte(hostileRoute("Host(`caf\xe9`)", "")) },
			want:  []wantDiag{{Code: CodeEncoding, Line: 8, Column: 23}},
			why:   "Latin-1 text",
		},
		{
			name: "duplicate keys",
			input: func() []byte {
				return []byte(strings.Replace(hostileRoute("Host(`a`)", ""), "  name: web\n", "  name: web\n  name: api\n", 1))
			},
			want: []wantDiag{{Code: CodeDuplicateKey, Line: 5, Column: 3, Field: "metadata.name"}},
			why:  "the second key is reported",
		},
		{
			name: "100,000 duplicate keys",
			input: func() []byte {
				return []byte("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n" + strings.Repeat("  k: v\n", 100000))
			},
			want: []wantDiag{{Code: CodeDuplicateKey, Line: 7, Column: 3, Field: "data[k]"}, {Code: CodeTooManyDiags}},
			why:  "diagnostics are capped at MaxDiagnostics",
		},
		{
			name: "port of 2^40",
			input: func() []byte {
				return []byte(strings.Replace(hostileRoute("Host(`a`)", ""), "port: 80", "port: 1099511627776", 1))
			},
			want: []wantDiag{{Code: CodeWrongType, Line: 11, Column: 17, Field: "spec.routes[0].services[0].port"}},
			why:  "over 32 bits",
		},
		{
			name: "Service port of 2^40",
			input: func() []byte {
				return []byte("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 1099511627776\n")
			},
			want: []wantDiag{{Code: CodeWrongType, Line: 7, Column: 13, Field: "spec.ports[0].port"}},
			why:  "over 32 bits",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := tt.input()
			var ds Diagnostics
			u := measure(func() { _, ds = runPipeline("hostile.yaml", data) })
			checkBounds(t, u, len(data))
			for _, w := range tt.want {
				if !findDiag(ds, w) {
					t.Errorf("no %s at %d:%d field %q (%s); got:\n%v", w.Code, w.Line, w.Column, w.Field, tt.why, firstDiags(ds, 5))
				}
			}
		})
	}
}

// TestHostileReader checks that DecodeReader reads no more than
// MaxFileBytes+1 bytes of an endless stream.
func TestHostileReader(t *testing.T) {
	if testing.Short() {
		t.Skip("hostile inputs are large")
	}
	r := &countingReader{r: &aLines{}, limit: 64 << 20}
	var ds Diagnostics
	u := measure(func() { _, ds = DecodeReader("-", r) })
	checkBounds(t, u, 0)
	if r.n > MaxFileBytes+1 {
		t.Errorf("read %d bytes, want at most %d", r.n, MaxFileBytes+1)
	}
	if !findDiag(ds, wantDiag{Code: CodeTooLarge, Line: MaxFileBytes/2 + 1, Column: 1}) {
		t.Errorf("no %s at the first byte past the limit; got %v", CodeTooLarge, firstDiags(ds, 5))
	}
}

// aLines is an endless stream of "a\n".
type aLines struct{ n int }

func (a *aLines) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = "a\n"[(a.n+i)%2]
	}
	a.n += len(p)
	return len(p), nil
}

// countingReader reads at most limit bytes of r and counts them.
type countingReader struct {
	r        io.Reader
	n, limit int
}

func (c *countingReader) Read(p []byte) (int, error) {
	if c.n >= c.limit {
		return 0, io.EOF
	}
	p = p[:min(len(p), c.limit-c.n)]
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

func manyDocuments(n int, format string) []byte {
	var b bytes.Buffer
	for i := range n {
		if i > 0 {
			b.WriteString("---\n")
		}
		fmt.Fprintf(&b, format, i)
	}
	return b.Bytes()
}

func firstDiags(ds Diagnostics, n int) Diagnostics {
	if len(ds) > n {
		return ds[:n]
	}
	return ds
}

// TestHostileScale feeds inputs within the limits but large in the number
// of objects through the pipeline, within the same bounds.
func TestHostileScale(t *testing.T) {
	if testing.Short() {
		t.Skip("hostile inputs are large")
	}
	tests := []struct {
		name  string
		known string // a known failure: the test is skipped with this reason
		input func() []byte
		// check, when set, checks the diagnostics.
		check func(t *testing.T, ds Diagnostics)
	}{
		{
			name: "an IngressRoute with 10,000 routes",
			input: func() []byte {
				var b bytes.Buffer
				b.WriteString("apiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata:\n  name: web\n  namespace: default\nspec:\n  routes:\n")
				for i := range 10000 {
					fmt.Fprintf(&b, "    - match: Host(`h%d.example.com`) && PathPrefix(`/p%d`)\n      services:\n        - name: web\n          port: 80\n", i%100, i)
				}
				return b.Bytes()
			},
		},
		{
			name: "a rule whose disjunctive normal form has 3^16 terms",
			input: func() []byte {
				var r strings.Builder
				for i := range 16 {
					if i > 0 {
						r.WriteString(" && ")
					}
					fmt.Fprintf(&r, "(Host(`a%d`) || Host(`b%d`) || Path(`/c%d`))", i, i, i)
				}
				return []byte(hostileRoute(`"`+r.String()+`"`, ""))
			},
		},
		{
			name: "3,000 IngressRoutes with the same rule",
			input: func() []byte {
				var b bytes.Buffer
				for i := range 3000 {
					fmt.Fprintf(&b, "---\napiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata:\n  name: web%d\n  namespace: default\nspec:\n"+
						"  routes:\n    - match: Host(`a.example.com`) && PathPrefix(`/`)\n      services:\n        - name: web\n          port: 80\n", i)
				}
				return b.Bytes()
			},
			// IR6001 once reported every pair: 4.5 million diagnostics.
			check: func(t *testing.T, ds Diagnostics) {
				var n int
				for _, d := range ds {
					if d.Code == CodeSameRule {
						n++
						if len(d.Related) != 1 || !strings.Contains(d.Related[0].Message, "default-web0-") {
							t.Fatalf("%s: related %v, want the first IngressRoute's router", d, d.Related)
						}
					}
				}
				if n != 2999 {
					t.Errorf("%d %s diagnostics, want 2999: each router after the first, once", n, CodeSameRule)
				}
			},
		},
		{
			name: "3,000 IngressRoutes shadowed by one, overlapping each other",
			input: func() []byte {
				var b bytes.Buffer
				b.WriteString("apiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata:\n  name: all\n  namespace: default\nspec:\n" +
					"  routes:\n    - match: Host(`a.example.com`)\n      priority: 100\n      services:\n        - name: web\n          port: 80\n")
				for i := range 3000 {
					fmt.Fprintf(&b, "---\napiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata:\n  name: web%d\n  namespace: default\nspec:\n"+
						"  routes:\n    - match: Host(`a.example.com`) && Header(`X-H%d`, `1`)\n      priority: 1\n      services:\n        - name: web\n          port: 80\n", i, i)
				}
				return b.Bytes()
			},
			// IR6002 and IR6003 once reported every pair.
			check: func(t *testing.T, ds Diagnostics) {
				n := map[string]int{}
				for _, d := range ds {
					n[d.Code]++
				}
				if n[CodeShadowed] != 3000 || n[CodeOverlap] != 2999 {
					t.Errorf("%d %s and %d %s diagnostics, want 3000 and 2999: each router once", n[CodeShadowed], CodeShadowed, n[CodeOverlap], CodeOverlap)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.known != "" {
				t.Skip("known: " + tt.known)
			}
			data := tt.input()
			var ds Diagnostics
			u := measure(func() { _, ds = runPipeline("scale.yaml", data) })
			checkBounds(t, u, len(data))
			if tt.check != nil {
				tt.check(t, ds)
			}
		})
	}
}
