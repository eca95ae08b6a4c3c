package ingressroute_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	corev1 "k8s.io/api/core/v1"
	discoveryv1 "k8s.io/api/discovery/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/runtime/serializer"
	"sigs.k8s.io/yaml"

	"github.com/irkit/irkit/ingressroute"
)

// fullIngressRoute sets every field of an IngressRoute (booleans true,
// numbers non-zero) so that a field with a wrong JSON name or lost on the
// way is caught.
const fullIngressRoute = `
apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: web
  namespace: apps
  annotations:
    kubernetes.io/ingress.class: traefik
spec:
  ingressClassName: traefik
  entryPoints: [web, websecure]
  parentRefs:
  - name: parent
    namespace: infra
  routes:
  - kind: Rule
    match: Host(` + "`example.com`" + `) && PathPrefix(` + "`/api`" + `)
    syntax: v3
    priority: 42
    middlewares:
    - name: auth
      namespace: infra
    observability:
      accessLogs: true
      metrics: false
      tracing: true
      traceVerbosity: detailed
    services:
    - name: api
      namespace: apps
      kind: Service
      port: 8080
      scheme: h2c
      strategy: p2c
      passHostHeader: false
      serversTransport: mytransport
      weight: 0
      nativeLB: true
      nodePortLB: true
      middlewares:
      - name: strip
      responseForwarding:
        flushInterval: 150ms
      sticky:
        cookie:
          name: sess
          secure: true
          httpOnly: true
          sameSite: lax
          maxAge: 3600
          path: /api
          domain: example.com
      healthCheck:
        scheme: https
        mode: grpc
        path: /health
        method: HEAD
        status: 204
        port: 9090
        interval: 10
        unhealthyInterval: 5s
        timeout: 3s
        hostname: health.example.com
        followRedirects: false
        headers:
          X-Probe: irkit
      passiveHealthCheck:
        failureWindow: 30s
        maxFailedAttempts: 3
    - name: named-port
      port: https
      kind: TraefikService
  tls:
    secretName: web-cert
    options:
      name: strict
      namespace: infra
    store:
      name: default
      namespace: infra
    certResolver: le
    domains:
    - main: example.com
      sans: [www.example.com, api.example.com]
`

const fullTraefikServices = `
apiVersion: traefik.io/v1alpha1
kind: TraefikService
metadata:
  name: wrr
  namespace: apps
spec:
  weighted:
    healthCheck: {}
    sticky:
      cookie:
        name: wrr
    services:
    - name: a
      port: 80
      weight: 3
    - name: b
      kind: TraefikService
      weight: 1
---
apiVersion: traefik.io/v1alpha1
kind: TraefikService
metadata:
  name: mirror
  namespace: apps
spec:
  mirroring:
    name: main
    port: 80
    mirrorBody: false
    maxBodySize: 1024
    mirrors:
    - name: shadow
      port: 81
      percent: 10
---
apiVersion: traefik.io/v1alpha1
kind: TraefikService
metadata:
  name: hrw
  namespace: apps
spec:
  highestRandomWeight:
    services:
    - name: a
      port: 80
      weight: 10
---
apiVersion: traefik.io/v1alpha1
kind: TraefikService
metadata:
  name: failover
  namespace: apps
spec:
  failover:
    healthCheck: {}
    service:
      name: main
      port: 80
    fallback:
      name: backup
      kind: TraefikService
    errors:
      status: ["500-504", "404"]
      maxRequestBodyBytes: 1048576
`

const fullTLSOption = `
apiVersion: traefik.io/v1alpha1
kind: TLSOption
metadata:
  name: strict
  namespace: infra
spec:
  minVersion: VersionTLS12
  maxVersion: VersionTLS13
  cipherSuites: [TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256]
  curvePreferences: [CurveP521, CurveP384]
  clientAuth:
    secretNames: [ca1, ca2]
    clientAuthType: RequireAndVerifyClientCert
  sniStrict: true
  alpnProtocols: [h2, http/1.1]
  disableSessionTickets: true
  preferServerCipherSuites: true
`

