// Package healthcheck holds the active and passive health-check
// configuration of a Traefik load balancer (the `healthCheck` and
// `passiveHealthCheck` blocks of an IngressRoute service): its structs, and
// later their defaults and validation.
//
// Durations are intstr.IntOrString, as in Traefik's CRD: a bare integer
// means seconds, a string is a Go duration ("10s", "1m30s").
package healthcheck
