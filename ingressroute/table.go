package ingressroute

import (
	"github.com/irkit/irkit/tls"
	"net/http"
)

// Table is the routing table Traefik builds from a set of manifests: its
// routers, services, middlewares, servers transports and TLS
// configuration, named as Traefik names them. Every list is sorted by
// name.
type Table struct {
	// Routers are the HTTP routers.
	Routers []*Router `json:"routers"`
	// Services are the HTTP services.
	Services []*Service `json:"services"`
	// Middlewares are the middlewares.
	Middlewares []*MiddlewareEntry `json:"middlewares,omitempty"`
	// ServersTransports are the servers transports, under the JSON key
	// "serversTransports".
	ServersTransports []*ServersTransportEntry `json:"serversTransports,omitempty"`
	// DefaultEntryPoints are the entry points that serve routers without
	// entry points (Options.DefaultEntryPoints); nil means every entry
	// point.
	DefaultEntryPoints []string `json:"defaultEntryPoints,omitempty"`
	// TLS holds certificates (from Secrets, ordered by namespace/name),
	// options (from TLSOptions) and stores (from TLSStores).
	TLS DynamicTLS `json:"tls"`
	// tlsResolution is the TLS arbitration Compile made for the routers,
	// reused by Analyze; nil for a table built otherwise.
	tlsResolution *tls.Resolution
}

// Origin says where a table entry comes from.
type Origin struct {
	// Object is the object the entry was built from.
	Object ObjectRef `json:"object"`
	// Field is the field path inside the object ("spec.routes[1]").
	Field string `json:"field,omitempty"`
	// Pos is where Field is in the input; zero when unknown.
	Pos Position `json:"pos,omitzero"`
}

// Matcher is a parsed router rule that can tell whether it matches a
// request. The rule package's *rule.Rule is one.
type Matcher interface {
	Match(r *http.Request) bool
}

// Router is one HTTP router.
type Router struct {
	// Name is Traefik's name for the router, without provider suffix.
	Name string `json:"name"`
	// EntryPoints the router serves on; empty means Traefik's default
	// entry points.
	EntryPoints []string `json:"entryPoints,omitempty"`
	// Rule is the route's match, as written.
	Rule string `json:"rule"`
	// Matcher is the parsed rule, nil when it could not be parsed or no
	// rule parser is installed.
	Matcher Matcher `json:"-"`
	// Priority is the effective priority: the route's, or len(Rule) in
	// bytes when the route sets none (Explicit false).
	Priority int64 `json:"priority"`
	// Explicit says the priority was written in the route.
	Explicit bool `json:"explicitPriority,omitempty"`
	// Syntax is the rule syntax ("v3" or "v2"); empty means the default.
	Syntax string `json:"syntax,omitempty"`
	// Middlewares are resolved middleware names, in order.
	Middlewares []string `json:"middlewares,omitempty"`
	// Service is the name of the service the router sends to; empty for a
	// parent router.
	Service string `json:"service,omitempty"`
	// TLS is set when the router terminates TLS.
	TLS *RouterTLS `json:"tls,omitempty"`
	// Observability is the route's observability switches, if any.
	Observability *DynObservability `json:"observability,omitempty"`
	// ParentRefs are the names of the parent routers.
	ParentRefs []string `json:"parentRefs,omitempty"`
	// Origin is the route this router was built from.
	Origin Origin `json:"origin"`
}

// RouterTLS is a router's TLS configuration.
type RouterTLS struct {
	// CertResolver is the name of the certificate resolver (ACME), if any.
	CertResolver string `json:"certResolver,omitempty"`
	// Domains are the domains certificates are requested for; empty means
	// those of the rule's Host matchers.
	Domains []DynDomain `json:"domains,omitempty"`
	// Options is the TLS options reference as Traefik names it
	// ("default-foo", "foo@file"); empty means the default options.
	Options string `json:"options,omitempty"`
	// ResolvedOptions are the options the reference names, when they are
	// in the table; nil otherwise.
	ResolvedOptions *DynTLSOptions `json:"resolvedOptions,omitempty"`
	// ConflictedOn lists the entry points, sorted, where one of the
	// router's hosts is served by routers asking for different TLS
	// options: there Traefik serves the router with the default options,
	// under the name tls.ConflictedRouterName(entryPoint, Name).
	ConflictedOn []string `json:"conflictedOn,omitempty"`
}

// Service is one HTTP service. Config is its Traefik configuration;
// exactly one of its balancers is set.
type Service struct {
	// Name is Traefik's name for the service, without provider suffix.
	Name string `json:"name"`
	// Config is the service's dynamic configuration.
	Config *DynService `json:"config"`
	// CookieName is the effective sticky cookie name when the service is
	// sticky: the configured one, or the one Traefik generates at run time
	// when the configuration leaves it empty.
	CookieName string `json:"cookieName,omitempty"`
	// ResolvedAtRuntime says the servers are unknown: the input is partial
	// and holds no EndpointSlice for the Kubernetes Service.
	ResolvedAtRuntime bool `json:"resolvedAtRuntime,omitempty"`
	// Origin is the object and field the service was built from.
	Origin Origin `json:"origin"`
}

// MiddlewareEntry is one Middleware; its body is Traefik's Middleware
// spec, not converted.
type MiddlewareEntry struct {
	// Name is Traefik's name for the middleware, without provider suffix.
	Name string `json:"name"`
	// Spec is the Middleware spec as JSON; it is not encoded.
	Spec []byte `json:"-"`
	// Origin is the Middleware the entry was built from.
	Origin Origin `json:"origin"`
}

// ServersTransportEntry is one servers transport.
type ServersTransportEntry struct {
	// Name is Traefik's name for the servers transport, without provider
	// suffix.
	Name string `json:"name"`
	// Config is the servers transport's dynamic configuration.
	Config *DynServersTransport `json:"config"`
	// Origin is the ServersTransport the entry was built from.
	Origin Origin `json:"origin"`
}

// Router returns the router named name, or nil.
func (t *Table) Router(name string) *Router {
	for _, r := range t.Routers {
		if r.Name == name {
			return r
		}
	}
	return nil
}

// Service returns the service named name, or nil.
func (t *Table) Service(name string) *Service {
	for _, s := range t.Services {
		if s.Name == name {
			return s
		}
	}
	return nil
}
