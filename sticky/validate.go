package sticky

import (
	"net"
	"strings"

	"github.com/irkit/irkit/internal/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// Validate checks a sticky-session configuration. fldPath is the path of
// the `sticky` block itself. A nil s is valid.
//
// Errors are what the CRD schema refuses (a sameSite other than none, lax
// or strict, in lower case or capitalized). Warnings (see
// validation.IsWarning) are what Traefik accepts but cannot honour: a
// block without a cookie (no stickiness), a cookie name, path or domain
// that Go's HTTP server drops from Set-Cookie, a negative maxAge (the
// cookie expires at once, so clients never stick).
func Validate(s *Sticky, fldPath *field.Path) field.ErrorList {
	if s == nil {
		return nil
	}
	if s.Cookie == nil {
		return field.ErrorList{validation.Warn(field.Required(fldPath.Child("cookie"),
			"without a cookie, Traefik does not enable sticky sessions"))}
	}
	errs := validation.Struct(s, fldPath)
	errs = append(errs, validateCookie(s.Cookie, fldPath.Child("cookie"))...)
	return errs
}

func validateCookie(c *Cookie, fldPath *field.Path) field.ErrorList {
	var errs field.ErrorList
	if c.Name != "" && !validation.IsToken(c.Name) {
		errs = append(errs, validation.Warn(field.Invalid(fldPath.Child("name"), c.Name,
			"not a valid cookie name (letters, digits and !#$%&'*+-.^_`|~ only): Go's HTTP server drops the Set-Cookie header")))
	}
	if c.MaxAge < 0 {
		errs = append(errs, validation.Warn(field.Invalid(fldPath.Child("maxAge"), c.MaxAge,
			"a negative maxAge expires the cookie at once, so clients never stick; use 0 for a session cookie")))
	}
	if c.Path != nil && !validCookiePath(*c.Path) {
		errs = append(errs, validation.Warn(field.Invalid(fldPath.Child("path"), *c.Path,
			"a cookie path starts with '/' and holds no ';' or control character")))
	}
	if c.Domain != "" && !validCookieDomain(c.Domain) {
		errs = append(errs, validation.Warn(field.Invalid(fldPath.Child("domain"), c.Domain,
			"not a valid cookie domain: Go's HTTP server leaves the Domain attribute out")))
	}
	return errs
}

// validCookiePath reports whether Go writes p as is in a Set-Cookie
// header, and browsers read it as a path.
func validCookiePath(p string) bool {
	if p == "" {
		return true
	}
	if !strings.HasPrefix(p, "/") {
		return false
	}
	for i := 0; i < len(p); i++ {
		if c := p[i]; c < 0x20 || c == 0x7f || c == ';' {
			return false
		}
	}
	return true
}

// validCookieDomain reports whether Go's HTTP server keeps the domain in a
// Set-Cookie header: an IP address, or a host name (with an optional
// leading dot) of letters, digits, '-' and '_' labels.
func validCookieDomain(d string) bool {
	if net.ParseIP(d) != nil {
		return true
	}
	d = strings.TrimPrefix(d, ".")
	if d == "" || len(d) > 255 {
		return false
	}
	for _, label := range strings.Split(d, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for i := 0; i < len(label); i++ {
			c := label[i]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
				return false
			}
		}
	}
	return true
}
