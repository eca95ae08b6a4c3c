package tls

import (
	"sort"
	"strings"
)

// frontingRisks lists the pairs of hosts that routers sharing a
// certificate serve on one entry point with different effective TLS
// options. A client holding a connection for one of them (browsers reuse
// HTTP/2 connections for every host the certificate covers) gets 421
// Misdirected Request for the other, because Traefik's SNI check compares
// the options bound to the server name with those bound to the Host
// header. Routes without a Certificate are left out: nothing says a client
// could reuse their connections.
func frontingRisks(routes []Route, known []string, res *Resolution) []Fronting {
	type certKey struct{ ep, cert string }
	// hosts[ep,cert][host] = routers
	hosts := map[certKey]map[string][]string{}
	for _, r := range routes {
		if r.Certificate == "" {
			continue
		}
		for _, ep := range routeEntryPoints(r, known) {
			k := certKey{ep, r.Certificate}
			if hosts[k] == nil {
				hosts[k] = map[string][]string{}
			}
			for _, h := range r.Hosts {
				h = strings.ToLower(h)
				hosts[k][h] = append(hosts[k][h], r.Router)
			}
		}
	}
	keys := make([]certKey, 0, len(hosts))
	for k := range hosts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].ep != keys[j].ep {
			return keys[i].ep < keys[j].ep
		}
		return keys[i].cert < keys[j].cert
	})

	type pairKey struct{ ep, a, b string }
	seen := map[pairKey]bool{}
	var out []Fronting
	for _, k := range keys {
		names := make([]string, 0, len(hosts[k]))
		for h := range hosts[k] {
			names = append(names, h)
		}
		sort.Strings(names)
		for i, a := range names {
			for _, b := range names[i+1:] {
				oa, ob := res.OptionsFor(k.ep, a), res.OptionsFor(k.ep, b)
				pk := pairKey{k.ep, a, b}
				if oa == ob || seen[pk] {
					continue
				}
				seen[pk] = true
				out = append(out, Fronting{
					EntryPoint:    k.ep,
					SNIHost:       a,
					SNIOptions:    oa,
					SNIRouter:     sortUnique(hosts[k][a])[0],
					HeaderHost:    b,
					HeaderOptions: ob,
					HeaderRouter:  sortUnique(hosts[k][b])[0],
					Certificate:   k.cert,
				})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.EntryPoint != b.EntryPoint {
			return a.EntryPoint < b.EntryPoint
		}
		if a.SNIHost != b.SNIHost {
			return a.SNIHost < b.SNIHost
		}
		return a.HeaderHost < b.HeaderHost
	})
	return out
}
