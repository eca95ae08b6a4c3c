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
	HTTP *DynamicHTTP `json:"http,omitempty"`
	TLS  *DynamicTLS  `json:"tls,omitempty"`
}

// DynamicHTTP is the http section of the dynamic configuration, every map
// keyed by Traefik's generated names.
type DynamicHTTP struct {
	Routers           map[string]*DynRouter           `json:"routers,omitempty"`
	Services          map[string]*DynService          `json:"services,omitempty"`
	Middlewares       map[string]json.RawMessage      `json:"middlewares,omitempty"`
	ServersTransports map[string]*DynServersTransport `json:"serversTransports,omitempty"`
}

// DynRouter is an HTTP router.
type DynRouter struct {
	EntryPoints   []string          `json:"entryPoints,omitempty"`
	Middlewares   []string          `json:"middlewares,omitempty"`
	Service       string            `json:"service,omitempty"`
	Rule          string            `json:"rule,omitempty"`
	RuleSyntax    string            `json:"ruleSyntax,omitempty"`
	Priority      int64             `json:"priority,omitempty"`
	TLS           *DynRouterTLS     `json:"tls,omitempty"`
	Observability *DynObservability `json:"observability,omitempty"`
	ParentRefs    []string          `json:"parentRefs,omitempty"`
}

// DynRouterTLS is the TLS section of a router.
type DynRouterTLS struct {
	Options      string      `json:"options,omitempty"`
	CertResolver string      `json:"certResolver,omitempty"`
	Domains      []DynDomain `json:"domains,omitempty"`
}

// DynDomain is a certificate domain: a main name and its alternative names.
type DynDomain struct {
	Main string   `json:"main,omitempty"`
	SANs []string `json:"sans,omitempty"`
}

// DynObservability is a router's observability switches.
type DynObservability struct {
	AccessLogs     *bool  `json:"accessLogs,omitempty"`
	Metrics        *bool  `json:"metrics,omitempty"`
	Tracing        *bool  `json:"tracing,omitempty"`
	TraceVerbosity string `json:"traceVerbosity,omitempty"`
}

// DynService is an HTTP service: exactly one of its fields is set.
type DynService struct {
	LoadBalancer        *DynLoadBalancer `json:"loadBalancer,omitempty"`
	HighestRandomWeight *DynHRW          `json:"highestRandomWeight,omitempty"`
	Weighted            *DynWeighted     `json:"weighted,omitempty"`
	Mirroring           *DynMirroring    `json:"mirroring,omitempty"`
	Failover            *DynFailover     `json:"failover,omitempty"`
	// Middlewares are applied in front of the service (TraefikService
	// middlewares).
	Middlewares []string `json:"middlewares,omitempty"`
}

// DynLoadBalancer is a load balancer over servers.
type DynLoadBalancer struct {
	Sticky             *DynSticky             `json:"sticky,omitempty"`
	Servers            []DynServer            `json:"servers,omitempty"`
	Strategy           string                 `json:"strategy,omitempty"`
	HealthCheck        *DynHealthCheck        `json:"healthCheck,omitempty"`
	PassiveHealthCheck *DynPassiveHealthCheck `json:"passiveHealthCheck,omitempty"`
	PassHostHeader     *bool                  `json:"passHostHeader,omitempty"`
	ResponseForwarding *DynResponseForwarding `json:"responseForwarding,omitempty"`
	ServersTransport   string                 `json:"serversTransport,omitempty"`
}

// DynServer is one backend server.
type DynServer struct {
	URL          string `json:"url,omitempty"`
	Weight       *int   `json:"weight,omitempty"`
	PreservePath bool   `json:"preservePath,omitempty"`
	// Fenced servers (terminating endpoints) only receive sticky traffic.
	Fenced bool `json:"fenced,omitempty"`
}

// DynSticky is session affinity.
type DynSticky struct {
	Cookie *DynCookie `json:"cookie,omitempty"`
}

