package main

import (
	"bytes"
	"testing"
)

// FuzzMigrate checks that migrate never panics and never changes a file
// without migrating a rule.
func FuzzMigrate(f *testing.F) {
	for _, seed := range []string{
		"apiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata: {name: a}\nspec:\n  routes:\n    - match: Host(`a`, `b`)\n      syntax: v2\n",
		"apiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata: {name: a}\nspec:\n  routes:\n    - syntax: v2\n      match: 'Path(`/{x}`)'\n",
		"apiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata: {name: a}\nspec:\n  routes:\n    - {match: \"Query(`a=b`)\", syntax: \"v2\"}\n",
		"apiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata: {name: a}\nspec:\n  routes:\n    - match: >\n        HostHeader(`a`)\n      syntax: v2 # c\n",
		`{"apiVersion":"traefik.io/v1alpha1","kind":"IngressRoute","metadata":{"name":"a"},"spec":{"routes":[{"match":"Host(` + "`a`" + `)","syntax":"v2"}]}}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		out, n, _ := migrateFile("f.yaml", data)
		if n == 0 && !bytes.Equal(out, data) {
			t.Fatalf("changed without migrating:\n%s\n---\n%s", data, out)
		}
		if n > 0 {
			// Migrating twice changes nothing more.
			again, m, _ := migrateFile("f.yaml", out)
			if m != 0 || !bytes.Equal(again, out) {
				t.Fatalf("second migration changed %d rules:\n%s\n---\n%s", m, out, again)
			}
		}
	})
}
