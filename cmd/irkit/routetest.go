package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/irkit/irkit/ingressroute"
	yaml "go.yaml.in/yaml/v3"
)

// testFile is a routing test file (docs/cli.md documents it):
//
//	entryPoint: websecure          # optional: the default of every case
//	cases:
//	  - name: the shop's home page
//	    request:
//	      method: GET              # default GET
//	      url: https://shop.example.com/
//	      headers: {X-Canary: "1"}
//	      remoteAddr: 10.0.0.7     # default 192.0.2.1
//	      entryPoint: websecure    # default: websecure for https, web for http
//	    expect:
//	      router: shop-storefront-...  # Traefik's router name, and/or
//	      ingressRoute: shop/storefront # the IngressRoute it comes from, and/or
//	      service: shop-storefront-http # the router's service; or
//	      none: true                    # no router (Traefik answers 404)
type testFile struct {
	EntryPoint string     `yaml:"entryPoint"`
	Cases      []testCase `yaml:"cases"`
}

type testCase struct {
	Name    string      `yaml:"name"`
	Request testRequest `yaml:"request"`
	Expect  testExpect  `yaml:"expect"`
	line    int
}

type testRequest struct {
	Method     string            `yaml:"method"`
	URL        string            `yaml:"url"`
	Headers    map[string]string `yaml:"headers"`
	RemoteAddr string            `yaml:"remoteAddr"`
	EntryPoint string            `yaml:"entryPoint"`
}

type testExpect struct {
	Router       string `yaml:"router"`
	Service      string `yaml:"service"`
	IngressRoute string `yaml:"ingressRoute"`
	None         bool   `yaml:"none"`
}

// maxTestFileBytes bounds a routing test file.
const maxTestFileBytes = 8 << 20

// readTestFile reads and checks a routing test file.
func readTestFile(name string) (*testFile, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxTestFileBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxTestFileBytes {
		return nil, fmt.Errorf("%s: larger than %d bytes", name, maxTestFileBytes)
	}
	var tf testFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&tf); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: no cases", name)
		}
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	// The lines of the cases, for the report.
	var root yaml.Node
	if yaml.Unmarshal(data, &root) == nil && len(root.Content) == 1 {
		m := root.Content[0]
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == "cases" && m.Content[i+1].Kind == yaml.SequenceNode {
				for j, c := range m.Content[i+1].Content {
					if j < len(tf.Cases) {
						tf.Cases[j].line = c.Line
					}
				}
			}
		}
	}
	if len(tf.Cases) == 0 {
		return nil, fmt.Errorf("%s: no cases", name)
	}
	for i, c := range tf.Cases {
		where := fmt.Sprintf("%s:%d", name, c.line)
		x := c.Expect
		switch {
		case c.Name == "":
			return nil, fmt.Errorf("%s: case %d has no name", where, i+1)
		case c.Request.URL == "":
			return nil, fmt.Errorf("%s: case %q: request.url is required", where, c.Name)
		case x.None && (x.Router != "" || x.Service != "" || x.IngressRoute != ""):
			return nil, fmt.Errorf("%s: case %q: expect none: true excludes router, service and ingressRoute", where, c.Name)
		case !x.None && x.Router == "" && x.Service == "" && x.IngressRoute == "":
			return nil, fmt.Errorf("%s: case %q: expect needs router, service, ingressRoute or none: true", where, c.Name)
		}
	}
	return &tf, nil
}

