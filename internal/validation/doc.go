// Package validation holds the checks that irkit's validators share: names
// (Kubernetes DNS names, references to other providers), durations in
// Traefik's syntax, header and cookie names, domains, and the bridge from
// validator/v10 struct tags to field.ErrorList with JSON field paths.
//
// Every check reports through k8s.io/apimachinery's field.Error. A finding
// that Traefik accepts (it ignores the value, falls back to a default, or
// fails only when it serves traffic) is marked with Warn; everything else
// is something the API server or Traefik refuses, an error.
package validation

import "k8s.io/apimachinery/pkg/util/validation/field"

// OriginWarning is the field.Error Origin of a finding that Traefik
// accepts: the boundary that turns field errors into diagnostics reports it
// as a warning.
const OriginWarning = "warning"

// Origins of the errors this package produces, so that the boundary can
// give names and durations their own codes.
const (
	OriginName     = "format=k8s-name"
	OriginDuration = "format=duration"
)

// Warn marks e as a warning (see OriginWarning) and returns it.
func Warn(e *field.Error) *field.Error {
	e.Origin = OriginWarning
	return e
}

// IsWarning reports whether e was marked by Warn.
func IsWarning(e *field.Error) bool { return e != nil && e.Origin == OriginWarning }
