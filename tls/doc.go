// Package tls holds the TLS configuration read from Traefik's CRDs: the
// `tls` block of an IngressRoute (RouteTLS), the spec of a TLSOption
// (OptionSpec) and of a TLSStore (StoreSpec), and later their validation
// and the arbitration of TLS options per entry point and host.
package tls
