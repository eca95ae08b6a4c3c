package ingressroute

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"
)

// Dynamic is Traefik's dynamic configuration as produced by its Kubernetes
// CRD provider, in the file provider's shape: {"http": {...}, "tls": {...}}.
// Encoded with encoding/json it is byte-for-byte the JSON Traefik writes
// for it: empty values omitted, pointer values kept, durations as Go
// duration strings ("100ms").
type Dynamic struct {
	// HTTP is the http section: routers, services, middlewares and servers
	// transports.
	HTTP *DynamicHTTP `json:"http,omitempty"`
	// TLS is the tls section: certificates, TLS options and TLS stores.
	TLS *DynamicTLS `json:"tls,omitempty"`
}

// DynamicHTTP is the http section of the dynamic configuration, every map
// keyed by Traefik's generated names.
type DynamicHTTP struct {
	// Routers are the HTTP routers.
	Routers map[string]*DynRouter `json:"routers,omitempty"`
	// Services are the HTTP services.
	Services map[string]*DynService `json:"services,omitempty"`
	// Middlewares are the middleware configurations, kept as raw JSON.
	Middlewares map[string]json.RawMessage `json:"middlewares,omitempty"`
	// ServersTransports are the servers transports, under the JSON key
	// "serversTransports".
	ServersTransports map[string]*DynServersTransport `json:"serversTransports,omitempty"`
}

// DynRouter is an HTTP router.
type DynRouter struct {
	// EntryPoints are the names of the entry points the router listens on.
	// Empty means the default entry points.
	EntryPoints []string `json:"entryPoints,omitempty"`
	// Middlewares are the names of the middlewares applied, in order.
	Middlewares []string `json:"middlewares,omitempty"`
	// Service is the name of the service requests are forwarded to.
	Service string `json:"service,omitempty"`
	// Rule is the matching rule, e.g. Host(`example.com`).
	Rule string `json:"rule,omitempty"`
	// RuleSyntax is the rule syntax, "v3" or "v2". Empty means Traefik's
	// defaultRuleSyntax (v3 unless configured).
	RuleSyntax string `json:"ruleSyntax,omitempty"`
	// Priority orders routers; a higher value is tried first. 0 means the
	// default: the length of the rule.
	Priority int64 `json:"priority,omitempty"`
	// TLS, when set, makes the router serve HTTPS only.
	TLS *DynRouterTLS `json:"tls,omitempty"`
	// Observability overrides the access log, metrics and tracing switches.
	Observability *DynObservability `json:"observability,omitempty"`
	// ParentRefs are the names of the parent routers of a child router.
	ParentRefs []string `json:"parentRefs,omitempty"`
}

// DynRouterTLS is the TLS section of a router.
type DynRouterTLS struct {
	// Options is the name of the TLS options used. Empty means "default".
	Options string `json:"options,omitempty"`
	// CertResolver is the name of the certificate resolver (ACME) used to
	// obtain certificates.
	CertResolver string `json:"certResolver,omitempty"`
	// Domains are the domains certificates are requested for. Empty means the
	// domains are taken from the rule's Host matchers.
	Domains []DynDomain `json:"domains,omitempty"`
}

// DynDomain is a certificate domain: a main name and its alternative names.
type DynDomain struct {
	// Main is the main domain name.
	Main string `json:"main,omitempty"`
	// SANs are the subject alternative names, under the JSON key "sans".
	SANs []string `json:"sans,omitempty"`
}

// DynObservability is a router's observability switches.
type DynObservability struct {
	// AccessLogs turns the router's access logs on or off. Nil inherits the
	// entry points' setting (true by default).
	AccessLogs *bool `json:"accessLogs,omitempty"`
	// Metrics turns the router's metrics on or off. Nil inherits the entry
	// points' setting (true by default).
	Metrics *bool `json:"metrics,omitempty"`
	// Tracing turns the router's tracing on or off. Nil inherits the entry
	// points' setting (true by default).
	Tracing *bool `json:"tracing,omitempty"`
	// TraceVerbosity is the tracing detail, "minimal" or "detailed". Empty
	// inherits the entry points' setting (minimal by default).
	TraceVerbosity string `json:"traceVerbosity,omitempty"`
}

