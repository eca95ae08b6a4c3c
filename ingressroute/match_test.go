package ingressroute

import (
	"net/http/httptest"
	"testing"
)

func TestMatchOrderAndTies(t *testing.T) {
	data := []byte(`apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata: {name: a, namespace: default}
spec:
  entryPoints: [web]
  routes:
    - match: PathPrefix(` + "`/`" + `)
      priority: 5
      services: [{name: one, port: 80}]
    - match: Host(` + "`x.com`" + `)
      priority: 5
      services: [{name: two, port: 80}]
    - match: Host(` + "`x.com`" + `) && Path(` + "`/admin`" + `)
      services: [{name: three, port: 80}]
---
apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata: {name: b, namespace: default}
spec:
  routes:
    - match: Host(` + "`other.com`" + `)
      services: [{name: four, port: 80}]
`)
	set, diags := Decode("m.yaml", data)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	table, _ := Compile(set, DefaultOptions())

	m := table.Match("web", httptest.NewRequest("GET", "http://x.com/admin", nil))
	if m.Router == nil || m.Router.Rule != "Host(`x.com`) && Path(`/admin`)" || m.Tie {
		t.Fatalf("x.com/admin: got %+v", m)
	}
	if len(m.Others) != 2 || m.Others[0].Priority != 5 {
		t.Errorf("others: %+v", m.Others)
	}

	m = table.Match("web", httptest.NewRequest("GET", "http://x.com/", nil))
	if m.Router == nil || m.Router.Priority != 5 || !m.Tie {
		t.Errorf("x.com/: want a tie between the two priority-5 routers, got %+v", m)
	}

	// b has no entry points: it serves on every entry point.
	m = table.Match("websecure", httptest.NewRequest("GET", "http://other.com/", nil))
	if m.Router == nil || m.Router.Rule != "Host(`other.com`)" {
		t.Errorf("other.com on websecure: got %+v", m)
	}
	// A router without tls serves no request that arrived over TLS.
	if m := table.Match("websecure", httptest.NewRequest("GET", "https://other.com/", nil)); m.Router != nil {
		t.Errorf("https://other.com/ served by the non-TLS router %s", m.Router.Name)
	}
	if got := len(table.Ordered("web")); got != 4 {
		t.Errorf("Ordered(web) has %d routers, want 4", got)
	}
}
