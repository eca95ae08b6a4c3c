package ingressroute

import (
	"fmt"
	"time"

	"k8s.io/apimachinery/pkg/util/intstr"
)

// compileServersTransports builds every ServersTransport.
func (c *compiler) compileServersTransports() {
	for _, st := range c.set.ServersTransports {
		if !c.opts.watches(st.Namespace) {
			continue
		}
		spec := st.Spec
		if len(spec.RootCAsSecrets) > 0 {
			c.report(st, "spec.rootCAsSecrets", SeverityWarning, CodeDeprecatedRootCAs,
				"RootCAsSecrets option is deprecated, please use the RootCA option instead.", "write rootCAs: [{secret: NAME}]")
		}
		var rootCAs []string
		for i, name := range spec.RootCAsSecrets {
			if ca, ok := c.loadCASecret(st, st.Namespace, name, fmt.Sprintf("spec.rootCAsSecrets[%d]", i)); ok {
				rootCAs = append(rootCAs, ca)
			}
		}
		for i, ca := range spec.RootCAs {
			field := fmt.Sprintf("spec.rootCAs[%d]", i)
			switch {
			case ca.Secret != nil && ca.ConfigMap != nil:
				c.report(st, field, SeverityError, CodeTransportCA, "Error while loading CA: both Secret and ConfigMap are defined",
					"set either secret or configMap")
			case ca.Secret != nil:
				if v, ok := c.loadCASecret(st, st.Namespace, *ca.Secret, field+".secret"); ok {
					rootCAs = append(rootCAs, v)
				}
			case ca.ConfigMap != nil:
				if v, ok := c.loadCAConfigMap(st, *ca.ConfigMap, field+".configMap"); ok {
					rootCAs = append(rootCAs, v)
				}
			}
		}
		var certs []DynCertificate
		for i, name := range spec.CertificatesSecrets {
			crt, key, f := c.certificateBlocks(st.Namespace, name, fmt.Sprintf("spec.certificatesSecrets[%d]", i))
			if f != nil {
				f.msg = fmt.Sprintf("Error while loading certificates %s: %s", name, f.msg)
				c.add(st, f)
				continue
			}
			certs = append(certs, DynCertificate{CertFile: crt, KeyFile: key})
		}
		ft := &DynForwardingTimeouts{
			DialTimeout:     Duration(30 * time.Second),
			IdleConnTimeout: Duration(90 * time.Second),
			PingTimeout:     Duration(15 * time.Second),
		}
		if t := spec.ForwardingTimeouts; t != nil {
			c.timeout(st, t.DialTimeout, "spec.forwardingTimeouts.dialTimeout", &ft.DialTimeout)
			c.timeout(st, t.ResponseHeaderTimeout, "spec.forwardingTimeouts.responseHeaderTimeout", &ft.ResponseHeaderTimeout)
			c.timeout(st, t.IdleConnTimeout, "spec.forwardingTimeouts.idleConnTimeout", &ft.IdleConnTimeout)
			c.timeout(st, t.ReadIdleTimeout, "spec.forwardingTimeouts.readIdleTimeout", &ft.ReadIdleTimeout)
			c.timeout(st, t.PingTimeout, "spec.forwardingTimeouts.pingTimeout", &ft.PingTimeout)
		}
		out := &DynServersTransport{
			ServerName:          spec.ServerName,
			InsecureSkipVerify:  spec.InsecureSkipVerify,
			RootCAs:             rootCAs,
			Certificates:        certs,
			MaxIdleConnsPerHost: spec.MaxIdleConnsPerHost,
			ForwardingTimeouts:  ft,
			DisableHTTP2:        spec.DisableHTTP2,
			PeerCertURI:         spec.PeerCertURI,
			CipherSuites:        spec.CipherSuites,
			MinVersion:          spec.MinVersion,
			MaxVersion:          spec.MaxVersion,
		}
		for _, san := range spec.PeerCertSANs {
			out.PeerCertSANs = append(out.PeerCertSANs, DynPeerCertSAN(san))
		}
		if spec.Spiffe != nil {
			out.Spiffe = &DynSpiffe{IDs: spec.Spiffe.IDs, TrustDomain: spec.Spiffe.TrustDomain}
		}
		id := Normalize(makeID(st.Namespace, st.Name))
		c.sts[id] = &ServersTransportEntry{Name: id, Config: out, Origin: c.origin(st, "spec")}
	}
}

// timeout reads one forwarding timeout into dst, leaving the default on
// error.
func (c *compiler) timeout(st *ServersTransport, v *intstr.IntOrString, field string, dst *Duration) {
	if v == nil {
		return
	}
	d, f := parseIntOrStringDuration(*v, field)
	c.add(st, f)
	if f != nil && f.sev == SeverityError {
		return
	}
	*dst = d
}

// loadCASecret reads a CA from a Secret: tls.ca, else ca.crt, else its
// only value.
func (c *compiler) loadCASecret(st *ServersTransport, ns, name, field string) (string, bool) {
	s, ok := c.secrets[nsName{ns, name}]
	if !ok {
		if !c.absentIsFinding("Secret", ns) {
			c.add(st, infof(CodeUnresolved, field, "", "Secret %s/%s is not in the input", ns, name))
			return "", false
		}
		c.reportf(st, field, SeverityError, CodeSecret, "create the Secret or fix the name",
			"Error while loading CA Secret: secret '%s/%s' not found", ns, name)
		return "", false
	}
	if v, msg := caBlocks(s); msg == "" {
		return v, true
	}
	if len(s.Data)+len(s.StringData) == 1 {
		for _, v := range s.Data {
			return string(v), true
		}
		for _, v := range s.StringData {
			return v, true
		}
	}
	c.reportf(st, field, SeverityError, CodeSecret, "put the CA under tls.ca or ca.crt",
		"Error while loading CA Secret: could not find CA block: secret %s/%s contains neither tls.ca nor ca.crt", ns, name)
	return "", false
}

// loadCAConfigMap reads a CA from a ConfigMap: tls.ca, else ca.crt.
func (c *compiler) loadCAConfigMap(st *ServersTransport, name, field string) (string, bool) {
	cm, ok := c.configMaps[nsName{st.Namespace, name}]
	if !ok {
		if c.set.Skipped["v1/ConfigMap"] > 0 && len(c.configMaps) == 0 {
			// The Set does not keep ConfigMaps: the CA cannot be read.
			c.add(st, infof(CodeUnresolved, field, "", "ConfigMap %s/%s: irkit does not read ConfigMaps yet, the CA is left out", st.Namespace, name))
			return "", false
		}
		if !c.absentIsFinding("ConfigMap", st.Namespace) {
			c.add(st, infof(CodeUnresolved, field, "", "ConfigMap %s/%s is not in the input", st.Namespace, name))
			return "", false
		}
		c.reportf(st, field, SeverityError, CodeTransportCA, "create the ConfigMap or fix the name",
			"Error while loading CA ConfigMap: configmap '%s/%s' not found", st.Namespace, name)
		return "", false
	}
	for _, k := range []string{"tls.ca", "ca.crt"} {
		if v, ok := cm.Data[k]; ok {
			return v, true
		}
	}
	c.reportf(st, field, SeverityError, CodeTransportCA, "put the CA under tls.ca or ca.crt",
		"Error while loading CA ConfigMap: config map %s/%s contains neither tls.ca nor ca.crt", st.Namespace, name)
	return "", false
}