// DynService is an HTTP service: exactly one of its fields is set.
type DynService struct {
	// LoadBalancer balances requests over servers.
	LoadBalancer *DynLoadBalancer `json:"loadBalancer,omitempty"`
	// HighestRandomWeight balances requests over services by highest random
	// weight, under the JSON key "highestRandomWeight".
	HighestRandomWeight *DynHRW `json:"highestRandomWeight,omitempty"`
	// Weighted is a weighted round robin over services.
	Weighted *DynWeighted `json:"weighted,omitempty"`
	// Mirroring forwards requests to a service and copies them to mirrors.
	Mirroring *DynMirroring `json:"mirroring,omitempty"`
	// Failover forwards requests to a fallback while the main service fails.
	Failover *DynFailover `json:"failover,omitempty"`
	// Middlewares are applied in front of the service (TraefikService
	// middlewares).
	Middlewares []string `json:"middlewares,omitempty"`
}

// DynLoadBalancer is a load balancer over servers.
type DynLoadBalancer struct {
	// Sticky enables sticky sessions. Nil means none.
	Sticky *DynSticky `json:"sticky,omitempty"`
	// Servers are the backend servers.
	Servers []DynServer `json:"servers,omitempty"`
	// Strategy is the balancing strategy: "wrr" (the default), "p2c",
	// "hrw" or "leasttime".
	Strategy string `json:"strategy,omitempty"`
	// HealthCheck is the active health check. Nil means none.
	HealthCheck *DynHealthCheck `json:"healthCheck,omitempty"`
	// PassiveHealthCheck is the passive health check. Nil means none.
	PassiveHealthCheck *DynPassiveHealthCheck `json:"passiveHealthCheck,omitempty"`
	// PassHostHeader forwards the client's Host header to the servers. Nil
	// means the default, true.
	PassHostHeader *bool `json:"passHostHeader,omitempty"`
	// ResponseForwarding says how responses are flushed to the client
	// (default flush interval "100ms").
	ResponseForwarding *DynResponseForwarding `json:"responseForwarding,omitempty"`
	// ServersTransport is the name of the servers transport used to reach
	// the servers. Empty means the default transport.
	ServersTransport string `json:"serversTransport,omitempty"`
}

// DynServer is one backend server.
type DynServer struct {
	// URL is the server address, e.g. "http://10.0.0.1:8080".
	URL string `json:"url,omitempty"`
	// Weight is the server's weight in the balancing. Nil means the default,
	// 1.
	Weight *int `json:"weight,omitempty"`
	// PreservePath keeps the path of the server URL in forwarded requests.
	// Default false.
	PreservePath bool `json:"preservePath,omitempty"`
	// Fenced servers (terminating endpoints) only receive sticky traffic.
	Fenced bool `json:"fenced,omitempty"`
}

// DynSticky is session affinity.
type DynSticky struct {
	// Cookie is the sticky cookie.
	Cookie *DynCookie `json:"cookie,omitempty"`
}

// DynCookie is the sticky cookie. An empty Name is generated when Traefik
// runs (see Service.CookieName in the table).
type DynCookie struct {
	// Name is the cookie name. Empty means generated by Traefik.
	Name string `json:"name,omitempty"`
	// Secure sets the cookie's Secure attribute. Default false.
	Secure bool `json:"secure,omitempty"`
	// HTTPOnly sets the cookie's HttpOnly attribute, under the JSON key
	// "httpOnly". Default false.
	HTTPOnly bool `json:"httpOnly,omitempty"`
	// SameSite is the SameSite attribute: "none", "lax", "strict", or empty
	// for no attribute.
	SameSite string `json:"sameSite,omitempty"`
	// MaxAge is the cookie lifetime in seconds: negative expires it at once,
	// 0 (the default) sets no Max-Age.
	MaxAge int `json:"maxAge,omitempty"`
	// Path is the cookie's Path attribute. Default "/".
	Path *string `json:"path,omitempty"`
	// Domain is the cookie's Domain attribute. Empty means host only.
	Domain string `json:"domain,omitempty"`
}

