package ingressroute

import (
	"github.com/irkit/irkit/healthcheck"
	"github.com/irkit/irkit/sticky"
	"github.com/irkit/irkit/tls"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// IngressRoute is Traefik's HTTP router resource (kind IngressRoute of
// traefik.io/v1alpha1): a set of routes, each a rule and the services it
// sends requests to.
//
// +k8s:deepcopy-gen=true
// +k8s:deepcopy-gen:interfaces=k8s.io/apimachinery/pkg/runtime.Object
type IngressRoute struct {
	metav1.TypeMeta `json:",inline"`
	// ObjectMeta is the standard object metadata.
	metav1.ObjectMeta `json:"metadata"`

	// Spec is the desired routing.
	Spec IngressRouteSpec `json:"spec"`
}

// IngressRouteList is a list of IngressRoutes.
//
// +k8s:deepcopy-gen=true
// +k8s:deepcopy-gen:interfaces=k8s.io/apimachinery/pkg/runtime.Object
type IngressRouteList struct {
	metav1.TypeMeta `json:",inline"`
	// ListMeta is the standard list metadata.
	metav1.ListMeta `json:"metadata"`

	// Items are the IngressRoutes.
	Items []IngressRoute `json:"items"`
}

// IngressRouteSpec is the desired state of an IngressRoute.
//
// +k8s:deepcopy-gen=true
type IngressRouteSpec struct {
	// IngressClassName selects the Traefik instance that serves this
	// IngressRoute. Nil falls back to the deprecated
	// kubernetes.io/ingress.class annotation.
	IngressClassName *string `json:"ingressClassName,omitempty"`
	// EntryPoints lists the entry points (of Traefik's static
	// configuration) the routes bind to. Empty means all default entry
	// points.
	EntryPoints []string `json:"entryPoints,omitempty"`
	// Routes are the HTTP routes.
	Routes []Route `json:"routes" validate:"required,dive"`
	// TLS, when present (even empty), makes the routers TLS-only.
	TLS *tls.RouteTLS `json:"tls,omitempty" validate:"-"`
	// ParentRefs makes this IngressRoute's routers children of the routers
	// of the referenced IngressRoutes (multi-layer routing).
	ParentRefs []IngressRouteRef `json:"parentRefs,omitempty" validate:"dive"`
}

// Route is one HTTP route of an IngressRoute.
//
// +k8s:deepcopy-gen=true
type Route struct {
	// Match is the router rule, e.g. "Host(`example.com`) && PathPrefix(`/api`)".
	Match string `json:"match" validate:"required"`
	// Kind must be "Rule" or empty (which means Rule).
	Kind string `json:"kind,omitempty" validate:"omitempty,oneof=Rule"`
	// Priority orders routers, highest first. 0 (the default) means the
	// length of Match in bytes.
	Priority int `json:"priority,omitempty" validate:"lte=9223372036854774807"`
	// Syntax is the rule syntax: "v3" or empty (the default, v3), or "v2".
	//
	// Deprecated: Traefik asks for rules rewritten in the v3 syntax.
	Syntax string `json:"syntax,omitempty"`
	// Services are the Kubernetes Services and TraefikServices the route
	// sends requests to; several are load-balanced by weight.
	Services []LoadBalancerSpec `json:"services,omitempty" validate:"dive"`
	// Middlewares references the Middlewares applied, in order.
	Middlewares []MiddlewareRef `json:"middlewares,omitempty" validate:"dive"`
	// Observability overrides the router's access-log, metrics and tracing
	// settings.
	Observability *RouterObservability `json:"observability,omitempty"`
}

// RouterObservability is the observability configuration of a router.
// Nil fields keep the entry point's settings.
//
// +k8s:deepcopy-gen=true
type RouterObservability struct {
	// AccessLogs enables access logs for the router.
	AccessLogs *bool `json:"accessLogs,omitempty"`
	// Metrics enables metrics for the router.
	Metrics *bool `json:"metrics,omitempty"`
	// Tracing enables tracing for the router.
	Tracing *bool `json:"tracing,omitempty"`
	// TraceVerbosity is "minimal" (the default) or "detailed".
	TraceVerbosity string `json:"traceVerbosity,omitempty" validate:"omitempty,oneof=minimal detailed"`
}

// LoadBalancerSpec references a Kubernetes Service (a load balancer of
// servers) or a TraefikService (a load balancer of services), with the
// settings of the load balancer built for it. It is the element of a
// route's services, of weighted and highestRandomWeight TraefikServices,
// and the base of mirroring and failover services.
//
// +k8s:deepcopy-gen=true
type LoadBalancerSpec struct {
	// Name is the Service or TraefikService name. With Kind TraefikService,
	// a name containing "@" references another provider's service.
	Name string `json:"name" validate:"required"`
	// Kind is "Service" (the default when empty) or "TraefikService".
	Kind string `json:"kind,omitempty" validate:"omitempty,oneof=Service TraefikService"`
	// Namespace is the namespace of the referenced object. Empty means the
	// namespace of the referring object.
	Namespace string `json:"namespace,omitempty"`
	// Middlewares references Middlewares applied to this service only.
	Middlewares []MiddlewareRef `json:"middlewares,omitempty" validate:"dive"`
	// Sticky configures sticky sessions.
	Sticky *sticky.Sticky `json:"sticky,omitempty" validate:"-"`
	// Port is the Service port, by number or by name. Required for a
	// Kubernetes Service; the zero value (int 0) means absent and is
	// omitted from JSON.
	Port intstr.IntOrString `json:"port,omitzero"`
	// Scheme is "http", "https" or "h2c". Empty means https when the port is
	// 443 or its name starts with "https", else http.
	Scheme string `json:"scheme,omitempty"`
	// Strategy is the load-balancing strategy between servers: "wrr" (the
	// default), "p2c", "hrw", "leasttime", or the deprecated alias
	// "RoundRobin" for wrr.
	Strategy string `json:"strategy,omitempty" validate:"omitempty,oneof=wrr p2c hrw leasttime RoundRobin"`
	// PassHostHeader forwards the client's Host header. Nil means the
	// default, true.
	PassHostHeader *bool `json:"passHostHeader,omitempty"`
	// ResponseForwarding configures how responses are flushed to clients.
	ResponseForwarding *ResponseForwarding `json:"responseForwarding,omitempty"`
	// ServersTransport names the ServersTransport used to reach the servers
	// (Kubernetes Services only). A name containing "@" references another
	// provider's transport.
	ServersTransport string `json:"serversTransport,omitempty"`
	// Weight is the weight of this service among its siblings. Nil means
	// the default, 1.
	Weight *int `json:"weight,omitempty"`
	// NativeLB uses the Service's ClusterIP as the only server instead of
	// its endpoints. Nil means the provider's nativeLBByDefault (false).
	NativeLB *bool `json:"nativeLB,omitempty"`
	// NodePortLB uses the nodes' internal IPs and the Service's nodePort as
	// servers (NodePort Services). Default false.
	NodePortLB bool `json:"nodePortLB,omitempty"`
	// HealthCheck is the active health check (ExternalName Services only).
	HealthCheck *healthcheck.ServerHealthCheck `json:"healthCheck,omitempty" validate:"-"`
	// PassiveHealthCheck is the passive health check.
	PassiveHealthCheck *healthcheck.PassiveServerHealthCheck `json:"passiveHealthCheck,omitempty" validate:"-"`
}

// ResponseForwarding configures how Traefik forwards responses to clients.
//
// +k8s:deepcopy-gen=true
type ResponseForwarding struct {
	// FlushInterval is the interval between flushes while copying the
	// response body, as a Go duration ("100ms"); a negative value flushes
	// after every write. Default 100ms. Although documented in
	// milliseconds, a bare number is read as seconds.
	FlushInterval string `json:"flushInterval,omitempty"`
}

// MiddlewareRef references a Middleware. A Name containing "@" references
// another provider's middleware and then takes no namespace.
//
// +k8s:deepcopy-gen=true
type MiddlewareRef struct {
	// Name is the Middleware name.
	Name string `json:"name" validate:"required"`
	// Namespace is the Middleware namespace. Empty means the namespace of
	// the referring object.
	Namespace string `json:"namespace,omitempty"`
}

// IngressRouteRef references a parent IngressRoute.
//
// +k8s:deepcopy-gen=true
type IngressRouteRef struct {
	// Name is the IngressRoute name.
	Name string `json:"name" validate:"required"`
	// Namespace is the IngressRoute namespace. Empty means the namespace of
	// the referring object.
	Namespace string `json:"namespace,omitempty"`
}
