package healthcheck

import (
	"slices"
	"sort"
	"strings"

	"github.com/irkit/irkit/internal/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// modes lists the health-check modes Traefik knows.
var modes = []string{"http", "grpc"}

// schemes lists the schemes a health check may replace the server's with.
var schemes = []string{"http", "https", "h2c"}

// Modes returns the health-check modes Traefik knows ("http", the
// default, and "grpc"). The slice is a copy: changing it changes nothing.
func Modes() []string { return slices.Clone(modes) }

// Schemes returns the schemes a health check may replace the server's
// with ("http", "https", "h2c"). The slice is a copy: changing it changes
// nothing.
func Schemes() []string { return slices.Clone(schemes) }

// Validate checks an active health check. fldPath is the path of the
// `healthCheck` block. A nil h is valid.
//
// Errors are what Traefik refuses when it builds the service: an interval
// or timeout it cannot read as a duration. Warnings (see
// validation.IsWarning) are what Traefik accepts but what cannot work: an
// unknown mode (Traefik probes over HTTP), a status that is no HTTP
// status, a port outside 1-65535, a method or header name that is no
// RFC 7230 token, a scheme other than http, https and h2c, durations that
// are not positive (Traefik uses its defaults).
func Validate(h *ServerHealthCheck, fldPath *field.Path) field.ErrorList {
	if h == nil {
		return nil
	}
	errs := validation.Struct(h, fldPath)
	if h.Mode != "" && !slices.Contains(modes, h.Mode) {
		errs = append(errs, validation.Warn(field.NotSupported(fldPath.Child("mode"), h.Mode, modes)))
	}
	if h.Scheme != "" && !slices.Contains(schemes, h.Scheme) {
		errs = append(errs, validation.Warn(field.NotSupported(fldPath.Child("scheme"), h.Scheme, schemes)))
	}
	if h.Status != 0 && (h.Status < 100 || h.Status > 599) {
		errs = append(errs, validation.Warn(field.Invalid(fldPath.Child("status"), h.Status,
			"not an HTTP status code (100 to 599): no response can match, so every server is deemed down")))
	}
	if h.Port != 0 {
		for _, e := range validation.ValidatePortNumber(h.Port, fldPath.Child("port")) {
			errs = append(errs, validation.Warn(e))
		}
	}
	if h.Method != "" && !validation.IsToken(h.Method) {
		errs = append(errs, validation.Warn(field.Invalid(fldPath.Child("method"), h.Method,
			"not an HTTP method: the health-check request cannot be sent")))
	}
	if strings.ContainsAny(h.Hostname, " \t\r\n/") {
		errs = append(errs, validation.Warn(field.Invalid(fldPath.Child("hostname"), h.Hostname,
			"not a host name")))
	}
	errs = append(errs, validation.ValidateIntOrStringDuration(h.Interval, validation.Positive, fldPath.Child("interval"))...)
	errs = append(errs, validation.ValidateIntOrStringDuration(h.UnhealthyInterval, validation.Positive, fldPath.Child("unhealthyInterval"))...)
	errs = append(errs, validation.ValidateIntOrStringDuration(h.Timeout, validation.Positive, fldPath.Child("timeout"))...)
	errs = append(errs, validateHeaders(h.Headers, fldPath.Child("headers"))...)
	return errs
}

// validateHeaders checks header names, in sorted order so that the result
// does not depend on map order.
func validateHeaders(headers map[string]string, fldPath *field.Path) field.ErrorList {
	names := make([]string, 0, len(headers))
	for k := range headers {
		names = append(names, k)
	}
	sort.Strings(names)
	var errs field.ErrorList
	for _, k := range names {
		if !validation.IsToken(k) {
			errs = append(errs, validation.Warn(field.Invalid(fldPath.Key(k), k,
				"not a header name (an RFC 7230 token): the health-check request cannot be sent")))
		}
		if strings.ContainsAny(headers[k], "\r\n\x00") {
			errs = append(errs, validation.Warn(field.Invalid(fldPath.Key(k), headers[k],
				"a header value must not hold line breaks or NUL")))
		}
	}
	return errs
}

// ValidatePassive checks a passive health check. fldPath is the path of
// the `passiveHealthCheck` block. A nil p is valid. A failure window
// Traefik cannot read is an error; one that is not positive, and fewer
// than one failed attempt, are warnings.
func ValidatePassive(p *PassiveServerHealthCheck, fldPath *field.Path) field.ErrorList {
	if p == nil {
		return nil
	}
	errs := validation.Struct(p, fldPath)
	errs = append(errs, validation.ValidateIntOrStringDuration(p.FailureWindow, validation.Positive, fldPath.Child("failureWindow"))...)
	if p.MaxFailedAttempts != nil && *p.MaxFailedAttempts < 1 {
		errs = append(errs, validation.Warn(field.Invalid(fldPath.Child("maxFailedAttempts"), *p.MaxFailedAttempts,
			"must be at least 1")))
	}
	return errs
}
