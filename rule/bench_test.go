package rule

import (
	goparser "go/parser"
	"net/http"
	"net/url"
	"testing"
)

func validCorpusRules(b *testing.B) []string {
	var rules []string
	for _, c := range loadCorpus(b) {
		if c.Valid {
			rules = append(rules, c.Rule)
		}
	}
	return rules
}

// BenchmarkParseCheck runs Parse (syntax, matcher checks, compilation of
// regular expressions and templates) on every valid corpus rule.
func BenchmarkParseCheck(b *testing.B) {
	rules := validCorpusRules(b)
	syntaxes := make([]Syntax, 0, len(rules))
	for _, c := range loadCorpus(b) {
		if c.Valid {
			syntaxes = append(syntaxes, caseSyntax(b, c))
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for i, r := range rules {
			if _, err := Parse(r, syntaxes[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkParse parses every valid corpus rule into a syntax tree
// (ParseTree): the work go/parser.ParseExpr does in BenchmarkGoParserParseExpr.
func BenchmarkParse(b *testing.B) {
	rules := validCorpusRules(b)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for _, r := range rules {
			if _, err := ParseTree(r); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkGoParserParseExpr is the baseline: go/parser.ParseExpr, what
// Traefik's rule parser runs before building its own tree, on the same rules.
func BenchmarkGoParserParseExpr(b *testing.B) {
	rules := validCorpusRules(b)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for _, r := range rules {
			if _, err := goparser.ParseExpr(r); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkMatchHostPathPrefix(b *testing.B) {
	r, err := Parse("Host(`example.com`) && PathPrefix(`/api`)", V3)
	if err != nil {
		b.Fatal(err)
	}
	u, err := url.ParseRequestURI("/api/v1/users?id=1")
	if err != nil {
		b.Fatal(err)
	}
	req := &http.Request{Method: "GET", URL: u, Host: "example.com:8080", Header: http.Header{}, RemoteAddr: "10.0.0.1:1234"}
	if !r.Match(req) {
		b.Fatal("no match")
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if !r.Match(req) {
			b.Fatal("no match")
		}
	}
}
