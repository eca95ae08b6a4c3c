package ingressroute

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// ServersTransport is Traefik's resource for the connection between
// Traefik and the servers of a service (kind ServersTransport of
// traefik.io/v1alpha1). A service without one uses default@internal.
//
// +k8s:deepcopy-gen=true
// +k8s:deepcopy-gen:interfaces=k8s.io/apimachinery/pkg/runtime.Object
type ServersTransport struct {
	metav1.TypeMeta `json:",inline"`
	// ObjectMeta is the standard object metadata.
	metav1.ObjectMeta `json:"metadata"`

	// Spec is the desired transport.
	Spec ServersTransportSpec `json:"spec"`
}

// ServersTransportList is a list of ServersTransports.
//
// +k8s:deepcopy-gen=true
// +k8s:deepcopy-gen:interfaces=k8s.io/apimachinery/pkg/runtime.Object
type ServersTransportList struct {
	metav1.TypeMeta `json:",inline"`
	// ListMeta is the standard list metadata.
	metav1.ListMeta `json:"metadata"`

	// Items are the ServersTransports.
	Items []ServersTransport `json:"items"`
}

// ServersTransportSpec is the desired state of a ServersTransport.
//
// +k8s:deepcopy-gen=true
type ServersTransportSpec struct {
	// ServerName is the TLS server name (SNI) sent to the servers.
	ServerName string `json:"serverName,omitempty"`
	// InsecureSkipVerify disables verification of the servers'
	// certificates. Default false.
	InsecureSkipVerify bool `json:"insecureSkipVerify,omitempty"`
	// RootCAs references Secrets or ConfigMaps holding CA certificates
	// (under tls.ca or ca.crt) that server certificates are verified
	// against.
	RootCAs []RootCA `json:"rootCAs,omitempty"`
	// RootCAsSecrets names Secrets holding CA certificates.
	//
	// Deprecated: use RootCAs.
	RootCAsSecrets []string `json:"rootCAsSecrets,omitempty"`
	// CertificatesSecrets names Secrets holding client certificates for
	// mutual TLS.
	CertificatesSecrets []string `json:"certificatesSecrets,omitempty"`
	// CipherSuites lists the cipher suites used with the servers, by Go
	// name. Empty means Go's defaults.
	CipherSuites []string `json:"cipherSuites,omitempty"`
	// MinVersion is the minimum TLS version used with the servers
	// (VersionTLS10 … VersionTLS13). Empty means Go's default.
	MinVersion string `json:"minVersion,omitempty"`
	// MaxVersion is the maximum TLS version used with the servers. Empty
	// means Go's default.
	MaxVersion string `json:"maxVersion,omitempty"`
	// MaxIdleConnsPerHost is the maximum number of idle keep-alive
	// connections per host; -1 disables keep-alive. 0 means Traefik's
	// default (200).
	MaxIdleConnsPerHost int `json:"maxIdleConnsPerHost,omitempty"`
	// ForwardingTimeouts are the timeouts of requests to the servers.
	ForwardingTimeouts *ForwardingTimeouts `json:"forwardingTimeouts,omitempty"`
	// DisableHTTP2 disables HTTP/2 towards the servers. Default false.
	DisableHTTP2 bool `json:"disableHTTP2,omitempty"`
	// PeerCertURI is the URI the servers' certificates must carry as a SAN.
	PeerCertURI string `json:"peerCertURI,omitempty"`
	// PeerCertSANs lists SANs one of which the servers' certificates must
	// carry.
	PeerCertSANs []PeerCertSAN `json:"peerCertSANs,omitempty"`
	// Spiffe verifies the servers' SPIFFE identities.
	Spiffe *Spiffe `json:"spiffe,omitempty"`
}

// ForwardingTimeouts are the timeouts of requests forwarded to servers.
// Each is a Go duration string or a bare integer meaning seconds; nil means
// Traefik's default.
//
// +k8s:deepcopy-gen=true
type ForwardingTimeouts struct {
	// DialTimeout bounds establishing a connection. Default 30s.
	DialTimeout *intstr.IntOrString `json:"dialTimeout,omitempty"`
	// ResponseHeaderTimeout bounds the wait for response headers after the
	// request is written. Default 0 (none).
	ResponseHeaderTimeout *intstr.IntOrString `json:"responseHeaderTimeout,omitempty"`
	// IdleConnTimeout is how long an idle keep-alive connection stays open.
	// Default 90s.
	IdleConnTimeout *intstr.IntOrString `json:"idleConnTimeout,omitempty"`
	// ReadIdleTimeout is the HTTP/2 idle time after which a ping health
	// check is sent. Default 0 (none).
	ReadIdleTimeout *intstr.IntOrString `json:"readIdleTimeout,omitempty"`
	// PingTimeout is how long an HTTP/2 ping may go unanswered before the
	// connection is closed. Default 15s.
	PingTimeout *intstr.IntOrString `json:"pingTimeout,omitempty"`
}

// RootCA references a Secret or a ConfigMap holding a CA certificate.
// Setting both is refused by the CRD schema.
//
// +k8s:deepcopy-gen=true
type RootCA struct {
	// Secret names a Secret holding the certificate.
	Secret *string `json:"secret,omitempty"`
	// ConfigMap names a ConfigMap holding the certificate.
	ConfigMap *string `json:"configMap,omitempty"`
}

// PeerCertSAN is a subject alternative name expected in a server's
// certificate.
//
// +k8s:deepcopy-gen=true
type PeerCertSAN struct {
	// Type is the SAN type, e.g. "DNSName" or "URI".
	Type string `json:"type,omitempty"`
	// Value is the expected SAN.
	Value string `json:"value,omitempty"`
}

// Spiffe verifies servers by their SPIFFE identity.
//
// +k8s:deepcopy-gen=true
type Spiffe struct {
	// IDs lists the allowed SPIFFE IDs; it takes precedence over
	// TrustDomain.
	IDs []string `json:"ids,omitempty"`
	// TrustDomain is the allowed SPIFFE trust domain.
	TrustDomain string `json:"trustDomain,omitempty"`
}
