// Package irkit reads Traefik IngressRoute manifests offline and tells you
// exactly what Traefik v3.7 will do with them, before anything reaches a
// cluster.
//
// irkit is a set of pure functions arranged as a pipeline:
//
//	files / stdin (multi-document YAML or JSON, kind: List too)
//	  │  ingressroute.Decode     bytes -> typed objects + positions of every field
//	  ▼
//	ingressroute.Set             objects indexed by kind
//	  │  ingressroute.Validate   schema and semantic checks of every field
//	  │  ingressroute.Compile    rules parsed, backends resolved, defaults applied
//	  │  ingressroute.Lint       TLS conflicts and the checks Traefik never makes
//	  │  (ingressroute.Analyze runs all of these in one call)
//	  ▼
//	ingressroute.Table           routers, services, TLS: names identical to Traefik's
//	  │  Table.Match             which router serves a request
//	  │  Table export            Traefik's dynamic configuration (JSON / YAML)
//
// Every problem found on the way is an ingressroute.Diagnostic with a stable
// code, the object, the field path and the file:line:column to fix.
//
// The packages:
//
//   - [github.com/irkit/irkit/ingressroute]: the CRD kinds, decoding,
//     validation, compilation into the routing table, export, diagnostics.
//   - [github.com/irkit/irkit/rule]: Traefik's router rule language (v3 and
//     v2 syntax): parser, matcher, priority, domains, migration, printing.
//   - [github.com/irkit/irkit/tls], [github.com/irkit/irkit/sticky],
//     [github.com/irkit/irkit/healthcheck]: one concept each, with its
//     defaults and validation.
//   - cmd/irkit: the command (lint, table, route, test, migrate).
//
// A complete use, from bytes to a routing decision:
//
//	set, diags := ingressroute.Decode("routes.yaml", data)
//	// Validate, Compile, TLS arbitration, lint checks and suppression in
//	// one call; Prior merges the decoding diagnostics.
//	table, diags := ingressroute.Analyze(set, ingressroute.DefaultOptions(),
//		ingressroute.AnalyzeOptions{Prior: diags})
//	for _, d := range diags {
//		fmt.Println(d) // routes.yaml:12:14: error IR4003: service port not found: 8081
//	}
//	out, _ := table.Traefik().JSON() // Traefik's own dynamic configuration
//	req := httptest.NewRequest("GET", "https://shop.example.com/api/cart", nil)
//	if m := table.Match("websecure", req); m.Router != nil {
//		fmt.Println(m.Router.Name, "->", m.Router.Service)
//	}
//
// Rules alone, without Kubernetes:
//
//	r, err := rule.Parse("Host(`example.com`) && PathPrefix(`/api`)", rule.V3)
//	if err != nil {
//		// err is a *rule.Error with the byte offset of the offending token
//	}
//	ok := r.Match(req)
//
// irkit is deterministic (same input, byte-identical output), never panics on
// input, and bounds what it reads; see ingressroute's Limits.
package irkit