// DynCookie is the sticky cookie. An empty Name is generated when Traefik
// runs (see Service.CookieName in the table).
type DynCookie struct {
	Name     string  `json:"name,omitempty"`
	Secure   bool    `json:"secure,omitempty"`
	HTTPOnly bool    `json:"httpOnly,omitempty"`
	SameSite string  `json:"sameSite,omitempty"`
	MaxAge   int     `json:"maxAge,omitempty"`
	Path     *string `json:"path,omitempty"`
	Domain   string  `json:"domain,omitempty"`
}

// DynHealthCheck is an active health check of a load balancer's servers.
type DynHealthCheck struct {
	Scheme            string            `json:"scheme,omitempty"`
	Mode              string            `json:"mode,omitempty"`
	Path              string            `json:"path,omitempty"`
	Method            string            `json:"method,omitempty"`
	Status            int               `json:"status,omitempty"`
	Port              int               `json:"port,omitempty"`
	Interval          Duration          `json:"interval,omitempty"`
	UnhealthyInterval *Duration         `json:"unhealthyInterval,omitempty"`
	Timeout           Duration          `json:"timeout,omitempty"`
	Hostname          string            `json:"hostname,omitempty"`
	FollowRedirects   *bool             `json:"followRedirects,omitempty"`
	Headers           map[string]string `json:"headers,omitempty"`
}

// DynPassiveHealthCheck is a passive health check.
type DynPassiveHealthCheck struct {
	FailureWindow     Duration `json:"failureWindow,omitempty"`
	MaxFailedAttempts int      `json:"maxFailedAttempts,omitempty"`
}

// DynResponseForwarding says how responses are forwarded.
type DynResponseForwarding struct {
	FlushInterval Duration `json:"flushInterval,omitempty"`
}

// DynWeighted is a weighted round robin over services.
type DynWeighted struct {
	Services    []DynWeightedService `json:"services,omitempty"`
	Sticky      *DynSticky           `json:"sticky,omitempty"`
	HealthCheck *struct{}            `json:"healthCheck,omitempty"`
}

// DynWeightedService is one service of a weighted round robin or of a
// highest random weight balancer.
type DynWeightedService struct {
	Name   string `json:"name,omitempty"`
	Weight *int   `json:"weight,omitempty"`
}

// DynHRW is a highest random weight balancer.
type DynHRW struct {
	Services    []DynWeightedService `json:"services,omitempty"`
	HealthCheck *struct{}            `json:"healthCheck,omitempty"`
}

// DynMirroring sends a copy of the traffic to mirrors.
type DynMirroring struct {
	Service     string             `json:"service,omitempty"`
	MirrorBody  *bool              `json:"mirrorBody,omitempty"`
	MaxBodySize *int64             `json:"maxBodySize,omitempty"`
	Mirrors     []DynMirrorService `json:"mirrors,omitempty"`
	HealthCheck *struct{}          `json:"healthCheck,omitempty"`
}

// DynMirrorService is one mirror.
type DynMirrorService struct {
	Name    string `json:"name,omitempty"`
	Percent int    `json:"percent,omitempty"`
}

// DynFailover is a failover between a service and its fallback.
type DynFailover struct {
	Service     string            `json:"service,omitempty"`
	Fallback    string            `json:"fallback,omitempty"`
	HealthCheck *struct{}         `json:"healthCheck,omitempty"`
	Errors      *DynFailoverError `json:"errors,omitempty"`
}

// DynFailoverError says which responses trigger a failover.
type DynFailoverError struct {
	Status              []string `json:"status,omitempty"`
	MaxRequestBodyBytes *int64   `json:"maxRequestBodyBytes,omitempty"`
}