// DynHealthCheck is an active health check of a load balancer's servers.
type DynHealthCheck struct {
	// Scheme replaces the server URL's scheme in health-check requests. Empty
	// keeps the server's scheme.
	Scheme string `json:"scheme,omitempty"`
	// Mode is the health-check protocol, "http" or "grpc". Empty means http.
	Mode string `json:"mode,omitempty"`
	// Path is the URL path of health-check requests.
	Path string `json:"path,omitempty"`
	// Method is the HTTP method of health-check requests. Empty means GET.
	Method string `json:"method,omitempty"`
	// Status is the expected status code. 0 accepts any 2xx or 3xx status.
	Status int `json:"status,omitempty"`
	// Port replaces the server URL's port in health-check requests. 0 keeps
	// the server's port.
	Port int `json:"port,omitempty"`
	// Interval is the time between checks of a healthy server, as a Go
	// duration string. Default "30s".
	Interval Duration `json:"interval,omitempty"`
	// UnhealthyInterval is the time between checks of an unhealthy server, as
	// a Go duration string. Nil means Interval.
	UnhealthyInterval *Duration `json:"unhealthyInterval,omitempty"`
	// Timeout is how long a health-check response is awaited before the
	// server is deemed unhealthy, as a Go duration string. Default "5s".
	Timeout Duration `json:"timeout,omitempty"`
	// Hostname is the Host header of health-check requests. Empty means the
	// server's host.
	Hostname string `json:"hostname,omitempty"`
	// FollowRedirects tells whether health checks follow redirects. Nil means
	// the default, true.
	FollowRedirects *bool `json:"followRedirects,omitempty"`
	// Headers are extra headers sent with health-check requests.
	Headers map[string]string `json:"headers,omitempty"`
}

// DynPassiveHealthCheck is a passive health check.
type DynPassiveHealthCheck struct {
	// FailureWindow is the window in which failures are counted, and for how
	// long a failing server is left out, as a Go duration string. Default
	// "10s".
	FailureWindow Duration `json:"failureWindow,omitempty"`
	// MaxFailedAttempts is the number of failures within FailureWindow that
	// mark a server unhealthy. Default 1.
	MaxFailedAttempts int `json:"maxFailedAttempts,omitempty"`
}

// DynResponseForwarding says how responses are forwarded.
type DynResponseForwarding struct {
	// FlushInterval is the interval between flushes of the response body to
	// the client, as a Go duration string; negative flushes after every
	// write. Default "100ms".
	FlushInterval Duration `json:"flushInterval,omitempty"`
}

// DynWeighted is a weighted round robin over services.
type DynWeighted struct {
	// Services are the weighted services.
	Services []DynWeightedService `json:"services,omitempty"`
	// Sticky enables sticky sessions between the services. Nil means none.
	Sticky *DynSticky `json:"sticky,omitempty"`
	// HealthCheck, when non-nil (encoded {}), makes the service follow its
	// children's health.
	HealthCheck *struct{} `json:"healthCheck,omitempty"`
}

// DynWeightedService is one service of a weighted round robin or of a
// highest random weight balancer.
type DynWeightedService struct {
	// Name is the name of the service.
	Name string `json:"name,omitempty"`
	// Weight is the service's weight. Nil means the default, 1.
	Weight *int `json:"weight,omitempty"`
}

