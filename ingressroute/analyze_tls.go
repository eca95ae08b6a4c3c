package ingressroute

import (
	"fmt"
	"sort"
	"strings"

	"github.com/irkit/irkit/rule"
	"github.com/irkit/irkit/tls"
)

// ResolveTLS arbitrates the TLS options of the table's HTTPS routers per
// entry point and host, as Traefik does (see tls.Resolve). Options are
// named as Traefik qualifies them ("default", "ns-name@kubernetescrd",
// "name@file"). Routers without entry points serve on the table's
// DefaultEntryPoints, or on every entry point when those are unknown.
// Routers whose rule does not parse are left out, as Traefik leaves them
// out.
func ResolveTLS(set *Set, t *Table) *tls.Resolution {
	routes, _ := tlsRoutes(set, t)
	return tls.Resolve(routes)
}

// tlsRoutes returns the input of tls.Resolve for the table's HTTPS
// routers, and the routers by name.
func tlsRoutes(set *Set, t *Table) ([]tls.Route, map[string]routerRef) {
	if t == nil {
		return nil, nil
	}
	byName := map[string]routerRef{}
	for _, rr := range routerRefs(set, t) {
		byName[rr.r.Name] = rr
	}
	defaultCert := hasDefaultCertificate(set)
	var routes []tls.Route
	for _, r := range t.Routers {
		// Child routers (parentRefs) serve through their parents and take
		// no part in an entry point's TLS arbitration.
		if r == nil || r.TLS == nil || len(r.ParentRefs) > 0 {
			continue
		}
		hosts, err := rule.Domains(r.Rule)
		if err != nil {
			continue
		}
		eps := r.EntryPoints
		if len(eps) == 0 {
			eps = t.DefaultEntryPoints
		}
		tr := tls.Route{Router: r.Name, EntryPoints: eps, Options: qualifiedOptions(r.TLS.Options), Hosts: hosts}
		if rr, ok := byName[r.Name]; ok {
			tr.Certificate = certificateKey(rr.ir, r.TLS, defaultCert)
		}
		routes = append(routes, tr)
	}
	return routes, byName
}

// qualifiedOptions returns a router's TLS options reference as Traefik
// qualifies it: "default" for none, the name with "@kubernetescrd" for a
// reference of this provider.
func qualifiedOptions(ref string) string {
	switch {
	case ref == "" || ref == defaultTLSName:
		return tls.DefaultOptions
	case strings.Contains(ref, providerSep):
		return ref
	}
	return ref + providerSep + ProviderName
}

// certificateKey identifies the certificate a route is served with: its
// Secret, or its resolver and explicit domains, or the default store's
// certificate when the input defines one. Empty when unknown (a resolver
// issuing one certificate per router, or Traefik's generated default).
func certificateKey(ir *IngressRoute, rt *RouterTLS, defaultCert bool) string {
	t := ir.Spec.TLS
	switch {
	case t == nil:
		return ""
	case t.SecretName != "":
		return "Secret " + ir.Namespace + "/" + t.SecretName
	case rt.CertResolver != "" && len(rt.Domains) > 0:
		var ds []string
		for _, d := range rt.Domains {
			ds = append(ds, d.Main)
			ds = append(ds, d.SANs...)
		}
		return "resolver " + rt.CertResolver + " for " + strings.Join(ds, ",")
	case rt.CertResolver == "" && defaultCert:
		return "the default certificate of TLSStore default"
	}
	return ""
}

// hasDefaultCertificate reports whether the input's TLSStore default sets a
// default certificate.
func hasDefaultCertificate(set *Set) bool {
	if set == nil {
		return false
	}
	for _, s := range set.TLSStores {
		if s.Name == defaultTLSName && s.Spec.DefaultCertificate != nil {
			return true
		}
	}
	return false
}