const fullTLSStore = `
apiVersion: traefik.io/v1alpha1
kind: TLSStore
metadata:
  name: default
  namespace: infra
spec:
  defaultCertificate:
    secretName: default-cert
  defaultGeneratedCert:
    resolver: le
    domain:
      main: example.com
      sans: [www.example.com]
  certificates:
  - secretName: c1
  - secretName: c2
`

const fullServersTransport = `
apiVersion: traefik.io/v1alpha1
kind: ServersTransport
metadata:
  name: mytransport
  namespace: apps
spec:
  serverName: backend.internal
  insecureSkipVerify: true
  rootCAs:
  - secret: ca-secret
  - configMap: ca-configmap
  rootCAsSecrets: [old-ca]
  certificatesSecrets: [client-cert]
  cipherSuites: [TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256]
  minVersion: VersionTLS12
  maxVersion: VersionTLS13
  maxIdleConnsPerHost: 42
  forwardingTimeouts:
    dialTimeout: 42
    responseHeaderTimeout: 42s
    idleConnTimeout: 42ms
    readIdleTimeout: 1m
    pingTimeout: 15s
  disableHTTP2: true
  peerCertURI: spiffe://x
  peerCertSANs:
  - type: DNSName
    value: backend.internal
  spiffe:
    ids: [spiffe://foo/bar]
    trustDomain: spiffe://foo
`

const fullMiddlewares = `
apiVersion: traefik.io/v1alpha1
kind: Middleware
metadata:
  name: chain
  namespace: apps
spec:
  chain:
    middlewares:
    - name: strip
    - name: auth
      namespace: infra
---
apiVersion: traefik.io/v1alpha1
kind: Middleware
metadata:
  name: errpage
  namespace: apps
spec:
  errors:
    status: ["500-599"]
    query: /{status}.html
    service:
      name: errors
      port: 80
---
apiVersion: traefik.io/v1alpha1
kind: Middleware
metadata:
  name: plug
  namespace: apps
spec:
  plugin:
    demo:
      secret: urn:k8s:secret:plugin-secret:token
      nested:
        answer: 42
`

// splitDocs splits multi-document YAML on "---" lines, dropping empty
// documents.
func splitDocs(src string) []string {
	var docs []string
	for _, d := range strings.Split(src, "\n---") {
		if strings.TrimSpace(strings.TrimPrefix(d, "---")) != "" {
			docs = append(docs, d)
		}
	}
	return docs
}

// newObject returns an empty object for a kind, or nil.
func newObject(t *testing.T, kind string) runtime.Object {
	t.Helper()
	switch kind {
	case ingressroute.KindIngressRoute:
		return &ingressroute.IngressRoute{}
	case ingressroute.KindTraefikService:
		return &ingressroute.TraefikService{}
	case ingressroute.KindMiddleware:
		return &ingressroute.Middleware{}
	case ingressroute.KindTLSOption:
		return &ingressroute.TLSOption{}
	case ingressroute.KindTLSStore:
		return &ingressroute.TLSStore{}
	case ingressroute.KindServersTransport:
		return &ingressroute.ServersTransport{}
	}
	return nil
}

// decodeStrict decodes one YAML document into its typed object, refusing
// unknown fields.
func decodeStrict(t *testing.T, doc string) runtime.Object {
	t.Helper()
	var head struct {
		Kind string `json:"kind"`
	}
	require.NoError(t, yaml.Unmarshal([]byte(doc), &head))
	obj := newObject(t, head.Kind)
	require.NotNil(t, obj, "kind %q", head.Kind)
	require.NoError(t, yaml.UnmarshalStrict([]byte(doc), obj))
	return obj
}

// withoutMetadata decodes JSON into a map and drops "metadata" (which
// marshals with extra zero fields such as creationTimestamp: null).
func withoutMetadata(t *testing.T, data []byte) map[string]any {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal(data, &m))
	delete(m, "metadata")
	return m
}