// DynHRW is a highest random weight balancer.
type DynHRW struct {
	// Services are the weighted services.
	Services []DynWeightedService `json:"services,omitempty"`
	// HealthCheck, when non-nil (encoded {}), makes the service follow its
	// children's health.
	HealthCheck *struct{} `json:"healthCheck,omitempty"`
}

// DynMirroring sends a copy of the traffic to mirrors.
type DynMirroring struct {
	// Service is the name of the main service, whose response is returned.
	Service string `json:"service,omitempty"`
	// MirrorBody tells whether request bodies are mirrored. Nil means the
	// default, true.
	MirrorBody *bool `json:"mirrorBody,omitempty"`
	// MaxBodySize is the largest body, in bytes, of a mirrored request;
	// larger requests are not mirrored. Nil means the default, -1 (no limit).
	MaxBodySize *int64 `json:"maxBodySize,omitempty"`
	// Mirrors are the services requests are copied to.
	Mirrors []DynMirrorService `json:"mirrors,omitempty"`
	// HealthCheck, when non-nil (encoded {}), makes the service follow its
	// children's health.
	HealthCheck *struct{} `json:"healthCheck,omitempty"`
}

// DynMirrorService is one mirror.
type DynMirrorService struct {
	// Name is the name of the mirror service.
	Name string `json:"name,omitempty"`
	// Percent is the share of requests copied to the mirror, 0 to 100.
	Percent int `json:"percent,omitempty"`
}

// DynFailover is a failover between a service and its fallback.
type DynFailover struct {
	// Service is the name of the main service.
	Service string `json:"service,omitempty"`
	// Fallback is the name of the service used while the main one is
	// unhealthy.
	Fallback string `json:"fallback,omitempty"`
	// HealthCheck, when non-nil (encoded {}), makes the service follow its
	// children's health.
	HealthCheck *struct{} `json:"healthCheck,omitempty"`
	// Errors, when set, also fails over on given response status codes.
	Errors *DynFailoverError `json:"errors,omitempty"`
}

// DynFailoverError says which responses trigger a failover.
type DynFailoverError struct {
	// Status lists status codes and ranges, e.g. "500-504".
	Status []string `json:"status,omitempty"`
	// MaxRequestBodyBytes is the largest request body, in bytes, buffered to
	// retry on the fallback. Nil means the default, -1 (no limit).
	MaxRequestBodyBytes *int64 `json:"maxRequestBodyBytes,omitempty"`
}

// DynServersTransport configures how Traefik talks to backend servers.
type DynServersTransport struct {
	// ServerName is the TLS server name (SNI) sent to the servers.
	ServerName string `json:"serverName,omitempty"`
	// InsecureSkipVerify disables verification of server certificates.
	// Default false.
	InsecureSkipVerify bool `json:"insecureSkipVerify,omitempty"`
	// RootCAs are the CA certificates, as PEM content, server certificates
	// are verified against, under the JSON key "rootCAs".
	RootCAs []string `json:"rootCAs,omitempty"`
	// Certificates are the client certificates presented for mutual TLS.
	Certificates []DynCertificate `json:"certificates,omitempty"`
	// MaxIdleConnsPerHost is the maximum number of idle keep-alive
	// connections per host; -1 disables keep-alive. 0 means Traefik's
	// default, 200.
	MaxIdleConnsPerHost int `json:"maxIdleConnsPerHost,omitempty"`
	// ForwardingTimeouts are the timeouts of requests to the servers.
	ForwardingTimeouts *DynForwardingTimeouts `json:"forwardingTimeouts,omitempty"`
	// DisableHTTP2 disables HTTP/2 towards the servers, under the JSON key
	// "disableHTTP2". Default false.
	DisableHTTP2 bool `json:"disableHTTP2,omitempty"`
	// PeerCertURI is the URI SAN server certificates must carry, under the
	// JSON key "peerCertURI".
	PeerCertURI string `json:"peerCertURI,omitempty"`
	// PeerCertSANs are SANs one of which server certificates must carry,
	// under the JSON key "peerCertSANs".
	PeerCertSANs []DynPeerCertSAN `json:"peerCertSANs,omitempty"`
	// Spiffe verifies the servers' SPIFFE identities. Nil means no SPIFFE.
	Spiffe *DynSpiffe `json:"spiffe,omitempty"`
	// CipherSuites are the cipher suites used with the servers, by Go name.
	// Empty means Go's defaults.
	CipherSuites []string `json:"cipherSuites,omitempty"`
	// MinVersion is the minimum TLS version used with the servers, e.g.
	// "VersionTLS12". Empty means Go's default.
	MinVersion string `json:"minVersion,omitempty"`
	// MaxVersion is the maximum TLS version used with the servers. Empty
	// means Go's default.
	MaxVersion string `json:"maxVersion,omitempty"`
}

