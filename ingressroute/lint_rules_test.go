package ingressroute

import (
	"testing"

	"github.com/irkit/irkit/rule"
)

func mustDNF(t *testing.T, src string) []conj {
	t.Helper()
	x, err := rule.ParseTree(src)
	if err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	d, ok := dnf(x)
	if !ok {
		return nil
	}
	return d
}

// TestCoversOverlaps checks the rule reasoning behind IR6002 and IR6003:
// covers(hi, lo) means every request lo matches, hi matches; overlaps means
// some request surely matches both. Both answer false when unsure.
func TestCoversOverlaps(t *testing.T) {
	tests := []struct {
		name, hi, lo     string
		covers, overlaps bool
	}{
		{name: "host above host and path", hi: "Host(`a`)", lo: "Host(`a`) && PathPrefix(`/x`)", covers: true, overlaps: true},
		{name: "host case", hi: "Host(`A.com`)", lo: "Host(`a.com`) && Path(`/x`)", covers: true, overlaps: true},
		{name: "covering prefix", hi: "Host(`a`) && PathPrefix(`/api`)", lo: "Host(`a`) && Path(`/api/v1`)", covers: true, overlaps: true},
		{name: "prefix is a string prefix", hi: "PathPrefix(`/api`)", lo: "PathPrefix(`/apiv2`)", covers: true, overlaps: true},
		{name: "narrower prefix above", hi: "Host(`a`) && PathPrefix(`/api/v2`)", lo: "Host(`a`) && PathPrefix(`/api`)", covers: false, overlaps: true},
		{name: "other host", hi: "Host(`a`)", lo: "Host(`b`) && Path(`/x`)", covers: false, overlaps: false},
		{name: "disjoint paths", hi: "PathPrefix(`/x`)", lo: "PathPrefix(`/y`)", covers: false, overlaps: false},
		{name: "path outside prefix", hi: "PathPrefix(`/x/y`)", lo: "Path(`/x`)", covers: false, overlaps: false},
		{name: "or above", hi: "Host(`a`) || Host(`b`)", lo: "Host(`b`) && Method(`GET`)", covers: true, overlaps: true},
		{name: "or below, partly covered", hi: "Host(`a`)", lo: "Host(`a`) || Host(`b`)", covers: false, overlaps: true},
		{name: "and of or", hi: "(Host(`a`) || Host(`b`)) && PathPrefix(`/p`)", lo: "Host(`b`) && Path(`/p/q`)", covers: true, overlaps: true},
		{name: "catch-all", hi: "PathPrefix(`/`)", lo: "Host(`a`) && Header(`X`, `1`)", covers: true, overlaps: true},
		{name: "star host", hi: "Host(`*`)", lo: "Host(`a`)", covers: true, overlaps: true},
		{name: "wildcard one label", hi: "Host(`*.e.com`)", lo: "Host(`x.e.com`)", covers: true, overlaps: true},
		{name: "wildcard two labels", hi: "Host(`*.e.com`)", lo: "Host(`x.y.e.com`)", covers: false, overlaps: false},
		{name: "negation unknown", hi: "!Host(`b`)", lo: "Host(`a`)", covers: false, overlaps: false},
		{name: "regexp unknown", hi: "PathRegexp(`^/a`)", lo: "PathRegexp(`^/a/b`)", covers: false, overlaps: false},
		{name: "same regexp", hi: "PathRegexp(`^/a`)", lo: "PathRegexp(`^/a`) && Method(`GET`)", covers: true, overlaps: true},
		{name: "methods", hi: "Method(`GET`)", lo: "Method(`POST`)", covers: false, overlaps: false},
		{name: "independent parts", hi: "Method(`GET`)", lo: "Path(`/x`)", covers: false, overlaps: true},
		{name: "headers differ", hi: "Header(`X`, `1`)", lo: "Header(`X`, `2`)", covers: false, overlaps: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hi, lo := mustDNF(t, tt.hi), mustDNF(t, tt.lo)
			if got := hi != nil && lo != nil && covers(hi, lo); got != tt.covers {
				t.Errorf("covers(%s, %s) = %v, want %v", tt.hi, tt.lo, got, tt.covers)
			}
			if got := hi != nil && lo != nil && overlaps(hi, lo); got != tt.overlaps {
				t.Errorf("overlaps(%s, %s) = %v, want %v", tt.hi, tt.lo, got, tt.overlaps)
			}
		})
	}
}

func TestDNFLimit(t *testing.T) {
	src := "(Host(`a`) || Host(`b`))"
	for i := 0; i < 7; i++ {
		src += " && (Host(`a`) || Host(`b`))"
	}
	if d := mustDNF(t, src); d != nil {
		t.Errorf("dnf of 2^8 terms = %d terms, want refusal", len(d))
	}
}
