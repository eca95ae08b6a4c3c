package healthcheck

import "time"

// Traefik's defaults for an active health check that leaves them unset.
// The unhealthy interval defaults to the interval.
const (
	DefaultMode            = "http"
	DefaultInterval        = 30 * time.Second
	DefaultTimeout         = 5 * time.Second
	DefaultFollowRedirects = true
)

// Traefik's defaults for a passive health check that leaves them unset.
const (
	DefaultFailureWindow     = 10 * time.Second
	DefaultMaxFailedAttempts = 1
)
