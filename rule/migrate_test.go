package rule

import (
	"strings"
	"testing"
)

// TestMigrateEquivalence checks, for every valid v2 corpus rule that
// migrates, that the v3 rule matches exactly the corpus requests the v2 rule
// matches.
func TestMigrateEquivalence(t *testing.T) {
	var migrated, refused, requests int
	for _, c := range loadCorpus(t) {
		if c.Syntax != "v2" || !c.Valid {
			continue
		}
		v2, err := Parse(c.Rule, V2)
		if err != nil {
			t.Errorf("line %d: %v", c.Line, err)
			continue
		}
		out, err := Migrate(c.Rule)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Errorf("line %d: Migrate error is %T, want *Error", c.Line, err)
			}
			refused++
			continue
		}
		migrated++
		v3, err := Parse(out, V3)
		if err != nil {
			t.Errorf("line %d: Migrate(%q) = %q, not valid v3: %v", c.Line, c.Rule, out, err)
			continue
		}
		for i, q := range c.Requests {
			req, err := buildRequest(q)
			if err != nil {
				t.Fatalf("line %d request %d: %v", c.Line, i, err)
			}
			if repeatedQueryKey(req.URL.RawQuery) && strings.Contains(c.Rule, "Query") {
				// Documented difference: v2 reads the first value of a
				// repeated query key, v3 any of them.
				continue
			}
			requests++
			if a, b := v2.Match(req), v3.Match(req); a != b {
				t.Errorf("line %d: v2 %q matches %s %s (host %q) = %v, migrated %q = %v", c.Line, c.Rule, q.Method, q.URL, q.Host, a, out, b)
			}
		}
	}
	t.Logf("migrated %d valid v2 rules (%d requests compared), refused %d", migrated, requests, refused)
	if migrated == 0 {
		t.Fatal("no rule migrated")
	}
}

func repeatedQueryKey(raw string) bool {
	seen := map[string]bool{}
	for _, p := range strings.Split(raw, "&") {
		k, _, _ := strings.Cut(p, "=")
		if seen[k] {
			return true
		}
		seen[k] = true
	}
	return false
}

func TestMigrate(t *testing.T) {
	tests := []struct {
		name, v2, want string
		wantErr        string
	}{
		{name: "multi host", v2: "Host(`a.com`, `b.com`)", want: "Host(`a.com`) || Host(`b.com`)"},
		{name: "host header", v2: "HostHeader(`a.com`)", want: "Host(`a.com`)"},
		{name: "multi host under and", v2: "Host(`a`, `b`) && Path(`/x`)", want: "(Host(`a`) || Host(`b`)) && Path(`/x`)"},
		{name: "negated multi", v2: "!Method(`GET`, `POST`)", want: "!(Method(`GET`) || Method(`POST`))"},
		{name: "headers", v2: "Headers(`X-A`, `1`, `X-B`, `2`)", want: "Header(`X-A`, `1`) && Header(`X-B`, `2`)"},
		{name: "headers regexp", v2: "HeadersRegexp(`X-A`, `^a`)", want: "HeaderRegexp(`X-A`, `^a`)"},
		{name: "query pair", v2: "Query(`k=v`)", want: "Query(`k`, `v`)"},
		{name: "query any", v2: "Query(`k=`)", want: "QueryRegexp(`k`, `.*`)"},
		{name: "query placeholder", v2: "Query(`id={id:[0-9]+}`)", want: "QueryRegexp(`id`, `^([0-9]+)$`)"},
		{name: "path placeholder", v2: "Path(`/u/{id:[0-9]+}`)", want: "PathRegexp(`^/u/([0-9]+)$`)"},
		{name: "prefix placeholder", v2: "PathPrefix(`/u/{id}`)", want: "PathRegexp(`^/u/([^/]+)`)"},
		{name: "host regexp", v2: "HostRegexp(`{sub:[a-z]+}.example.com`)", want: "HostRegexp(`(?i)^([a-z]+)\\.example\\.com$`)"},
		{name: "clientip", v2: "ClientIP(`10.0.0.0/8`, `::1`)", want: "ClientIP(`10.0.0.0/8`) || ClientIP(`::1`)"},
		{name: "literal star host", v2: "Host(`*.example.com`)", want: "HostRegexp(`^\\*\\.example\\.com\\.?$`)"},
		{name: "non-capturing group", v2: "HostRegexp(`{sub:(?:a|b)}.example.com`)", want: "HostRegexp(`(?i)^((?:a|b))\\.example\\.com$`)"},
		{name: "host regexp with port refused", v2: "HostRegexp(`example.com:{p:[0-9]+}`)", wantErr: "port"},
		{name: "invalid v2 refused", v2: "Header(`X`, `y`)", wantErr: "not a valid v2 rule"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Migrate(tt.v2)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Migrate(%q) = %q, %v; want error containing %q", tt.v2, got, err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("Migrate(%q) = %q, %v; want %q", tt.v2, got, err, tt.want)
			}
		})
	}
}
