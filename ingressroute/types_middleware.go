package ingressroute

import (
	"bytes"
	"encoding/json"
	"sort"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
)

// Middleware is Traefik's HTTP middleware resource (kind Middleware of
// traefik.io/v1alpha1). Its spec is kept as raw JSON; References reads the
// parts that name other objects.
//
// +k8s:deepcopy-gen=true
// +k8s:deepcopy-gen:interfaces=k8s.io/apimachinery/pkg/runtime.Object
type Middleware struct {
	metav1.TypeMeta `json:",inline"`
	// ObjectMeta is the standard object metadata.
	metav1.ObjectMeta `json:"metadata"`

	// Spec is the middleware configuration as written: a JSON object with
	// one key per middleware type ("chain", "errors", "plugin", …). Raw is
	// nil when the spec is absent or null.
	Spec runtime.RawExtension `json:"spec"`
}

// MiddlewareList is a list of Middlewares.
//
// +k8s:deepcopy-gen=true
// +k8s:deepcopy-gen:interfaces=k8s.io/apimachinery/pkg/runtime.Object
type MiddlewareList struct {
	metav1.TypeMeta `json:",inline"`
	// ListMeta is the standard list metadata.
	metav1.ListMeta `json:"metadata"`

	// Items are the Middlewares.
	Items []Middleware `json:"items"`
}

// MiddlewareReferences are the references to other objects inside a
// Middleware's spec, those Traefik resolves when it loads the middleware.
//
// +k8s:deepcopy-gen=true
type MiddlewareReferences struct {
	// Chain lists the middlewares of a `chain` middleware, in order
	// (spec.chain.middlewares).
	Chain []MiddlewareRef
	// ErrorsService is the service of an `errors` middleware
	// (spec.errors.service), nil when there is none.
	ErrorsService *LoadBalancerSpec
	// Plugins maps each plugin name to its raw JSON configuration
	// (spec.plugin.<name>); values of the form
	// "urn:k8s:secret:<name>:<key>" in it name Secrets.
	Plugins map[string]json.RawMessage
}

// middlewareRefSpec is the part of a Middleware spec that References reads.
type middlewareRefSpec struct {
	Chain *struct {
		Middlewares []MiddlewareRef `json:"middlewares"`
	} `json:"chain"`
	Errors *struct {
		Service *LoadBalancerSpec `json:"service"`
	} `json:"errors"`
	Plugin map[string]json.RawMessage `json:"plugin"`
}

// References returns the references inside the spec. An absent or null
// spec has none; a spec that is not a JSON object, or whose chain, errors
// or plugin parts have the wrong shape, returns an error (and no
// references).
func (m *Middleware) References() (MiddlewareReferences, error) {
	var refs MiddlewareReferences
	raw := bytes.TrimSpace(m.Spec.Raw)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return refs, nil
	}
	var s middlewareRefSpec
	if err := json.Unmarshal(raw, &s); err != nil {
		return refs, err
	}
	if s.Chain != nil {
		refs.Chain = s.Chain.Middlewares
	}
	if s.Errors != nil {
		refs.ErrorsService = s.Errors.Service
	}
	refs.Plugins = s.Plugin
	return refs, nil
}

// Types returns the keys of the spec (the middleware types it configures,
// normally exactly one), sorted. It returns nil for an absent spec and an
// error when the spec is not a JSON object.
func (m *Middleware) Types() ([]string, error) {
	raw := bytes.TrimSpace(m.Spec.Raw)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return nil, nil
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		return nil, err
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys, nil
}
