package rule

import (
	"go/ast"
	goparser "go/parser"
	gotoken "go/token"
	"strconv"
	"strings"
	"testing"
)

// refDomains is a test oracle for the syntax level: it reproduces Traefik's
// rule parsing with go/parser and a walk of the Go tree that accepts what
// Traefik's predicate parser turns into a rule tree (matcher calls with
// string literal arguments under &&, || and !), and returns the domains.
func refDomains(src string) ([]string, bool) {
	x, err := goparser.ParseExpr(src)
	if err != nil {
		return nil, false
	}
	var out []string
	var walk func(e ast.Expr) bool
	walk = func(e ast.Expr) bool {
		switch e := e.(type) {
		case *ast.ParenExpr:
			return walk(e.X)
		case *ast.UnaryExpr:
			return e.Op == gotoken.NOT && walk(e.X)
		case *ast.BinaryExpr:
			return (e.Op == gotoken.LAND || e.Op == gotoken.LOR) && walk(e.X) && walk(e.Y)
		case *ast.CallExpr:
			id, ok := e.Fun.(*ast.Ident)
			if !ok || LookupKind(id.Name) == KindInvalid {
				return false
			}
			var vals []string
			for _, a := range e.Args {
				lit, ok := a.(*ast.BasicLit)
				if !ok || lit.Kind != gotoken.STRING {
					return false
				}
				v, err := strconv.Unquote(lit.Value)
				if err != nil {
					return false
				}
				vals = append(vals, v)
			}
			if LookupKind(id.Name) == Host {
				for _, v := range vals {
					out = append(out, strings.ToLower(v))
				}
			}
			return true
		}
		return false
	}
	if !walk(x) {
		return nil, false
	}
	return out, true
}

func checkAgainstReference(t *testing.T, src string) {
	t.Helper()
	if len(src) > MaxRuleLength || strings.Count(src, "(")+strings.Count(src, "!") > MaxDepth {
		return // irkit's limits are stricter than Traefik's
	}
	want, wantOK := refDomains(src)
	got, err := Domains(src)
	if (err == nil) != wantOK {
		t.Fatalf("Domains(%q) error = %v, reference valid = %v", src, err, wantOK)
	}
	if wantOK && strconv.Quote(strings.Join(got, "\x00")) != strconv.Quote(strings.Join(want, "\x00")) {
		t.Fatalf("Domains(%q) = %q, reference %q", src, got, want)
	}
}

// TestReferenceCorpus checks the oracle itself against the corpus, then
// irkit against the oracle, on every corpus rule.
func TestReferenceCorpus(t *testing.T) {
	for _, c := range loadCorpus(t) {
		_, ok := refDomains(c.Rule)
		if ok != (c.DomainsError == "") {
			t.Errorf("line %d: reference valid = %v, corpus domainsError %q", c.Line, ok, c.DomainsError)
		}
		checkAgainstReference(t, c.Rule)
	}
}

func TestReferenceForms(t *testing.T) {
	for _, src := range []string{
		"Host(`a`)\n", "Host(`a`)\n\n", "Host(`a`) //x\n", "Host(`a`)/*\n*/", "Host(`a`)/*x*/\n/*y*/",
		"Host(`a`);", "Host(`a`)\n;", "Host(`a`)\r\n", "Host(\"\\u00e9\")", "Host(\"\\377\")",
		"Host('a')", "Host(`a`)\f", "Host(`a`...,)", "Host(`a`,...)", "Host(...)", "Host()...",
		"!\nHost(`a`)", "Host(`a`)&&\n\nHost(`b`)", "(\nHost(`a`))", "(Host(`a`)\n)", "Host\t(`a`)",
		"Host(`a`)\x00", "Host(\"\\\n\")", "Host(`a`) /* */ /* \n */ && Host(`b`)", "Host(`a`) /* */ // x",
		"Hostä(`a`)", "ä", "Host(`a`)|| /**/\nHost(`b`)", "Host(`a`) ||/*\n*/Host(`b`)",
	} {
		checkAgainstReference(t, src)
	}
}
