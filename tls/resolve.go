package tls

import (
	"sort"
	"strings"
)

// DefaultOptions is the name of Traefik's default TLS options: those of a
// router that names none, and the fallback of a conflict.
const DefaultOptions = "default"

// AllEntryPoints stands for "every entry point" in Route.EntryPoints when
// the entry points a router without entryPoints serves on are unknown.
const AllEntryPoints = "*"

// Route is what TLS arbitration needs to know of one HTTPS router (a
// router with a tls block): its name, where it serves, the TLS options it
// asks for and the hosts of its rule.
type Route struct {
	// Router is the router's name, as Traefik names it.
	Router string
	// EntryPoints are the entry points the router serves on. Empty, or
	// holding AllEntryPoints, means every entry point: the router then
	// takes part in the arbitration of each entry point named by another
	// route (or of AllEntryPoints alone when no route names one).
	EntryPoints []string
	// Options is the qualified name of the TLS options the router asks
	// for ("default", "ns-name@kubernetescrd", "name@file"); empty means
	// DefaultOptions.
	Options string
	// Hosts are the domains of the router's rule, lower case, as
	// rule.Domains returns them: the arguments of its Host matchers. Empty
	// when the rule has no Host matcher.
	Hosts []string
	// Certificate optionally identifies the certificate the router is
	// served with (a Secret, a resolver and its domains). Routers that
	// share one are the candidates for HTTP/2 connection reuse across
	// hosts, which FrontingRisks looks at. Empty means unknown.
	Certificate string
}

// Resolution is the outcome of Traefik's TLS options arbitration over a set
// of routes, per entry point and host. Every list is sorted.
type Resolution struct {
	// Hosts are the TLS options bound to each host on each entry point:
	// what a TLS handshake whose SNI names the host gets.
	Hosts []HostOptions
	// Conflicts are the hosts that, on one entry point, are served by
	// routers asking for different TLS options.
	Conflicts []Conflict
	// Unbound are the routes that ask for TLS options other than the
	// default but whose rule has no Host matcher: the options cannot be
	// bound to any SNI, and the handshake uses whatever options the SNI
	// selects.
	Unbound []Route
	// Fronting are pairs of hosts on one entry point whose TLS options
	// differ, so that a request whose Host header names one on a
	// connection opened (by SNI) for the other is refused with 421
	// Misdirected Request.
	Fronting []Fronting
}

// HostOptions is the TLS options Traefik binds to a host on an entry
// point.
type HostOptions struct {
	// EntryPoint is the entry point name, or AllEntryPoints.
	EntryPoint string
	// Host is the host, lower case.
	Host string
	// Options is the effective options: the one every router of the host
	// asks for, or DefaultOptions after a conflict.
	Options string
	// Routers are the routers serving the host on the entry point, sorted.
	Routers []string
	// Conflicted is set when the routers asked for different options.
	Conflicted bool
}

// Conflict is a host served on one entry point by routers asking for
// different TLS options. Traefik logs "found different TLS options for
// routers on the same host", serves the host with the default options and
// replaces each router involved, on that entry point, by a copy named
// ConflictedRouterName(EntryPoint, router) that uses the default options.
type Conflict struct {
	// EntryPoint is the entry point name, or AllEntryPoints.
	EntryPoint string
	// Host is the host, lower case.
	Host string
	// Uses lists, per options asked for, the routers asking for them,
	// sorted by options then router.
	Uses []OptionsUse
}

// Routers returns the names of the routers involved in the conflict,
// sorted, each once.
func (c Conflict) Routers() []string {
	var out []string
	for _, u := range c.Uses {
		out = append(out, u.Router)
	}
	return sortUnique(out)
}

// OptionsUse is a router asking for TLS options.
type OptionsUse struct {
	// Options is the qualified name of the TLS options asked for.
	Options string
	// Router is the name of the router asking for them.
	Router string
}

// Fronting is a pair of hosts on one entry point with different effective
// TLS options: a client that opened a connection for SNIHost and sends a
// request for HeaderHost on it (HTTP/2 connection reuse, or deliberate
// domain fronting) gets 421 Misdirected Request. The hosts are ordered so
// that SNIHost < HeaderHost; the refusal happens both ways.
type Fronting struct {
	// EntryPoint is the entry point name, or AllEntryPoints.
	EntryPoint string
	// SNIHost is the host the connection is opened for (by SNI).
	SNIHost string
	// SNIOptions are the options bound to SNIHost.
	SNIOptions string
	// SNIRouter is the first router (by name) serving SNIHost.
	SNIRouter string
	// HeaderHost is the host the request's Host header names.
	HeaderHost string
	// HeaderOptions are the options bound to HeaderHost.
	HeaderOptions string
	// HeaderRouter is the first router (by name) serving HeaderHost.
	HeaderRouter string
	// Certificate is the certificate the two routers share, if known.
	Certificate string
}

// ConflictedRouterName returns the name Traefik gives the copy of a router
// involved in a TLS options conflict on an entry point, which serves that
// entry point with the default options: "<entrypoint>-conflicted-<router>".
func ConflictedRouterName(entryPoint, router string) string {
	return entryPoint + "-conflicted-" + router
}