func allFullDocs() []string {
	var docs []string
	for _, src := range []string{fullIngressRoute, fullTraefikServices, fullTLSOption, fullTLSStore, fullServersTransport, fullMiddlewares} {
		docs = append(docs, splitDocs(src)...)
	}
	return docs
}

func TestRoundTrip(t *testing.T) {
	for _, doc := range allFullDocs() {
		obj := decodeStrict(t, doc)
		t.Run(reflect.TypeOf(obj).Elem().Name()+"/"+obj.(interface{ GetName() string }).GetName(), func(t *testing.T) {
			// Nothing written is lost: the JSON of the struct equals the
			// JSON of the YAML (apart from metadata).
			want, err := yaml.YAMLToJSON([]byte(doc))
			require.NoError(t, err)
			got, err := json.Marshal(obj)
			require.NoError(t, err)
			assert.Equal(t, withoutMetadata(t, want), withoutMetadata(t, got))

			// JSON -> struct gives the same struct.
			again := reflect.New(reflect.TypeOf(obj).Elem()).Interface().(runtime.Object)
			require.NoError(t, json.Unmarshal(got, again))
			assert.Equal(t, obj, again)
		})
	}
}

func TestPointersKeepAbsentApartFromZero(t *testing.T) {
	ir := decodeStrict(t, fullIngressRoute).(*ingressroute.IngressRoute)
	svc := ir.Spec.Routes[0].Services[0]
	require.NotNil(t, svc.Weight)
	assert.Equal(t, 0, *svc.Weight)
	require.NotNil(t, svc.PassHostHeader)
	assert.False(t, *svc.PassHostHeader)
	require.NotNil(t, svc.HealthCheck.FollowRedirects)
	assert.False(t, *svc.HealthCheck.FollowRedirects)
	assert.Equal(t, 10, svc.HealthCheck.Interval.IntValue(), "bare integer kept as an int (seconds)")
	assert.Equal(t, "5s", svc.HealthCheck.UnhealthyInterval.String())
	assert.Equal(t, "https", ir.Spec.Routes[0].Services[1].Port.String())

	other := ir.Spec.Routes[0].Services[1]
	assert.Nil(t, other.Weight)
	assert.Nil(t, other.PassHostHeader)
	assert.Nil(t, other.NativeLB)

	ts := decodeStrict(t, splitDocs(fullTraefikServices)[0]).(*ingressroute.TraefikService)
	assert.NotNil(t, ts.Spec.Weighted.HealthCheck, "healthCheck: {} is present")
	assert.Nil(t, ts.Spec.Weighted.Services[0].Sticky)
}

func TestUnknownFieldRefused(t *testing.T) {
	doc := strings.Replace(fullIngressRoute, "    match:", "    mach:", 1)
	var ir ingressroute.IngressRoute
	err := yaml.UnmarshalStrict([]byte(doc), &ir)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `unknown field "mach"`)
}

// TestConformanceFixturesDecodeStrictly decodes every Traefik object of the
// conformance corpus (recorded from Traefik v3.7.9's test suite) refusing
// unknown fields: the types know every field Traefik's own tests use.
func TestConformanceFixturesDecodeStrictly(t *testing.T) {
	files, err := filepath.Glob("../testdata/conformance/crd/fixtures/*.yml")
	require.NoError(t, err)
	if len(files) == 0 {
		t.Skip("no conformance fixtures")
	}
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		for i, doc := range splitDocs(string(data)) {
			var head struct {
				APIVersion string `json:"apiVersion"`
				Kind       string `json:"kind"`
			}
			if err := yaml.Unmarshal([]byte(doc), &head); err != nil || !strings.HasPrefix(head.APIVersion, "traefik.") {
				continue
			}
			obj := newObject(t, head.Kind)
			if obj == nil {
				continue // TCP and UDP kinds
			}
			n++
			assert.NoError(t, yaml.UnmarshalStrict([]byte(doc), obj), "%s document %d (%s)", filepath.Base(f), i, head.Kind)
		}
	}
	assert.Greater(t, n, 100)
}

