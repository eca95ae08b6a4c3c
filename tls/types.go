package tls

// RouteTLS is the `tls` block of an IngressRoute. Its presence, even empty
// (`tls: {}`), makes the routers TLS-only, served with the default
// certificate unless SecretName or CertResolver gives another.
//
// +k8s:deepcopy-gen=true
type RouteTLS struct {
	// SecretName names the Kubernetes Secret (in the IngressRoute's
	// namespace) holding the certificate and key.
	SecretName string `json:"secretName,omitempty"`
	// Options references the TLSOption to use. Nil means the "default"
	// TLS options.
	Options *OptionRef `json:"options,omitempty"`
	// Store references the TLSStore; only the store named "default" is
	// supported by Traefik.
	Store *StoreRef `json:"store,omitempty"`
	// CertResolver names a certificate resolver of Traefik's static
	// configuration.
	CertResolver string `json:"certResolver,omitempty"`
	// Domains lists the domains for which the resolver issues certificates.
	// Empty means the domains of the route's Host matchers.
	Domains []Domain `json:"domains,omitempty"`
}

// OptionRef references a TLSOption. A Name containing "@" references
// another provider's options and then takes no namespace.
//
// +k8s:deepcopy-gen=true
type OptionRef struct {
	// Name is the TLSOption name.
	Name string `json:"name" validate:"required"`
	// Namespace is the TLSOption namespace. Empty means the namespace of
	// the referring object.
	Namespace string `json:"namespace,omitempty"`
}

// StoreRef references a TLSStore.
//
// +k8s:deepcopy-gen=true
type StoreRef struct {
	// Name is the TLSStore name.
	Name string `json:"name" validate:"required"`
	// Namespace is the TLSStore namespace. Empty means the namespace of the
	// referring object.
	Namespace string `json:"namespace,omitempty"`
}

// Domain is a main domain and its subject alternative names.
//
// +k8s:deepcopy-gen=true
type Domain struct {
	// Main is the main domain name.
	Main string `json:"main,omitempty"`
	// SANs are the subject alternative names.
	SANs []string `json:"sans,omitempty"`
}

// OptionSpec is the spec of a TLSOption: the parameters of TLS connections
// accepted by Traefik.
//
// +k8s:deepcopy-gen=true
type OptionSpec struct {
	// MinVersion is the minimum TLS version: VersionTLS10 (the default),
	// VersionTLS11, VersionTLS12 or VersionTLS13.
	MinVersion string `json:"minVersion,omitempty"`
	// MaxVersion is the maximum TLS version, same values as MinVersion.
	// Default: none (the highest Go supports).
	MaxVersion string `json:"maxVersion,omitempty"`
	// CipherSuites lists the cipher suites allowed up to TLS 1.2, by Go
	// name. Empty means Go's defaults.
	CipherSuites []string `json:"cipherSuites,omitempty"`
	// CurvePreferences lists the elliptic curves in order of preference.
	// Empty means Go's defaults.
	CurvePreferences []string `json:"curvePreferences,omitempty"`
	// ClientAuth is the policy for TLS client authentication.
	ClientAuth ClientAuth `json:"clientAuth,omitempty"`
	// SniStrict refuses clients that send no server_name extension (or one
	// matching no certificate). Default false.
	SniStrict bool `json:"sniStrict,omitempty"`
	// ALPNProtocols lists the ALPN protocols in order of preference.
	// Empty means Traefik's default (h2, http/1.1, acme-tls/1).
	ALPNProtocols []string `json:"alpnProtocols,omitempty"`
	// DisableSessionTickets disables TLS session tickets. Default false.
	DisableSessionTickets bool `json:"disableSessionTickets,omitempty"`
	// PreferServerCipherSuites is accepted and ignored.
	//
	// Deprecated: Go ignores it since Go 1.17 (golang/go#45430).
	PreferServerCipherSuites *bool `json:"preferServerCipherSuites,omitempty"`
}

// ClientAuth is the TLS client-authentication policy of a TLSOption.
//
// +k8s:deepcopy-gen=true
type ClientAuth struct {
	// SecretNames names the Secrets (in the TLSOption's namespace) holding
	// the CA certificates that client certificates are verified against.
	SecretNames []string `json:"secretNames,omitempty"`
	// ClientAuthType is one of NoClientCert (the default),
	// RequestClientCert, RequireAnyClientCert, VerifyClientCertIfGiven,
	// RequireAndVerifyClientCert.
	ClientAuthType string `json:"clientAuthType,omitempty" validate:"omitempty,oneof=NoClientCert RequestClientCert RequireAnyClientCert VerifyClientCertIfGiven RequireAndVerifyClientCert"`
}

// StoreSpec is the spec of a TLSStore. Traefik only uses the store named
// "default".
//
// +k8s:deepcopy-gen=true
type StoreSpec struct {
	// DefaultCertificate is the certificate served when no other matches.
	// Nil means Traefik's self-signed default certificate (or
	// DefaultGeneratedCert).
	DefaultCertificate *Certificate `json:"defaultCertificate,omitempty"`
	// DefaultGeneratedCert asks a certificate resolver for the default
	// certificate.
	DefaultGeneratedCert *GeneratedCert `json:"defaultGeneratedCert,omitempty"`
	// Certificates lists Secrets whose certificates are added to the store.
	Certificates []Certificate `json:"certificates,omitempty" validate:"dive"`
}

// Certificate references a Secret holding a certificate and its key.
//
// +k8s:deepcopy-gen=true
type Certificate struct {
	// SecretName is the Secret name, in the TLSStore's namespace.
	SecretName string `json:"secretName" validate:"required"`
}

// GeneratedCert is a default certificate obtained from a certificate
// resolver.
//
// +k8s:deepcopy-gen=true
type GeneratedCert struct {
	// Resolver names a certificate resolver of Traefik's static
	// configuration.
	Resolver string `json:"resolver,omitempty"`
	// Domain is the domain the certificate is issued for.
	Domain *Domain `json:"domain,omitempty"`
}
