package ingressroute_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/irkit/irkit/ingressroute"
)

func TestAnalyzeNil(t *testing.T) {
	tab, ds := ingressroute.Analyze(nil, ingressroute.DefaultOptions())
	if tab == nil {
		t.Fatal("nil table for a nil set")
	}
	if len(ds) != 0 {
		t.Errorf("diagnostics for a nil set: %v", ds)
	}
}

const conflictYAML = `apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: admin
  namespace: app
  annotations:
    irkit.io/ignore: IR5001
    irkit.io/ignore-reason: the admin UI accepts the default options
spec:
  entryPoints: [websecure]
  routes:
    - match: Host(` + "`example.com`" + `) && PathPrefix(` + "`/admin`" + `)
      services: [{name: admin, port: 80}]
  tls:
    options: {name: mtls}
---
apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata: {name: web, namespace: app}
spec:
  entryPoints: [websecure]
  routes:
    - match: Host(` + "`example.com`" + `)
      services: [{name: web, port: 80, weight: 1}]
  tls: {}
`

func TestAnalyzeSuppression(t *testing.T) {
	set, dds := ingressroute.Decode("c.yaml", []byte(conflictYAML))
	prior := ingressroute.Diagnostic{Severity: ingressroute.SeverityWarning, Code: ingressroute.CodeIngressClass,
		Object: ingressroute.ObjectRef{Kind: "IngressRoute", Namespace: "app", Name: "web"}, Message: "prior"}
	_, ds := ingressroute.Analyze(set, ingressroute.DefaultOptions(),
		ingressroute.AnalyzeOptions{Disable: []string{"IR6*"}, Prior: append(dds, prior)})

	if !sort.SliceIsSorted(ds, func(i, j int) bool { return ds[i].Pos.Before(ds[j].Pos) }) {
		t.Errorf("diagnostics not sorted by position")
	}
	var found struct{ admin, web, weight, prior bool }
	for _, d := range ds {
		switch {
		case d.Code == ingressroute.CodeTLSConflict && d.Object.Name == "admin":
			found.admin = true
			if !d.Suppressed {
				t.Errorf("IR5001 on admin not suppressed by its annotation")
			}
			if len(d.Related) == 0 || !strings.Contains(d.Related[len(d.Related)-1].Message, "the admin UI accepts the default options") {
				t.Errorf("IR5001 on admin: reason missing from Related: %+v", d.Related)
			}
			if got := d.Related[len(d.Related)-1].Pos.Line; got != 7 {
				t.Errorf("suppression points at line %d, want 7 (the annotation)", got)
			}
		case d.Code == ingressroute.CodeTLSConflict && d.Object.Name == "web":
			found.web = true
			if d.Suppressed {
				t.Errorf("IR5001 on web suppressed: the annotation is on admin only")
			}
			if d.Pos.Line != 23 || d.Field != "spec.routes[0].match" {
				t.Errorf("IR5001 on web at %s %s, want line 23 spec.routes[0].match", d.Pos, d.Field)
			}
		case d.Code == ingressroute.CodeWeightIgnored:
			found.weight = true
			if !d.Suppressed {
				t.Errorf("IR6005 not suppressed by the global IR6*")
			}
		case d.Message == "prior":
			found.prior = true
		}
	}
	if !found.admin || !found.web || !found.weight || !found.prior {
		t.Errorf("missing diagnostics: %+v in\n%v", found, ds)
	}

	// An error silenced everywhere no longer counts.
	_, ds = ingressroute.Analyze(set, ingressroute.DefaultOptions(), ingressroute.AnalyzeOptions{Disable: []string{"IR5001"}})
	for _, d := range ds {
		if d.Severity == ingressroute.SeverityError && !d.Suppressed {
			t.Errorf("unsuppressed error: %s", d)
		}
	}
	if ds.HasErrors() {
		t.Errorf("HasErrors with every error suppressed")
	}
}

func TestResolveTLSConflictedNames(t *testing.T) {
	set, _ := ingressroute.Decode("c.yaml", []byte(conflictYAML))
	tab, _ := ingressroute.Compile(set, ingressroute.DefaultOptions())
	res := ingressroute.ResolveTLS(set, tab)
	if len(res.Conflicts) != 1 {
		t.Fatalf("conflicts = %+v, want 1", res.Conflicts)
	}
	c := res.Conflicts[0]
	if c.EntryPoint != "websecure" || c.Host != "example.com" {
		t.Errorf("conflict on %s/%s", c.EntryPoint, c.Host)
	}
	want := []string{"default", "app-mtls@kubernetescrd"}
	sort.Strings(want)
	var got []string
	for _, u := range c.Uses {
		got = append(got, u.Options)
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("options = %v, want %v", got, want)
	}
}

func ExampleAnalyze() {
	set, _ := ingressroute.Decode("routes.yaml", []byte(`apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata: {name: web, namespace: app}
spec:
  entryPoints: [web]
  routes:
    - match: Host(`+"`example.com`"+`)
      priority: 1000
      services: [{name: web, port: 80}]
    - match: Host(`+"`example.com`"+`) && PathPrefix(`+"`/api`"+`)
      services: [{name: api, port: 80}]
`))
	_, ds := ingressroute.Analyze(set, ingressroute.DefaultOptions())
	for _, d := range ds {
		if strings.HasPrefix(d.Code, "IR6") {
			fmt.Println(d.Pos, d.Code, d.Field)
		}
	}
	// Output:
	// routes.yaml:10:14 IR6002 spec.routes[1].match
}