// mutate changes every leaf reachable from v in place: strings, numbers,
// booleans, byte slices, map values. A copy sharing memory with its
// original would then change the original.
func mutate(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			mutate(v.Elem())
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				mutate(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			mutate(v.Index(i))
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(v.MapIndex(k))
			mutate(e)
			v.SetMapIndex(k, e)
		}
	case reflect.String:
		if v.CanSet() {
			v.SetString(v.String() + "~")
		}
	case reflect.Bool:
		if v.CanSet() {
			v.SetBool(!v.Bool())
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if v.CanSet() {
			v.SetInt(v.Int() + 1)
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if v.CanSet() {
			v.SetUint(v.Uint() + 1)
		}
	}
}

func TestDeepCopyIndependent(t *testing.T) {
	for _, doc := range allFullDocs() {
		obj := decodeStrict(t, doc)
		pristine := decodeStrict(t, doc)
		t.Run(reflect.TypeOf(obj).Elem().Name()+"/"+obj.(interface{ GetName() string }).GetName(), func(t *testing.T) {
			cp := obj.DeepCopyObject()
			require.Equal(t, obj, cp)
			mutate(reflect.ValueOf(cp))
			assert.NotEqual(t, obj, cp, "mutate changed nothing")
			assert.Equal(t, pristine, obj, "mutating the copy changed the original")
		})
	}
}

func TestDeepCopyLists(t *testing.T) {
	ir := decodeStrict(t, fullIngressRoute).(*ingressroute.IngressRoute)
	list := &ingressroute.IngressRouteList{Items: []ingressroute.IngressRoute{*ir}}
	cp := list.DeepCopyObject().(*ingressroute.IngressRouteList)
	require.Equal(t, list, cp)
	mutate(reflect.ValueOf(cp))
	assert.Equal(t, decodeStrict(t, fullIngressRoute), &list.Items[0])

	for _, l := range []runtime.Object{
		&ingressroute.TraefikServiceList{}, &ingressroute.MiddlewareList{}, &ingressroute.TLSOptionList{},
		&ingressroute.TLSStoreList{}, &ingressroute.ServersTransportList{},
	} {
		assert.Equal(t, l, l.DeepCopyObject())
	}
}

func TestSchemeBothGroupVersions(t *testing.T) {
	s := ingressroute.NewScheme()
	want := map[string]runtime.Object{
		ingressroute.KindIngressRoute:     &ingressroute.IngressRoute{},
		ingressroute.KindTraefikService:   &ingressroute.TraefikService{},
		ingressroute.KindMiddleware:       &ingressroute.Middleware{},
		ingressroute.KindTLSOption:        &ingressroute.TLSOption{},
		ingressroute.KindTLSStore:         &ingressroute.TLSStore{},
		ingressroute.KindServersTransport: &ingressroute.ServersTransport{},
	}
	require.Len(t, ingressroute.Kinds(), len(want))
	for _, gv := range []schema.GroupVersion{ingressroute.SchemeGroupVersion, ingressroute.DeprecatedGroupVersion} {
		for _, kind := range ingressroute.Kinds() {
			obj, err := s.New(gv.WithKind(kind))
			require.NoError(t, err, "%s %s", gv, kind)
			assert.IsType(t, want[kind], obj)
			list, err := s.New(gv.WithKind(kind + "List"))
			require.NoError(t, err, "%s %sList", gv, kind)
			assert.NotNil(t, list)
		}
	}
	gvks, _, err := s.ObjectKinds(&ingressroute.IngressRoute{})
	require.NoError(t, err)
	assert.ElementsMatch(t, []schema.GroupVersionKind{
		{Group: "traefik.io", Version: "v1alpha1", Kind: "IngressRoute"},
		{Group: "traefik.containo.us", Version: "v1alpha1", Kind: "IngressRoute"},
	}, gvks)

	for _, gvk := range []schema.GroupVersionKind{
		corev1.SchemeGroupVersion.WithKind("Service"),
		corev1.SchemeGroupVersion.WithKind("Node"),
		corev1.SchemeGroupVersion.WithKind("Secret"),
		corev1.SchemeGroupVersion.WithKind("ConfigMap"),
		discoveryv1.SchemeGroupVersion.WithKind("EndpointSlice"),
	} {
		assert.True(t, s.Recognizes(gvk), "%s", gvk)
	}
}

func TestSchemeDecodesDeprecatedGroup(t *testing.T) {
	codecs := serializer.NewCodecFactory(ingressroute.NewScheme())
	for _, group := range []string{"traefik.io", "traefik.containo.us"} {
		doc := strings.Replace(fullIngressRoute, "traefik.io/v1alpha1", group+"/v1alpha1", 1)
		obj, gvk, err := codecs.UniversalDeserializer().Decode([]byte(doc), nil, nil)
		require.NoError(t, err, group)
		assert.Equal(t, group, gvk.Group)
		ir, ok := obj.(*ingressroute.IngressRoute)
		require.True(t, ok, "%T", obj)
		assert.Equal(t, "web", ir.Name)
		assert.Equal(t, 42, ir.Spec.Routes[0].Priority)
	}
}

func TestMiddlewareReferences(t *testing.T) {
	docs := splitDocs(fullMiddlewares)

	chain := decodeStrict(t, docs[0]).(*ingressroute.Middleware)
	refs, err := chain.References()
	require.NoError(t, err)
	assert.Equal(t, []ingressroute.MiddlewareRef{{Name: "strip"}, {Name: "auth", Namespace: "infra"}}, refs.Chain)
	assert.Nil(t, refs.ErrorsService)
	types, err := chain.Types()
	require.NoError(t, err)
	assert.Equal(t, []string{"chain"}, types)

	errpage := decodeStrict(t, docs[1]).(*ingressroute.Middleware)
	refs, err = errpage.References()
	require.NoError(t, err)
	require.NotNil(t, refs.ErrorsService)
	assert.Equal(t, "errors", refs.ErrorsService.Name)
	assert.Equal(t, 80, refs.ErrorsService.Port.IntValue())

	plug := decodeStrict(t, docs[2]).(*ingressroute.Middleware)
	refs, err = plug.References()
	require.NoError(t, err)
	require.Contains(t, refs.Plugins, "demo")
	assert.True(t, bytes.Contains(refs.Plugins["demo"], []byte("urn:k8s:secret:plugin-secret:token")))

	var empty ingressroute.Middleware
	refs, err = empty.References()
	require.NoError(t, err)
	assert.Equal(t, ingressroute.MiddlewareReferences{}, refs)

	bad := ingressroute.Middleware{Spec: runtime.RawExtension{Raw: []byte(`{"chain":{"middlewares":"x"}}`)}}
	_, err = bad.References()
	assert.Error(t, err)
}

// TestTablesAreCopies checks that the tables of supported values cannot
// be changed through what their functions return.
func TestTablesAreCopies(t *testing.T) {
	for name, tt := range map[string]struct {
		get   func() []string
		first string
	}{
		"Kinds":          {get: ingressroute.Kinds, first: ingressroute.KindIngressRoute},
		"RuleSyntaxes":   {get: ingressroute.RuleSyntaxes, first: "v3"},
		"ServiceSchemes": {get: ingressroute.ServiceSchemes, first: "http"},
	} {
		s := tt.get()
		require.NotEmpty(t, s, name)
		require.Equal(t, tt.first, s[0], name)
		s[0] = "changed"
		assert.Equal(t, tt.first, tt.get()[0], "%s after changing a returned slice", name)
	}
}
