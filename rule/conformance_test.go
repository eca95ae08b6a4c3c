package rule

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"testing"
)

const corpusPath = "../testdata/conformance/rules/cases.jsonl"

type corpusRequest struct {
	Method     string              `json:"method"`
	URL        string              `json:"url"`
	Host       string              `json:"host"`
	Headers    map[string][]string `json:"headers"`
	RemoteAddr string              `json:"remoteAddr"`
	Match      bool                `json:"match"`
}

type corpusCase struct {
	Line         int             `json:"-"`
	Source       string          `json:"source"`
	Syntax       string          `json:"syntax"`
	Rule         string          `json:"rule"`
	Valid        bool            `json:"valid"`
	Error        string          `json:"error"`
	Priority     int             `json:"priority"`
	Domains      []string        `json:"domains"`
	DomainsError string          `json:"domainsError"`
	Requests     []corpusRequest `json:"requests"`
}

func loadCorpus(tb testing.TB) []corpusCase {
	tb.Helper()
	f, err := os.Open(corpusPath)
	if err != nil {
		tb.Fatalf("open corpus: %v", err)
	}
	defer f.Close()
	var cases []corpusCase
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		var c corpusCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			tb.Fatalf("line %d: %v", line, err)
		}
		c.Line = line
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("read corpus: %v", err)
	}
	return cases
}

// buildRequest builds a request as the corpus README says: the method as
// given, the target parsed as a server parses a request target, Host from
// host, the header map exactly as given (keys not canonicalized), RemoteAddr.
func buildRequest(r corpusRequest) (*http.Request, error) {
	u, err := url.ParseRequestURI(r.URL)
	if err != nil {
		return nil, err
	}
	h := http.Header{}
	for k, v := range r.Headers {
		h[k] = v
	}
	return &http.Request{
		Method:     r.Method,
		URL:        u,
		Proto:      "HTTP/1.1",
		ProtoMajor: 1,
		ProtoMinor: 1,
		Host:       r.Host,
		Header:     h,
		RemoteAddr: r.RemoteAddr,
		RequestURI: r.URL,
	}, nil
}

func caseSyntax(tb testing.TB, c corpusCase) Syntax {
	s, err := ParseSyntax(c.Syntax)
	if err != nil {
		tb.Fatalf("line %d: %v", c.Line, err)
	}
	return s
}

func TestConformance(t *testing.T) {
	cases := loadCorpus(t)
	var nCases, okCases, nReqs, okReqs int
	for _, c := range cases {
		nCases++
		nReqs += len(c.Requests)
		name := fmt.Sprintf("%d/%s/%.60q", c.Line, c.Syntax, c.Rule)
		passed := t.Run(name, func(t *testing.T) {
			r, err := Parse(c.Rule, caseSyntax(t, c))
			if (err == nil) != c.Valid {
				t.Errorf("valid = %v, want %v (Traefik: %q; irkit: %v)", err == nil, c.Valid, c.Error, err)
			}
			if err != nil {
				if _, ok := err.(*Error); !ok {
					t.Errorf("error is %T, want *Error", err)
				}
			}
			if got := Priority(c.Rule); got != c.Priority {
				t.Errorf("Priority = %d, want %d", got, c.Priority)
			}
			doms, derr := Domains(c.Rule)
			if (derr != nil) != (c.DomainsError != "") {
				t.Errorf("Domains error = %v, want %q", derr, c.DomainsError)
			} else if fmt.Sprintf("%q", doms) != fmt.Sprintf("%q", c.Domains) || (doms == nil) != (c.Domains == nil) {
				t.Errorf("Domains = %q, want %q", doms, c.Domains)
			}
			if r != nil && c.Valid {
				if got := r.Domains(); fmt.Sprintf("%q", got) != fmt.Sprintf("%q", c.Domains) {
					t.Errorf("(*Rule).Domains = %q, want %q", got, c.Domains)
				}
			}
			for i, q := range c.Requests {
				req, err := buildRequest(q)
				if err != nil {
					t.Errorf("request %d: %v", i, err)
					continue
				}
				if got := r.Match(req); got != q.Match {
					t.Errorf("request %d %s %s host=%q headers=%v remote=%q: match = %v, want %v", i, q.Method, q.URL, q.Host, q.Headers, q.RemoteAddr, got, q.Match)
				} else {
					okReqs++
				}
			}
		})
		if passed {
			okCases++
		}
	}
	if okCases != nCases || okReqs != nReqs {
		t.Errorf("conformance: %d/%d cases, %d/%d requests", okCases, nCases, okReqs, nReqs)
	} else {
		t.Logf("conformance: %d/%d cases, %d/%d requests", okCases, nCases, okReqs, nReqs)
	}
}