// DynPeerCertSAN is a subject alternative name the server certificate must
// carry.
type DynPeerCertSAN struct {
	// Type is the SAN type, e.g. "DNSName" or "URI".
	Type string `json:"type,omitempty"`
	// Value is the expected SAN value.
	Value string `json:"value,omitempty"`
}

// DynForwardingTimeouts are a servers transport's timeouts.
type DynForwardingTimeouts struct {
	// DialTimeout bounds establishing a connection, as a Go duration string.
	// Default "30s".
	DialTimeout Duration `json:"dialTimeout,omitempty"`
	// ResponseHeaderTimeout bounds the wait for response headers once the
	// request is written, as a Go duration string. 0 (the default) means no
	// limit.
	ResponseHeaderTimeout Duration `json:"responseHeaderTimeout,omitempty"`
	// IdleConnTimeout is how long an idle keep-alive connection stays open,
	// as a Go duration string. Default "90s".
	IdleConnTimeout Duration `json:"idleConnTimeout,omitempty"`
	// ReadIdleTimeout is the HTTP/2 idle time after which a ping health
	// check is sent, as a Go duration string. 0 (the default) means none.
	ReadIdleTimeout Duration `json:"readIdleTimeout,omitempty"`
	// PingTimeout is how long an HTTP/2 ping may go unanswered before the
	// connection is closed, as a Go duration string. Default "15s".
	PingTimeout Duration `json:"pingTimeout,omitempty"`
}

// DynSpiffe is a servers transport's SPIFFE configuration.
type DynSpiffe struct {
	// IDs are the allowed SPIFFE IDs, under the JSON key "ids"; they take
	// precedence over TrustDomain.
	IDs []string `json:"ids,omitempty"`
	// TrustDomain is the allowed SPIFFE trust domain.
	TrustDomain string `json:"trustDomain,omitempty"`
}

// DynCertificate is a certificate and its key, as PEM content.
type DynCertificate struct {
	// CertFile is the certificate chain as PEM content (the JSON key
	// "certFile" notwithstanding).
	CertFile string `json:"certFile,omitempty"`
	// KeyFile is the private key as PEM content (the JSON key "keyFile"
	// notwithstanding).
	KeyFile string `json:"keyFile,omitempty"`
}

// DynamicTLS is the tls section of the dynamic configuration.
type DynamicTLS struct {
	// Certificates are the certificates and the stores holding them.
	Certificates []DynCertAndStores `json:"certificates,omitempty"`
	// Options are the TLS options, by name.
	Options map[string]*DynTLSOptions `json:"options,omitempty"`
	// Stores are the certificate stores, by name.
	Stores map[string]*DynTLSStore `json:"stores,omitempty"`
}

// DynCertAndStores is a certificate and the stores it belongs to.
type DynCertAndStores struct {
	// CertFile is the certificate chain as PEM content.
	CertFile string `json:"certFile,omitempty"`
	// KeyFile is the private key as PEM content.
	KeyFile string `json:"keyFile,omitempty"`
	// Stores are the names of the stores the certificate belongs to. Empty
	// means the default store.
	Stores []string `json:"stores,omitempty"`
}