// Resolve arbitrates TLS options as Traefik v3.7 does for HTTPS routers:
// per entry point (routers of different entry points never conflict), each
// host of a router's Host matchers is bound to the options the router asks
// for; a host bound to two different options on one entry point is a
// conflict and falls back to the default options. Routes asking for
// non-default options without a Host matcher are listed as Unbound. It
// never fails; the input is not modified.
func Resolve(routes []Route) *Resolution {
	res := &Resolution{}
	known := knownEntryPoints(routes)

	type hostKey struct{ ep, host string }
	// uses[host][options] = routers
	uses := map[hostKey]map[string][]string{}
	for _, r := range routes {
		opts := effective(r.Options)
		if len(r.Hosts) == 0 {
			if opts != DefaultOptions {
				res.Unbound = append(res.Unbound, r)
			}
			continue
		}
		for _, ep := range routeEntryPoints(r, known) {
			for _, h := range r.Hosts {
				k := hostKey{ep, strings.ToLower(h)}
				if uses[k] == nil {
					uses[k] = map[string][]string{}
				}
				uses[k][opts] = append(uses[k][opts], r.Router)
			}
		}
	}

	for k, byOpts := range uses {
		ho := HostOptions{EntryPoint: k.ep, Host: k.host}
		var all []string
		for opts, routers := range byOpts {
			ho.Options = opts
			all = append(all, routers...)
		}
		ho.Routers = sortUnique(all)
		if len(byOpts) > 1 {
			ho.Options, ho.Conflicted = DefaultOptions, true
			c := Conflict{EntryPoint: k.ep, Host: k.host}
			for opts, routers := range byOpts {
				for _, r := range sortUnique(routers) {
					c.Uses = append(c.Uses, OptionsUse{Options: opts, Router: r})
				}
			}
			sort.Slice(c.Uses, func(i, j int) bool {
				if c.Uses[i].Options != c.Uses[j].Options {
					return c.Uses[i].Options < c.Uses[j].Options
				}
				return c.Uses[i].Router < c.Uses[j].Router
			})
			res.Conflicts = append(res.Conflicts, c)
		}
		res.Hosts = append(res.Hosts, ho)
	}
	sort.Slice(res.Hosts, func(i, j int) bool {
		a, b := res.Hosts[i], res.Hosts[j]
		if a.EntryPoint != b.EntryPoint {
			return a.EntryPoint < b.EntryPoint
		}
		return a.Host < b.Host
	})
	sort.Slice(res.Conflicts, func(i, j int) bool {
		a, b := res.Conflicts[i], res.Conflicts[j]
		if a.EntryPoint != b.EntryPoint {
			return a.EntryPoint < b.EntryPoint
		}
		return a.Host < b.Host
	})
	sort.SliceStable(res.Unbound, func(i, j int) bool { return res.Unbound[i].Router < res.Unbound[j].Router })
	res.Fronting = frontingRisks(routes, known, res)
	return res
}

// OptionsFor returns the TLS options a handshake for host on entry point
// ep gets: the options bound to the host, or DefaultOptions. Like Traefik's
// SNI check it ignores case and a final dot.
func (res *Resolution) OptionsFor(ep, host string) string {
	if res == nil {
		return DefaultOptions
	}
	host = strings.TrimSuffix(strings.ToLower(strings.TrimSpace(host)), ".")
	i := sort.Search(len(res.Hosts), func(i int) bool {
		h := res.Hosts[i]
		if h.EntryPoint != ep {
			return h.EntryPoint >= ep
		}
		return h.Host >= host
	})
	if i < len(res.Hosts) && res.Hosts[i].EntryPoint == ep && res.Hosts[i].Host == host {
		return res.Hosts[i].Options
	}
	return DefaultOptions
}

// Misdirected reports whether Traefik answers 421 Misdirected Request to a
// request on entry point ep whose TLS server name is sni and whose Host
// header is host: the two differ and their TLS options differ.
func (res *Resolution) Misdirected(ep, sni, host string) bool {
	if strings.EqualFold(strings.TrimSpace(sni), strings.TrimSpace(host)) {
		return false
	}
	return res.OptionsFor(ep, sni) != res.OptionsFor(ep, host)
}

// effective returns the options a reference stands for.
func effective(opts string) string {
	if opts == "" {
		return DefaultOptions
	}
	return opts
}

// knownEntryPoints returns the entry points named by the routes, sorted;
// AllEntryPoints alone when none is named.
func knownEntryPoints(routes []Route) []string {
	var eps []string
	for _, r := range routes {
		for _, ep := range r.EntryPoints {
			if ep != AllEntryPoints && ep != "" {
				eps = append(eps, ep)
			}
		}
	}
	eps = sortUnique(eps)
	if len(eps) == 0 {
		return []string{AllEntryPoints}
	}
	return eps
}

// routeEntryPoints returns the entry points r serves on, expanding "every
// entry point" to the known ones.
func routeEntryPoints(r Route, known []string) []string {
	var eps []string
	for _, ep := range r.EntryPoints {
		if ep == AllEntryPoints || ep == "" {
			return known
		}
		eps = append(eps, ep)
	}
	if len(eps) == 0 {
		return known
	}
	return sortUnique(eps)
}

// sortUnique sorts s and removes duplicates, in place.
func sortUnique(s []string) []string {
	sort.Strings(s)
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}
