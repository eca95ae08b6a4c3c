package ingressroute

import (
	"fmt"
	"sort"
	"strings"

	corev1 "k8s.io/api/core/v1"
)

// defaultTLSName is the name of the default TLS options and store.
const defaultTLSName = "default"

// defaultALPNProtocols are the ALPN protocols of TLS options that set
// none.
var defaultALPNProtocols = []string{"h2", "http/1.1", "acme-tls/1"}

// defaultCipherSuites are the cipher suites of TLS options that set none:
// Go's secure suites, in Traefik's order.
var defaultCipherSuites = []string{
	"TLS_AES_128_GCM_SHA256",
	"TLS_AES_256_GCM_SHA384",
	"TLS_CHACHA20_POLY1305_SHA256",
	"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
	"TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
	"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
	"TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
	"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
	"TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
	"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
	"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
	"TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
	"TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
}

// compileTLSStores builds the TLS stores and records the certificates they
// list.
func (c *compiler) compileTLSStores() {
	var nsDefault []string
	var defaults []*TLSStore
	for _, t := range c.set.TLSStores {
		if !c.opts.watches(t.Namespace) {
			continue
		}
		id := makeID(t.Namespace, t.Name)
		if t.Name == defaultTLSName {
			id = t.Name
			nsDefault = append(nsDefault, t.Namespace)
			defaults = append(defaults, t)
		}
		store := &DynTLSStore{}
		if dc := t.Spec.DefaultCertificate; dc != nil {
			cert, key, f := c.certificateBlocks(t.Namespace, dc.SecretName, "spec.defaultCertificate.secretName")
			if f != nil {
				c.add(t, f)
				continue
			}
			store.DefaultCertificate = &DynCertificate{CertFile: cert, KeyFile: key}
		}
		if g := t.Spec.DefaultGeneratedCert; g != nil {
			store.DefaultGeneratedCert = &DynGeneratedCert{Resolver: g.Resolver}
			if g.Domain != nil {
				store.DefaultGeneratedCert.Domain = &DynDomain{Main: g.Domain.Main, SANs: g.Domain.SANs}
			}
		}
		failed := false
		for i, crt := range t.Spec.Certificates {
			k := t.Namespace + "/" + crt.SecretName
			if _, ok := c.certs[k]; ok {
				continue
			}
			cert, key, f := c.certificateBlocks(t.Namespace, crt.SecretName, fmt.Sprintf("spec.certificates[%d].secretName", i))
			if f != nil {
				f.msg = "Failed to load certificates: unable to read secret " + k + ": " + f.msg
				c.add(t, f)
				failed = true
				break
			}
			c.certs[k] = &certEntry{cert: DynCertificate{CertFile: cert, KeyFile: key}, stores: []string{id}}
		}
		if failed {
			continue
		}
		c.tlsStores[id] = store
	}
	if len(nsDefault) > 1 {
		delete(c.tlsStores, defaultTLSName)
		for _, t := range defaults {
			c.reportf(t, "metadata.name", SeverityError, CodeDefaultTLSConflict,
				"keep a single TLSStore named default; Traefik ignores all of them",
				"Default TLS Stores defined in multiple namespaces: %v", sortedCopy(nsDefault))
		}
	}
}

