package ingressroute

import (
	"time"

	"github.com/irkit/irkit/healthcheck"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// parseDurationField reads a duration written as a string, as Traefik
// does. A bare integer is a number of seconds, which is worth a warning:
// readers often take it for milliseconds.
func parseDurationField(s, field string) (Duration, *finding) {
	d, err := ParseDuration(s)
	if err != nil {
		return 0, errf(CodeDuration, field, `write a Go duration such as "100ms" or "30s"`, "invalid duration %q: %v", s, err)
	}
	if _, isInt := isInteger(s); isInt && d != 0 {
		return d, warnf(CodeDurationSeconds, field, `write the unit ("`+time.Duration(d).String()+`")`,
			"duration %q without unit is a number of seconds (%s)", s, time.Duration(d))
	}
	return d, nil
}

// parseIntOrStringDuration reads a duration written as a number of
// seconds or a string.
func parseIntOrStringDuration(v intstr.IntOrString, field string) (Duration, *finding) {
	if v.Type == intstr.Int {
		d := Duration(time.Duration(v.IntVal) * time.Second)
		if v.IntVal == 0 {
			return d, nil
		}
		return d, warnf(CodeDurationSeconds, field, `write the unit ("`+time.Duration(d).String()+`")`,
			"duration %d without unit is a number of seconds (%s)", v.IntVal, time.Duration(d))
	}
	return parseDurationField(v.StrVal, field)
}

// isInteger reports whether s is a decimal integer.
func isInteger(s string) (string, bool) {
	if s == "" {
		return s, false
	}
	for i, r := range s {
		if (r < '0' || r > '9') && !(i == 0 && (r == '-' || r == '+') && len(s) > 1) {
			return s, false
		}
	}
	return s, true
}

// convertHealthCheck builds an active health check with Traefik's
// defaults. A duration that does not parse is fatal, as in Traefik.
func convertHealthCheck(h *healthcheck.ServerHealthCheck, base string) (*DynHealthCheck, []*finding, *finding) {
	var fs []*finding
	var fatal *finding
	follow := healthcheck.DefaultFollowRedirects
	if h.FollowRedirects != nil {
		follow = *h.FollowRedirects
	}
	out := &DynHealthCheck{
		Scheme:          h.Scheme,
		Path:            h.Path,
		Method:          h.Method,
		Status:          h.Status,
		Port:            h.Port,
		Hostname:        h.Hostname,
		Headers:         h.Headers,
		Interval:        Duration(healthcheck.DefaultInterval),
		Timeout:         Duration(healthcheck.DefaultTimeout),
		FollowRedirects: &follow,
	}
	// Traefik's defaults set mode http, then copy the route's mode unless it
	// is "http": an unset mode ends up empty (meaning http).
	out.Mode = h.Mode
	read := func(v *intstr.IntOrString, field string, dst *Duration) {
		if v == nil {
			return
		}
		d, f := parseIntOrStringDuration(*v, base+"."+field)
		if f != nil && f.sev == SeverityError {
			if fatal == nil {
				fatal = f
			}
			return
		}
		if f != nil {
			fs = append(fs, f)
		}
		*dst = d
	}
	read(h.Interval, "interval", &out.Interval)
	read(h.Timeout, "timeout", &out.Timeout)
	unhealthy := out.Interval
	read(h.UnhealthyInterval, "unhealthyInterval", &unhealthy)
	out.UnhealthyInterval = &unhealthy
	return out, fs, fatal
}
