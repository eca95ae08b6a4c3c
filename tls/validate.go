package tls

import (
	cryptotls "crypto/tls"
	"slices"
	"sort"

	"github.com/irkit/irkit/internal/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// versionOrders maps the TLS version names Traefik reads to their order.
var versionOrders = map[string]int{"VersionTLS10": 10, "VersionTLS11": 11, "VersionTLS12": 12, "VersionTLS13": 13}

// versionNames lists the keys of versionOrders in order, for messages.
var versionNames = []string{"VersionTLS10", "VersionTLS11", "VersionTLS12", "VersionTLS13"}

// Versions returns the TLS version names Traefik reads, oldest first
// ("VersionTLS10" to "VersionTLS13"). The slice is a copy: changing it
// changes nothing.
func Versions() []string { return slices.Clone(versionNames) }

// VersionOrder returns the order of the TLS version named name (10 for
// "VersionTLS10" to 13 for "VersionTLS13"; a higher order is a newer
// version), and false for a name Traefik does not read.
func VersionOrder(name string) (int, bool) {
	n, ok := versionOrders[name]
	return n, ok
}

// IsVersion reports whether name is a TLS version name Traefik reads.
func IsVersion(name string) bool {
	_, ok := versionOrders[name]
	return ok
}

// clientAuthTypes lists the client authentication policies Traefik knows.
var clientAuthTypes = []string{"NoClientCert", "RequestClientCert", "RequireAnyClientCert", "VerifyClientCertIfGiven", "RequireAndVerifyClientCert"}

// ClientAuthTypes returns the client authentication policies Traefik
// knows, NoClientCert (the default) first. The slice is a copy: changing
// it changes nothing.
func ClientAuthTypes() []string { return slices.Clone(clientAuthTypes) }

// curveNames are the curve names Traefik reads, and Go's own names of its
// curves: irkit accepts both so as never to refuse a name Traefik reads.
var curveNames = map[string]bool{
	"secp256r1": true, "secp384r1": true, "secp521r1": true,
	cryptotls.CurveP256.String(): true, cryptotls.CurveP384.String(): true, cryptotls.CurveP521.String(): true,
	cryptotls.X25519.String(): true, cryptotls.X25519MLKEM768.String(): true,
	cryptotls.SecP256r1MLKEM768.String(): true, cryptotls.SecP384r1MLKEM1024.String(): true,
}

// cipherSuiteNames are the cipher suite names Go knows (secure and
// insecure), and the older names Traefik still reads.
var cipherSuiteNames = func() map[string]bool {
	m := map[string]bool{
		"TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305":   true,
		"TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305": true,
		"TLS_FALLBACK_SCSV":                      true,
	}
	for _, c := range cryptotls.CipherSuites() {
		m[c.Name] = true
	}
	for _, c := range cryptotls.InsecureCipherSuites() {
		m[c.Name] = true
	}
	return m
}()

// IsCipherSuite reports whether Traefik (or Go) knows the cipher suite
// name.
func IsCipherSuite(name string) bool { return cipherSuiteNames[name] }

// IsCurve reports whether Traefik (or Go) knows the curve name.
func IsCurve(name string) bool { return curveNames[name] }

// ValidateRouteTLS checks the `tls` block of an IngressRoute. fldPath is
// the path of the block. A nil t is valid.
//
// Errors: a Secret name that is no Kubernetes name (Traefik cannot find
// the Secret and logs an error), a TLSOption or TLSStore reference without
// name or with a malformed name or namespace. Warnings: a domain without a
// main name, and domains that are not DNS names or wildcards (the
// certificate resolver cannot get a certificate for them).
func ValidateRouteTLS(t *RouteTLS, fldPath *field.Path) field.ErrorList {
	if t == nil {
		return nil
	}
	errs := validation.Struct(t, fldPath)
	if t.SecretName != "" {
		errs = append(errs, validation.ValidateObjectName(t.SecretName, fldPath.Child("secretName"))...)
	}
	if t.Options != nil {
		p := fldPath.Child("options")
		if t.Options.Name != "" {
			errs = append(errs, validation.ValidateReference(t.Options.Name, validation.ValidateObjectName, p.Child("name"))...)
		}
		if t.Options.Namespace != "" {
			errs = append(errs, validation.ValidateNamespace(t.Options.Namespace, p.Child("namespace"))...)
		}
	}
	if t.Store != nil {
		p := fldPath.Child("store")
		if t.Store.Name != "" {
			errs = append(errs, validation.ValidateObjectName(t.Store.Name, p.Child("name"))...)
		}
		if t.Store.Namespace != "" {
			errs = append(errs, validation.ValidateNamespace(t.Store.Namespace, p.Child("namespace"))...)
		}
	}
	for i := range t.Domains {
		errs = append(errs, ValidateDomain(&t.Domains[i], fldPath.Child("domains").Index(i))...)
	}
	return errs
}

// ValidateDomain checks a domain of a certificate resolver: a main name
// and SANs, each a DNS name or a wildcard. Every finding is a warning:
// Traefik accepts the configuration, and its certificate resolver fails
// when it runs.
func ValidateDomain(d *Domain, fldPath *field.Path) field.ErrorList {
	var errs field.ErrorList
	if d.Main == "" {
		errs = append(errs, validation.Warn(field.Required(fldPath.Child("main"), "a domain needs a main name")))
	} else {
		errs = append(errs, warnAll(validation.ValidateDomain(d.Main, true, fldPath.Child("main")))...)
	}
	seen := map[string]bool{d.Main: true}
	for i, san := range d.SANs {
		p := fldPath.Child("sans").Index(i)
		if seen[san] {
			errs = append(errs, validation.Warn(field.Duplicate(p, san)))
			continue
		}
		seen[san] = true
		errs = append(errs, warnAll(validation.ValidateDomain(san, true, p))...)
	}
	return errs
}

// ValidateOptionSpec checks the spec of a TLSOption. fldPath is the path
// of the spec.
//
// Errors are what Traefik refuses when it builds the options (routers that
// use them then fall back to errors): unknown cipher suites and curves, an
// unknown clientAuthType. Warnings are what it ignores: an unknown
// minVersion or maxVersion (Go's default is used), a minVersion above the
// maxVersion (no handshake can succeed), malformed or repeated names.
func ValidateOptionSpec(o *OptionSpec, fldPath *field.Path) field.ErrorList {
	if o == nil {
		return nil
	}
	errs := validation.Struct(o, fldPath)
	minV, minOK := validateVersion(o.MinVersion, fldPath.Child("minVersion"), &errs)
	maxV, maxOK := validateVersion(o.MaxVersion, fldPath.Child("maxVersion"), &errs)
	if minOK && maxOK && minV > maxV {
		errs = append(errs, validation.Warn(field.Invalid(fldPath.Child("minVersion"), o.MinVersion,
			"is above maxVersion "+o.MaxVersion+": no TLS handshake can succeed")))
	}
	errs = append(errs, validateNames(o.CipherSuites, IsCipherSuite, "cipher suite", fldPath.Child("cipherSuites"))...)
	errs = append(errs, validateNames(o.CurvePreferences, IsCurve, "curve", fldPath.Child("curvePreferences"))...)
	sp := fldPath.Child("clientAuth", "secretNames")
	for i, s := range o.ClientAuth.SecretNames {
		errs = append(errs, warnAll(validation.ValidateObjectName(s, sp.Index(i)))...)
	}
	return errs
}

// ValidateStoreSpec checks the spec of a TLSStore. fldPath is the path of
// the spec. Secret names are required and must be Kubernetes names.
func ValidateStoreSpec(s *StoreSpec, fldPath *field.Path) field.ErrorList {
	if s == nil {
		return nil
	}
	errs := validation.Struct(s, fldPath)
	if c := s.DefaultCertificate; c != nil && c.SecretName != "" {
		errs = append(errs, validation.ValidateObjectName(c.SecretName, fldPath.Child("defaultCertificate", "secretName"))...)
	}
	for i, c := range s.Certificates {
		if c.SecretName != "" {
			errs = append(errs, validation.ValidateObjectName(c.SecretName, fldPath.Child("certificates").Index(i).Child("secretName"))...)
		}
	}
	if g := s.DefaultGeneratedCert; g != nil && g.Domain != nil {
		errs = append(errs, ValidateDomain(g.Domain, fldPath.Child("defaultGeneratedCert", "domain"))...)
	}
	return errs
}

// validateVersion checks a TLS version name; an unknown one is a warning,
// since Traefik ignores it.
func validateVersion(v string, fldPath *field.Path, errs *field.ErrorList) (int, bool) {
	if v == "" {
		return 0, false
	}
	n, ok := versionOrders[v]
	if !ok {
		*errs = append(*errs, validation.Warn(field.NotSupported(fldPath, v, versionNames)))
	}
	return n, ok
}

// validateNames checks a list of names against a table: an unknown name
// is an error, a repeated one a warning.
func validateNames(names []string, known func(string) bool, what string, fldPath *field.Path) field.ErrorList {
	var errs field.ErrorList
	seen := map[string]bool{}
	for i, n := range names {
		p := fldPath.Index(i)
		switch {
		case seen[n]:
			errs = append(errs, validation.Warn(field.Duplicate(p, n)))
		case !known(n):
			errs = append(errs, field.Invalid(p, n, "unknown "+what+" name: Traefik refuses these TLS options"))
		}
		seen[n] = true
	}
	return errs
}

// KnownCipherSuites returns the cipher suite names IsCipherSuite accepts,
// sorted.
func KnownCipherSuites() []string { return sortedKeys(cipherSuiteNames) }

// KnownCurves returns the curve names IsCurve accepts, sorted.
func KnownCurves() []string { return sortedKeys(curveNames) }

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func warnAll(errs field.ErrorList) field.ErrorList {
	for _, e := range errs {
		validation.Warn(e)
	}
	return errs
}
