package sticky

// Sticky is the sticky-session configuration of a load balancer. Traefik
// v3.7 only knows cookie-based stickiness; a Sticky without a Cookie does
// not enable it.
//
// +k8s:deepcopy-gen=true
type Sticky struct {
	// Cookie configures the cookie that pins a client to a server.
	Cookie *Cookie `json:"cookie,omitempty"`
}

// Cookie configures the sticky-session cookie.
//
// +k8s:deepcopy-gen=true
type Cookie struct {
	// Name is the cookie name. Empty (the default) lets Traefik generate one
	// when it runs: "_" + the first 5 hex digits of
	// sha1("_TRAEFIK_BACKEND_" + service name).
	Name string `json:"name,omitempty"`
	// Secure marks the cookie Secure. Default false.
	Secure bool `json:"secure,omitempty"`
	// HTTPOnly marks the cookie HttpOnly. Default false.
	HTTPOnly bool `json:"httpOnly,omitempty"`
	// SameSite is the SameSite attribute: "none", "lax", "strict" or empty
	// (no attribute, the default).
	SameSite string `json:"sameSite,omitempty" validate:"omitempty,oneof=none lax strict None Lax Strict"`
	// MaxAge is the cookie lifetime in seconds: negative expires the cookie
	// at once, 0 (the default) sets no Max-Age.
	MaxAge int `json:"maxAge,omitempty"`
	// Path is the cookie Path attribute. Nil means the default "/".
	Path *string `json:"path,omitempty"`
	// Domain is the cookie Domain attribute. Default empty (host only).
	Domain string `json:"domain,omitempty"`
}
