package ingressroute

import (
	"bytes"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/irkit/irkit/rule"
)

// TestConcurrentUse calls the public functions from many goroutines on
// shared inputs (the same bytes, the same Set, the same Table, the same
// parsed rules) and checks that every goroutine gets the result a single
// goroutine gets. Run it with -race: a data race anywhere in Decode,
// Validate, Compile, Analyze, Table.Match, rule.Parse or Rule.Match fails
// it.
func TestConcurrentUse(t *testing.T) {
	seeds := pipelineSeeds(t)
	names := sortedKeys(seeds)
	if len(names) > 40 {
		names = names[:40] // enough under the race detector
	}
	if testing.Short() {
		names = names[:min(len(names), 8)]
	}
	type result struct {
		decode, validate, analyze string
		export, compiled          []byte
		table                     *Table
		set                       *Set
	}
	run := func(name string) result {
		set, ds := Decode(name, seeds[name])
		table, all := Analyze(set, DefaultOptions(), AnalyzeOptions{Prior: ds})
		export, err := table.Traefik().JSON()
		if err != nil {
			t.Errorf("%s: export: %v", name, err)
		}
		compiled, _ := Compile(set, DefaultOptions())
		cexport, err := compiled.Traefik().JSON()
		if err != nil {
			t.Errorf("%s: export: %v", name, err)
		}
		return result{
			decode: ds.Error(), validate: Validate(set).Error(), analyze: all.Error(),
			export: export, compiled: cexport, table: table, set: set,
		}
	}
	want := map[string]result{}
	for _, n := range names {
		want[n] = run(n)
	}
	rules := []string{
		"Host(`example.com`) && PathPrefix(`/api`)",
		"HostRegexp(`^[a-z]+\\.example\\.com$`) || Path(`/x`)",
		"!Method(`POST`) && Header(`X-A`, `b`) && Query(`q`, `1`)",
		"ClientIP(`10.0.0.0/8`) && PathRegexp(`^/v[0-9]+/`)",
	}
	parsed := make([]*rule.Rule, len(rules))
	for i, src := range rules {
		r, err := rule.Parse(src, rule.V3)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		parsed[i] = r
	}
	reqs := []string{"http://example.com/api/x", "http://a.example.com/v2/x?q=1", "https://b.example.com/"}

	const workers = 8
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := range names {
				name := names[(i+w)%len(names)] // each worker in its own order
				exp := want[name]
				// On the shared bytes:
				got := run(name)
				if got.decode != exp.decode || got.validate != exp.validate || got.analyze != exp.analyze || !bytes.Equal(got.export, exp.export) {
					t.Errorf("%s: worker %d got another result", name, w)
				}
				// On the shared Set and Table:
				if s := Validate(exp.set).Error(); s != exp.validate {
					t.Errorf("%s: Validate of the shared set differs", name)
				}
				tb, _ := Compile(exp.set, DefaultOptions())
				if b, _ := tb.Traefik().JSON(); !bytes.Equal(b, exp.compiled) {
					t.Errorf("%s: Compile of the shared set differs", name)
				}
				for _, u := range reqs {
					req := httptest.NewRequest("GET", u, nil)
					a := exp.table.Match("web", req)
					b := exp.table.Match("web", req)
					if (a.Router == nil) != (b.Router == nil) || (a.Router != nil && a.Router.Name != b.Router.Name) {
						t.Errorf("%s: Match of %s is not stable", name, u)
					}
				}
			}
			for i, src := range rules {
				r, err := rule.Parse(src, rule.V3)
				if err != nil || r.String() != parsed[i].String() {
					t.Errorf("rule.Parse(%q) differs: %v", src, err)
				}
				for _, u := range reqs {
					req := httptest.NewRequest("GET", u, nil)
					if r.Match(req) != parsed[i].Match(req) {
						t.Errorf("%q: Match(%s) differs between two parses", src, u)
					}
				}
			}
		})
	}
	wg.Wait()
}