// compileTLSOptions builds the TLS options of every TLSOption.
func (c *compiler) compileTLSOptions() {
	var nsDefault []string
	var defaults []*TLSOption
	for _, o := range c.set.TLSOptions {
		if !c.opts.watches(o.Namespace) {
			continue
		}
		var cas []string
		for i, name := range o.Spec.ClientAuth.SecretNames {
			field := fmt.Sprintf("spec.clientAuth.secretNames[%d]", i)
			secret, ok := c.secrets[nsName{o.Namespace, name}]
			if !ok {
				if !c.absentIsFinding("Secret", o.Namespace) {
					c.add(o, infof(CodeUnresolved, field, "", "Secret %s/%s is not in the input", o.Namespace, name))
					continue
				}
				c.reportf(o, field, SeverityWarning, CodeTLSOptionSecret, "create the Secret or fix the name; the CA is left out",
					"Secret %s/%s does not exist", o.Namespace, name)
				continue
			}
			ca, err := caBlocks(secret)
			if err != "" {
				c.reportf(o, field, SeverityError, CodeSecret, "put the CA in the Secret under tls.ca or ca.crt",
					"Failed to extract CA from secret %s/%s: %s", o.Namespace, name, err)
				continue
			}
			cas = append(cas, ca)
		}
		id := makeID(o.Namespace, o.Name)
		if o.Name == defaultTLSName {
			id = o.Name
			nsDefault = append(nsDefault, o.Namespace)
			defaults = append(defaults, o)
		}
		alpn := defaultALPNProtocols
		if o.Spec.ALPNProtocols != nil {
			alpn = o.Spec.ALPNProtocols
		}
		opt := &DynTLSOptions{
			MinVersion:            o.Spec.MinVersion,
			MaxVersion:            o.Spec.MaxVersion,
			CipherSuites:          o.Spec.CipherSuites,
			CurvePreferences:      o.Spec.CurvePreferences,
			SniStrict:             o.Spec.SniStrict,
			ALPNProtocols:         alpn,
			DisableSessionTickets: o.Spec.DisableSessionTickets,
		}
		if opt.CipherSuites == nil {
			opt.CipherSuites = defaultCipherSuites
		}
		opt.ClientAuth = DynClientAuth{CAFiles: cas, ClientAuthType: o.Spec.ClientAuth.ClientAuthType}
		c.tlsOpts[id] = opt
	}
	if len(nsDefault) > 1 {
		delete(c.tlsOpts, defaultTLSName)
		for _, o := range defaults {
			c.reportf(o, "metadata.name", SeverityError, CodeDefaultTLSConflict,
				"keep a single TLSOption named default; Traefik ignores all of them",
				"Default TLS Options defined in multiple namespaces: %v", sortedCopy(nsDefault))
		}
	}
}

// routeTLSSecret records the certificate of an IngressRoute's
// tls.secretName.
func (c *compiler) routeTLSSecret(ir *IngressRoute) {
	t := ir.Spec.TLS
	if t == nil || t.SecretName == "" {
		return
	}
	k := ir.Namespace + "/" + t.SecretName
	if _, ok := c.certs[k]; ok {
		return
	}
	cert, key, f := c.certificateBlocks(ir.Namespace, t.SecretName, "spec.tls.secretName")
	if f != nil {
		f.msg = "Error configuring TLS: " + f.msg
		c.add(ir, f)
		return
	}
	c.certs[k] = &certEntry{cert: DynCertificate{CertFile: cert, KeyFile: key}}
}

// certificateBlocks reads tls.crt and tls.key from a Secret.
func (c *compiler) certificateBlocks(ns, name, field string) (string, string, *finding) {
	secret, ok := c.secrets[nsName{ns, name}]
	if !ok {
		if !c.absentIsFinding("Secret", ns) {
			return "", "", infof(CodeUnresolved, field, "", "Secret %s/%s is not in the input", ns, name)
		}
		return "", "", errf(CodeSecret, field, "create the Secret or fix the name", "secret %s/%s does not exist", ns, name)
	}
	var missing []string
	crt, okc := secretValue(secret, "tls.crt")
	key, okk := secretValue(secret, "tls.key")
	if !okc {
		missing = append(missing, "tls.crt")
	}
	if !okk {
		missing = append(missing, "tls.key")
	}
	if len(missing) > 0 {
		return "", "", errf(CodeSecret, field, "a TLS Secret holds tls.crt and tls.key",
			"secret %s/%s is missing the following TLS data entries: %s", ns, name, strings.Join(missing, ", "))
	}
	if crt == "" {
		missing = append(missing, "tls.crt")
	}
	if key == "" {
		missing = append(missing, "tls.key")
	}
	if len(missing) > 0 {
		return "", "", errf(CodeSecret, field, "a TLS Secret holds tls.crt and tls.key",
			"secret %s/%s contains the following empty TLS data entries: %s", ns, name, strings.Join(missing, ", "))
	}
	return crt, key, nil
}

// secretValue returns the value of a Secret key, from data or stringData.
func secretValue(s *corev1.Secret, k string) (string, bool) {
	if v, ok := s.Data[k]; ok {
		return string(v), true
	}
	if v, ok := s.StringData[k]; ok {
		return v, true
	}
	return "", false
}

// caBlocks returns the CA of a Secret: tls.ca, else ca.crt. The error is
// Traefik's text, empty when found.
func caBlocks(s *corev1.Secret) (string, string) {
	if v, ok := secretValue(s, "tls.ca"); ok {
		return v, ""
	}
	if v, ok := secretValue(s, "ca.crt"); ok {
		return v, ""
	}
	return "", fmt.Sprintf("secret %s/%s contains neither tls.ca nor ca.crt", s.Namespace, s.Name)
}

// sortedCopy returns a sorted copy of s.
func sortedCopy(s []string) []string {
	out := append([]string(nil), s...)
	sort.Strings(out)
	return out
}
