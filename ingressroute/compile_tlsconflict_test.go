package ingressroute

import (
	"slices"
	"strings"
	"testing"
)

func TestMarkTLSConflicts(t *testing.T) {
	const base = `
apiVersion: traefik.io/v1alpha1
kind: TLSOption
metadata: {name: modern, namespace: ns}
spec: {minVersion: VersionTLS13}
---
apiVersion: traefik.io/v1alpha1
kind: TLSOption
metadata: {name: legacy, namespace: ns}
spec: {minVersion: VersionTLS12}
---
apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata: {name: a, namespace: ns}
spec:
  entryPoints: [websecure]
  routes:
    - match: Host(` + "`x.example.com`" + `)
      services: [{name: s, port: 80}]
  tls: {options: {name: modern}}
---
apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata: {name: b, namespace: ns}
spec:
  entryPoints: [websecure]
  routes:
    - match: Host(` + "`x.example.com`" + `) && PathPrefix(` + "`/api`" + `)
      services: [{name: s, port: 80}]
  tls: {options: {name: OPTS}}
`
	for _, tc := range []struct {
		name, opts string
		want       []string
	}{
		{name: "different options conflict", opts: "legacy", want: []string{"websecure"}},
		{name: "same options agree", opts: "modern", want: nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := []byte(strings.ReplaceAll(base, "OPTS", tc.opts))
			set, ds := Decode("m.yaml", src)
			if ds.HasErrors() {
				t.Fatal(ds)
			}
			table, _ := Compile(set, DefaultOptions())
			if len(table.Routers) != 2 {
				t.Fatalf("want 2 routers, got %d", len(table.Routers))
			}
			for _, r := range table.Routers {
				if r.TLS == nil {
					t.Fatalf("router %s has no TLS", r.Name)
				}
				if !slices.Equal(r.TLS.ConflictedOn, tc.want) {
					t.Errorf("router %s: ConflictedOn = %v, want %v", r.Name, r.TLS.ConflictedOn, tc.want)
				}
			}
		})
	}
}
