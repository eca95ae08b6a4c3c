package ingressroute

import (
	"bytes"
	"fmt"
	"testing"
)

// BenchmarkAnalyzeChecks measures the TLS and lint checks (not Compile) on
// generated IngressRoutes; "nohost" routes have no Host matcher, the worst
// case of the checks between routers (every pair is compared).
func BenchmarkAnalyzeChecks(b *testing.B) {
	for _, n := range []int{100, 1000} {
		for _, kind := range []string{"host", "nohost"} {
			var set *Set
			if kind == "host" {
				set, _ = decodeFiles(genFiles(n))
			} else {
				set, _ = Decode("nohost.yaml", genNoHost(n))
			}
			table, _ := Compile(set, Options{})
			b.Run(fmt.Sprintf("%s/%d", kind, n), func(b *testing.B) {
				for b.Loop() {
					checkTLS(set, table)
					Lint(set, table)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(table.Routers)), "ns/router")
			})
		}
	}
}

// genNoHost returns n IngressRoutes of 3 routes each without Host matcher.
func genNoHost(n int) []byte {
	var buf bytes.Buffer
	for i := 0; i < n; i++ {
		fmt.Fprintf(&buf, "---\napiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata: {name: r%d, namespace: ns}\nspec:\n  entryPoints: [web]\n  routes:\n", i)
		for r := 0; r < 3; r++ {
			fmt.Fprintf(&buf, "    - match: PathPrefix(`/p%d/r%d`)\n      services: [{name: s, port: 80}]\n", i, r)
		}
	}
	return buf.Bytes()
}