// checkTLS arbitrates the TLS options of the table's routers and reports
// conflicts (IR5001), options that cannot apply (IR5002) and host pairs
// answered with 421 (IR5003).
func checkTLS(set *Set, t *Table) Diagnostics {
	routes, byName := tlsRoutes(set, t)
	res := t.tlsResolution // Compile's, when the table comes from Compile
	if res == nil {
		res = tls.Resolve(routes)
	}
	var ds Diagnostics
	ds = append(ds, conflictDiagnostics(res, byName)...)
	for _, u := range res.Unbound {
		rr, ok := byName[u.Router]
		if !ok {
			continue
		}
		field := "spec.tls.options.name"
		ds = append(ds, rr.diag(CodeTLSUnbound, field, rr.src.Lookup(field),
			fmt.Sprintf("TLS options %s cannot apply to %s: its rule has no Host matcher, and options are bound to hosts during the handshake; its requests get the options of the SNI the client sends (the default options for any other name)",
				u.Options, rr.field),
			"add a Host matcher to the route, or drop the options"))
	}
	for _, f := range res.Fronting {
		rr, ok := byName[f.SNIRouter]
		other, ok2 := byName[f.HeaderRouter]
		if !ok || !ok2 {
			continue
		}
		d := rr.diag(CodeTLSMisdirected, rr.matchField(), rr.hostPos(f.SNIHost),
			fmt.Sprintf("hosts %s (TLS options %s, router %s) and %s (TLS options %s, router %s) share %s on entry point %s: a request for one on a connection opened for the other gets 421 Misdirected Request",
				f.SNIHost, f.SNIOptions, f.SNIRouter, f.HeaderHost, f.HeaderOptions, f.HeaderRouter, f.Certificate, f.EntryPoint),
			"give both hosts the same TLS options, or serve them with separate certificates")
		d.Related = []Related{{Pos: other.hostPos(f.HeaderHost), Message: "other host, router " + f.HeaderRouter}}
		ds = append(ds, d)
	}
	return ds
}

// conflictDiagnostics reports each router involved in a conflict once per
// entry point, with the hosts in conflict and the other routers.
func conflictDiagnostics(res *tls.Resolution, byName map[string]routerRef) Diagnostics {
	type key struct{ router, ep string }
	type group struct {
		hosts  []string
		uses   []tls.OptionsUse
		others map[string]string // router -> host
	}
	groups := map[key]*group{}
	var keys []key
	for _, c := range res.Conflicts {
		for _, u := range c.Uses {
			k := key{u.Router, c.EntryPoint}
			g := groups[k]
			if g == nil {
				g = &group{others: map[string]string{}}
				groups[k] = g
				keys = append(keys, k)
			}
			g.hosts = append(g.hosts, c.Host)
			g.uses = append(g.uses, c.Uses...)
			for _, o := range c.Uses {
				if _, seen := g.others[o.Router]; o.Router != u.Router && !seen {
					g.others[o.Router] = c.Host
				}
			}
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].router != keys[j].router {
			return keys[i].router < keys[j].router
		}
		return keys[i].ep < keys[j].ep
	})
	var ds Diagnostics
	for _, k := range keys {
		rr, ok := byName[k.router]
		if !ok {
			continue
		}
		g := groups[k]
		d := rr.diag(CodeTLSConflict, rr.matchField(), rr.hostPos(g.hosts[0]),
			fmt.Sprintf("routes serving host %s on entry point %s ask for different TLS options (%s): Traefik serves this one there with the default options, as router %s",
				strings.Join(sortedUnique(g.hosts), ", "), k.ep, describeOptions(g.uses), tls.ConflictedRouterName(k.ep, k.router)),
			"give every route serving the host on this entry point the same tls.options, or serve them on different entry points")
		for _, o := range sortedKeys(g.others) {
			if orr, ok := byName[o]; ok {
				d.Related = append(d.Related, Related{Pos: orr.hostPos(g.others[o]),
					Message: "router " + o + " serves the same host with options " + optionsOf(g.uses, o)})
			}
		}
		ds = append(ds, d)
	}
	return ds
}

// optionsOf returns the options router asks for among uses.
func optionsOf(uses []tls.OptionsUse, router string) string {
	for _, u := range uses {
		if u.Router == router {
			return u.Options
		}
	}
	return tls.DefaultOptions
}

// sortedUnique returns the distinct values of s, sorted, leaving s as is.
func sortedUnique(s []string) []string {
	out := append([]string(nil), s...)
	sort.Strings(out)
	return uniqueSorted(out)
}

// describeOptions lists the options asked for, each once, sorted; the
// routers asking are in the diagnostic's related positions.
func describeOptions(uses []tls.OptionsUse) string {
	var opts []string
	for _, u := range uses {
		opts = append(opts, u.Options)
	}
	sort.Strings(opts)
	return strings.Join(uniqueSorted(opts), ", ")
}

// uniqueSorted removes adjacent duplicates of a sorted slice.
func uniqueSorted(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}
