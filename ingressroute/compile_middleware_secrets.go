package ingressroute

import (
	"encoding/json"
)

// middlewareSecrets are the Secret references of a Middleware spec that
// Traefik reads while building the middleware.
type middlewareSecrets struct {
	BasicAuth *struct {
		Secret string `json:"secret"`
	} `json:"basicAuth"`
	DigestAuth *struct {
		Secret string `json:"secret"`
	} `json:"digestAuth"`
	ForwardAuth *struct {
		Address string         `json:"address"`
		TLS     *secretTLSRefs `json:"tls"`
	} `json:"forwardAuth"`
	RateLimit *struct {
		Redis *struct {
			Secret string         `json:"secret"`
			TLS    *secretTLSRefs `json:"tls"`
		} `json:"redis"`
	} `json:"rateLimit"`
}

// secretTLSRefs are a client TLS configuration's Secrets.
type secretTLSRefs struct {
	CASecret   string `json:"caSecret"`
	CertSecret string `json:"certSecret"`
}

// checkMiddlewareSecrets checks the Secrets a Middleware reads, in
// Traefik's order, returning the first problem as Traefik's log message.
func (c *compiler) checkMiddlewareSecrets(m *Middleware) *finding {
	var s middlewareSecrets
	if len(m.Spec.Raw) == 0 || json.Unmarshal(m.Spec.Raw, &s) != nil {
		return nil
	}
	ns := m.Namespace
	if s.BasicAuth != nil && s.BasicAuth.Secret != "" {
		if f := c.secretExists(m, ns, s.BasicAuth.Secret, "spec.basicAuth.secret"); f != nil {
			f.msg = "Error while reading basic auth middleware: " + f.msg
			return f
		}
	}
	if s.DigestAuth != nil && s.DigestAuth.Secret != "" {
		if f := c.secretExists(m, ns, s.DigestAuth.Secret, "spec.digestAuth.secret"); f != nil {
			f.msg = "Error while reading digest auth middleware: " + f.msg
			return f
		}
	}
	if fa := s.ForwardAuth; fa != nil {
		if fa.Address == "" {
			return errf(CodeMiddlewareRef, "spec.forwardAuth.address", "set the address of the authentication server",
				"Error while reading forward auth middleware: forward authentication requires an address")
		}
		if f := c.clientTLSSecrets(m, ns, fa.TLS, "spec.forwardAuth.tls"); f != nil {
			f.msg = "Error while reading forward auth middleware: " + f.msg
			return f
		}
	}
	if rl := s.RateLimit; rl != nil && rl.Redis != nil {
		if f := c.clientTLSSecrets(m, ns, rl.Redis.TLS, "spec.rateLimit.redis.tls"); f != nil {
			f.msg = "Error while reading rateLimit middleware: " + f.msg
			return f
		}
		if rl.Redis.Secret != "" {
			field := "spec.rateLimit.redis.secret"
			if f := c.secretExists(m, ns, rl.Redis.Secret, field); f != nil {
				f.msg = "Error while reading rateLimit middleware: " + f.msg
				return f
			}
			if sec, ok := c.secrets[nsName{ns, rl.Redis.Secret}]; ok {
				_, u := secretValue(sec, "username")
				_, p := secretValue(sec, "password")
				if !u || !p {
					return errf(CodeSecret, field, "put username and password in the Secret",
						"Error while reading rateLimit middleware: secret '%s/%s' must contain both username and password keys", ns, rl.Redis.Secret)
				}
			}
		}
	}
	return nil
}

// clientTLSSecrets checks the CA and certificate Secrets of a client TLS
// configuration.
func (c *compiler) clientTLSSecrets(m *Middleware, ns string, t *secretTLSRefs, base string) *finding {
	if t == nil {
		return nil
	}
	if t.CASecret != "" {
		field := base + ".caSecret"
		if f := c.secretExists(m, ns, t.CASecret, field); f != nil {
			return f
		}
		if sec, ok := c.secrets[nsName{ns, t.CASecret}]; ok {
			if _, msg := caBlocks(sec); msg != "" && len(sec.Data)+len(sec.StringData) != 1 {
				return errf(CodeSecret, field, "put the CA under tls.ca or ca.crt", "failed to load auth ca secret: %s", msg)
			}
		}
	}
	if t.CertSecret != "" {
		if _, _, f := c.certificateBlocks(ns, t.CertSecret, base+".certSecret"); f != nil && f.sev == SeverityError {
			f.msg = "failed to load auth secret: " + f.msg
			return f
		}
	}
	return nil
}

// secretExists returns the error for a Secret a Middleware names that is
// not in the input. With partial input it reports a warning or a note on
// m instead, and returns nil.
func (c *compiler) secretExists(m *Middleware, ns, name, field string) *finding {
	if _, ok := c.secrets[nsName{ns, name}]; ok {
		return nil
	}
	f := c.missingRef("Secret", ns, name, errf(CodeSecret, field, "create the Secret or fix the name", "secret '%s/%s' not found", ns, name))
	if f.sev != SeverityError {
		c.add(m, f)
		return nil
	}
	return f
}