// DynTLSOptions is a set of TLS options.
type DynTLSOptions struct {
	// MinVersion is the minimum TLS version, e.g. "VersionTLS12". Empty
	// means Go's default minimum, TLS 1.2.
	MinVersion string `json:"minVersion,omitempty"`
	// MaxVersion is the maximum TLS version. Empty means Go's default.
	MaxVersion string `json:"maxVersion,omitempty"`
	// CipherSuites are the cipher suites for TLS 1.2 and below, by Go name.
	// Empty means Go's defaults.
	CipherSuites []string `json:"cipherSuites,omitempty"`
	// CurvePreferences are the elliptic curves in order of preference. Empty
	// means Go's defaults.
	CurvePreferences []string `json:"curvePreferences,omitempty"`
	// ClientAuth is the client certificate policy. It is always encoded,
	// even when empty.
	ClientAuth DynClientAuth `json:"clientAuth"`
	// SniStrict refuses clients whose SNI matches no certificate, under the
	// JSON key "sniStrict". Default false.
	SniStrict bool `json:"sniStrict,omitempty"`
	// ALPNProtocols are the ALPN protocols offered, under the JSON key
	// "alpnProtocols". Default h2, http/1.1, acme-tls/1.
	ALPNProtocols []string `json:"alpnProtocols,omitempty"`
	// DisableSessionTickets disables TLS session tickets. Default false.
	DisableSessionTickets bool `json:"disableSessionTickets,omitempty"`
}

// DynClientAuth is client certificate authentication.
type DynClientAuth struct {
	// CAFiles are the CA certificates, as PEM content, client certificates
	// are verified against, under the JSON key "caFiles".
	CAFiles []string `json:"caFiles,omitempty"`
	// ClientAuthType is the Go tls.ClientAuthType name, e.g.
	// "RequireAndVerifyClientCert". Empty means NoClientCert.
	ClientAuthType string `json:"clientAuthType,omitempty"`
}

// DynTLSStore is a certificate store.
type DynTLSStore struct {
	// DefaultCertificate is served when no certificate matches the SNI. Nil
	// means a self-signed certificate generated by Traefik.
	DefaultCertificate *DynCertificate `json:"defaultCertificate,omitempty"`
	// DefaultGeneratedCert obtains the default certificate from a
	// certificate resolver instead.
	DefaultGeneratedCert *DynGeneratedCert `json:"defaultGeneratedCert,omitempty"`
}

// DynGeneratedCert is a store's default certificate obtained from a
// resolver.
type DynGeneratedCert struct {
	// Resolver is the name of the certificate resolver.
	Resolver string `json:"resolver,omitempty"`
	// Domain is the domain the certificate is requested for.
	Domain *DynDomain `json:"domain,omitempty"`
}

// Duration is a time.Duration encoded as a Go duration string ("100ms").
// It decodes from such a string or from a bare number of seconds, as
// Traefik does.
type Duration time.Duration

// String formats d like time.Duration.
func (d Duration) String() string { return time.Duration(d).String() }

// MarshalJSON encodes d as a duration string.
func (d Duration) MarshalJSON() ([]byte, error) {
	return json.Marshal(time.Duration(d).String())
}

// UnmarshalJSON decodes a duration string or a number of seconds.
func (d *Duration) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		var n float64
		if err := json.Unmarshal(b, &n); err != nil {
			return fmt.Errorf("duration: want a string or a number, got %s", b)
		}
		*d = Duration(n * float64(time.Second))
		return nil
	}
	v, err := ParseDuration(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// ParseDuration reads a duration as Traefik does: a bare integer is a
// number of seconds ("100" is 100s), anything else is a Go duration.
func ParseDuration(s string) (Duration, error) {
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return Duration(time.Duration(n) * time.Second), nil
	}
	v, err := time.ParseDuration(s)
	if err != nil {
		return 0, err
	}
	return Duration(v), nil
}
