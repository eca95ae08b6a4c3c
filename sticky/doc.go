// Package sticky holds the sticky-session configuration of a Traefik load
// balancer (the `sticky` block of an IngressRoute service or of a weighted
// TraefikService): its struct, and later its defaults and validation.
package sticky