// runTest implements "irkit test [flags] TESTFILE... -- PATH...": it
// compiles the manifests of PATH... and runs every case of the test files
// against the table, printing PASS or FAIL per case and, on failure, what
// served the request instead. Exit status 0 when every case passes, 1 when
// one fails, 2 for usage problems, unreadable files and bad test files.
func runTest(e *env, args []string) int {
	fs := newFlagSet("test")
	pf := addProviderFlags(fs)
	verbose := fs.Bool("v", false, "also print the request and the router of passing cases")
	if ok, code := parseFlags(e, fs, args); !ok {
		return code
	}
	cfg, err := pf.resolve()
	if err != nil {
		fmt.Fprintf(e.stderr, "irkit test: %v\n", err)
		return exitUsage
	}
	rest := fs.Args()
	var testFiles, paths []string
	// flag.Parse consumes a "--" that comes first (no test file before it).
	if len(args) > 0 && len(rest) < len(args) && sepConsumed(args, rest) {
		paths = rest
	} else {
		for i, a := range rest {
			if a == "--" {
				testFiles, paths = rest[:i], rest[i+1:]
				break
			}
		}
	}
	if len(testFiles) == 0 || len(paths) == 0 {
		fmt.Fprintf(e.stderr, "irkit test: want TESTFILE... -- PATH...\n")
		fs.Usage()
		return exitUsage
	}
	var files []*testFile
	for _, name := range testFiles {
		tf, err := readTestFile(name)
		if err != nil {
			fmt.Fprintf(e.stderr, "irkit test: %v\n", err)
			return exitUsage
		}
		files = append(files, tf)
	}
	in := decodeInputs(e, paths)
	t, ds := in.analyze(cfg.options())
	if in.ioFailed(ds) {
		ingressroute.WriteText(e.stderr, onlyIO(ds), ingressroute.TextOptions{})
		return exitUsage
	}
	noteFindings(e.stderr, ds)

	passed, failed := 0, 0
	for fi, tf := range files {
		for _, c := range tf.Cases {
			where := fmt.Sprintf("%s:%d", testFiles[fi], c.line)
			r := request{Method: c.Request.Method, URL: c.Request.URL, Headers: c.Request.Headers,
				RemoteAddr: c.Request.RemoteAddr, EntryPoint: c.Request.EntryPoint}
			if r.EntryPoint == "" {
				r.EntryPoint = tf.EntryPoint
			}
			req, ep, err := r.build()
			if err != nil {
				failed++
				fmt.Fprintf(e.stdout, "FAIL  %s  (%s)\n      %v\n", c.Name, where, err)
				continue
			}
			res := t.Match(ep, req)
			problems := check(c.Expect, res)
			if len(problems) == 0 {
				passed++
				fmt.Fprintf(e.stdout, "PASS  %s\n", c.Name)
				if *verbose {
					fmt.Fprintf(e.stdout, "      %s %s on %s: %s\n", req.Method, req.URL, ep, describe(res))
				}
				continue
			}
			failed++
			fmt.Fprintf(e.stdout, "FAIL  %s  (%s)\n", c.Name, where)
			fmt.Fprintf(e.stdout, "      request  %s %s on entry point %s\n", req.Method, req.URL, ep)
			for _, p := range problems {
				fmt.Fprintf(e.stdout, "      %s\n", p)
			}
			fmt.Fprintf(e.stdout, "      got      %s\n", describe(res))
			if res.Tie {
				fmt.Fprintf(e.stdout, "      note     another matching router has the same priority: Traefik's choice is not defined\n")
			}
		}
	}
	fmt.Fprintf(e.stdout, "%d passed, %d failed\n", passed, failed)
	if failed > 0 {
		return exitFindings
	}
	return exitOK
}

// sepConsumed reports whether flag parsing consumed a "--" right before
// rest.
func sepConsumed(args, rest []string) bool {
	i := len(args) - len(rest) - 1
	return i >= 0 && args[i] == "--"
}

// check compares a match with the expectations and returns what differs.
func check(x testExpect, res ingressroute.MatchResult) []string {
	var out []string
	if x.None {
		if res.Router != nil {
			out = append(out, "want     no router (404)")
		}
		return out
	}
	if res.Router == nil {
		switch {
		case x.Router != "":
			out = append(out, "want     router "+x.Router)
		case x.IngressRoute != "":
			out = append(out, "want     a router of IngressRoute "+x.IngressRoute)
		default:
			out = append(out, "want     service "+x.Service)
		}
		return out
	}
	if x.Router != "" && res.Router.Name != x.Router {
		out = append(out, "want     router "+x.Router)
	}
	if x.IngressRoute != "" && routerIngressRoute(res.Router) != x.IngressRoute {
		out = append(out, "want     a router of IngressRoute "+x.IngressRoute)
	}
	if x.Service != "" && res.Router.Service != x.Service {
		out = append(out, "want     service "+x.Service)
	}
	return out
}

// routerIngressRoute returns "namespace/name" of the IngressRoute a router
// comes from.
func routerIngressRoute(r *ingressroute.Router) string {
	o := r.Origin.Object
	if o.Namespace == "" {
		return o.Name
	}
	return o.Namespace + "/" + o.Name
}

// describe says on one line what serves a request.
func describe(res ingressroute.MatchResult) string {
	if res.Router == nil {
		return "no router (404)"
	}
	r := res.Router
	parts := []string{"router " + r.Name}
	if r.Service != "" {
		parts = append(parts, "service "+r.Service)
	}
	if ir := routerIngressRoute(r); ir != "" {
		from := "IngressRoute " + ir
		if r.Origin.Field != "" {
			from += " " + r.Origin.Field
		}
		parts = append(parts, from)
	}
	return strings.Join(parts, ", ")
}
