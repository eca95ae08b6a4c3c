package healthcheck

import "k8s.io/apimachinery/pkg/util/intstr"

// ServerHealthCheck is the active health check of a load balancer's
// servers. Traefik v3.7 applies it only to ExternalName services.
//
// +k8s:deepcopy-gen=true
type ServerHealthCheck struct {
	// Scheme replaces the server URL scheme for the health-check request.
	// Default: the server's own scheme.
	Scheme string `json:"scheme,omitempty"`
	// Mode is the health-check protocol: "http" (the default) or "grpc".
	Mode string `json:"mode,omitempty"`
	// Path is the URL path of the health-check request.
	Path string `json:"path,omitempty"`
	// Method is the HTTP method of the health-check request. Default GET.
	Method string `json:"method,omitempty"`
	// Status is the expected HTTP status code. 0 (the default) accepts any
	// 2xx or 3xx status.
	Status int `json:"status,omitempty"`
	// Port replaces the server URL port for the health-check request.
	// 0 (the default) keeps the server's port.
	Port int `json:"port,omitempty"`
	// Interval is the time between two checks of a healthy server.
	// Default 30s; a bare integer means seconds.
	Interval *intstr.IntOrString `json:"interval,omitempty"`
	// UnhealthyInterval is the time between two checks of an unhealthy
	// server. Default: Interval. A bare integer means seconds.
	UnhealthyInterval *intstr.IntOrString `json:"unhealthyInterval,omitempty"`
	// Timeout is how long Traefik waits for a health-check response before
	// it deems the server unhealthy. Default 5s; a bare integer means
	// seconds.
	Timeout *intstr.IntOrString `json:"timeout,omitempty"`
	// Hostname is the Host header of the health-check request. Default: the
	// server's host.
	Hostname string `json:"hostname,omitempty"`
	// FollowRedirects tells whether redirects are followed. Nil means the
	// default, true.
	FollowRedirects *bool `json:"followRedirects,omitempty"`
	// Headers are extra headers sent with the health-check request.
	Headers map[string]string `json:"headers,omitempty"`
}

// PassiveServerHealthCheck is the passive health check of a load
// balancer's servers: a server that fails too often within a window is
// taken out of rotation for that window.
//
// +k8s:deepcopy-gen=true
type PassiveServerHealthCheck struct {
	// FailureWindow is the window within which failed attempts are counted,
	// and for how long a failing server is then left out. A bare integer
	// means seconds. Nil means Traefik's default (10s).
	FailureWindow *intstr.IntOrString `json:"failureWindow,omitempty"`
	// MaxFailedAttempts is the number of consecutive failures within
	// FailureWindow that mark a server unhealthy. Nil means Traefik's
	// default (1).
	MaxFailedAttempts *int `json:"maxFailedAttempts,omitempty"`
}

// Aggregate is the `healthCheck` block of a weighted or failover
// TraefikService. It has no fields: its presence ({}) makes the service
// follow the health of its children, so that a child reported down is
// left out.
//
// +k8s:deepcopy-gen=true
type Aggregate struct{}