// DynServersTransport configures how Traefik talks to backend servers.
type DynServersTransport struct {
	ServerName          string                 `json:"serverName,omitempty"`
	InsecureSkipVerify  bool                   `json:"insecureSkipVerify,omitempty"`
	RootCAs             []string               `json:"rootCAs,omitempty"`
	Certificates        []DynCertificate       `json:"certificates,omitempty"`
	MaxIdleConnsPerHost int                    `json:"maxIdleConnsPerHost,omitempty"`
	ForwardingTimeouts  *DynForwardingTimeouts `json:"forwardingTimeouts,omitempty"`
	DisableHTTP2        bool                   `json:"disableHTTP2,omitempty"`
	PeerCertURI         string                 `json:"peerCertURI,omitempty"`
	PeerCertSANs        []DynPeerCertSAN       `json:"peerCertSANs,omitempty"`
	Spiffe              *DynSpiffe             `json:"spiffe,omitempty"`
	CipherSuites        []string               `json:"cipherSuites,omitempty"`
	MinVersion          string                 `json:"minVersion,omitempty"`
	MaxVersion          string                 `json:"maxVersion,omitempty"`
}

// DynPeerCertSAN is a subject alternative name the server certificate must
// carry.
type DynPeerCertSAN struct {
	Type  string `json:"type,omitempty"`
	Value string `json:"value,omitempty"`
}

// DynForwardingTimeouts are a servers transport's timeouts.
type DynForwardingTimeouts struct {
	DialTimeout           Duration `json:"dialTimeout,omitempty"`
	ResponseHeaderTimeout Duration `json:"responseHeaderTimeout,omitempty"`
	IdleConnTimeout       Duration `json:"idleConnTimeout,omitempty"`
	ReadIdleTimeout       Duration `json:"readIdleTimeout,omitempty"`
	PingTimeout           Duration `json:"pingTimeout,omitempty"`
}

// DynSpiffe is a servers transport's SPIFFE configuration.
type DynSpiffe struct {
	IDs         []string `json:"ids,omitempty"`
	TrustDomain string   `json:"trustDomain,omitempty"`
}

// DynCertificate is a certificate and its key, as PEM content.
type DynCertificate struct {
	CertFile string `json:"certFile,omitempty"`
	KeyFile  string `json:"keyFile,omitempty"`
}

// DynamicTLS is the tls section of the dynamic configuration.
type DynamicTLS struct {
	Certificates []DynCertAndStores        `json:"certificates,omitempty"`
	Options      map[string]*DynTLSOptions `json:"options,omitempty"`
	Stores       map[string]*DynTLSStore   `json:"stores,omitempty"`
}

// DynCertAndStores is a certificate and the stores it belongs to.
type DynCertAndStores struct {
	CertFile string   `json:"certFile,omitempty"`
	KeyFile  string   `json:"keyFile,omitempty"`
	Stores   []string `json:"stores,omitempty"`
}

// DynTLSOptions is a set of TLS options.
type DynTLSOptions struct {
	MinVersion            string        `json:"minVersion,omitempty"`
	MaxVersion            string        `json:"maxVersion,omitempty"`
	CipherSuites          []string      `json:"cipherSuites,omitempty"`
	CurvePreferences      []string      `json:"curvePreferences,omitempty"`
	ClientAuth            DynClientAuth `json:"clientAuth"`
	SniStrict             bool          `json:"sniStrict,omitempty"`
	ALPNProtocols         []string      `json:"alpnProtocols,omitempty"`
	DisableSessionTickets bool          `json:"disableSessionTickets,omitempty"`
}

// DynClientAuth is client certificate authentication.
type DynClientAuth struct {
	CAFiles        []string `json:"caFiles,omitempty"`
	ClientAuthType string   `json:"clientAuthType,omitempty"`
}

// DynTLSStore is a certificate store.
type DynTLSStore struct {
	DefaultCertificate   *DynCertificate   `json:"defaultCertificate,omitempty"`
	DefaultGeneratedCert *DynGeneratedCert `json:"defaultGeneratedCert,omitempty"`
}

// DynGeneratedCert is a store's default certificate obtained from a
// resolver.
type DynGeneratedCert struct {
	Resolver string     `json:"resolver,omitempty"`
	Domain   *DynDomain `json:"domain,omitempty"`
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
