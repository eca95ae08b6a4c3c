package ingressroute

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestParseDuration(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want time.Duration
		err  bool
	}{
		{in: "100ms", want: 100 * time.Millisecond},
		{in: "100", want: 100 * time.Second},
		{in: "1m30s", want: 90 * time.Second},
		{in: "-1s", want: -time.Second},
		{in: "soon", err: true},
	} {
		got, err := ParseDuration(tc.in)
		if (err != nil) != tc.err || (err == nil && time.Duration(got) != tc.want) {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v (error %v)", tc.in, got, err, tc.want, tc.err)
		}
	}
}

func TestDurationJSON(t *testing.T) {
	var d Duration
	for in, want := range map[string]time.Duration{`"42ms"`: 42 * time.Millisecond, `42`: 42 * time.Second, `"42"`: 42 * time.Second} {
		if err := json.Unmarshal([]byte(in), &d); err != nil || time.Duration(d) != want {
			t.Errorf("unmarshal %s = %v, %v; want %v", in, d, err, want)
		}
	}
	if err := json.Unmarshal([]byte(`true`), &d); err == nil {
		t.Error("unmarshal true: want an error")
	}
}

func TestDynamicEncoding(t *testing.T) {
	f, yes := false, true
	zero := 0
	d := &Dynamic{HTTP: &DynamicHTTP{Services: map[string]*DynService{
		"s": {LoadBalancer: &DynLoadBalancer{
			PassHostHeader:     &f,
			ResponseForwarding: &DynResponseForwarding{FlushInterval: Duration(100 * time.Millisecond)},
			HealthCheck:        &DynHealthCheck{FollowRedirects: &yes, Interval: Duration(100 * time.Second)},
		}},
		"w": {Weighted: &DynWeighted{Services: []DynWeightedService{{Name: "s", Weight: &zero}}}},
	}}, TLS: &DynamicTLS{}}
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"passHostHeader":false`, `"flushInterval":"100ms"`, `"interval":"1m40s"`, `"followRedirects":true`, `"weight":0`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("JSON %s lacks %s", b, want)
		}
	}
	y, err := d.YAML()
	if err != nil || !strings.Contains(string(y), "flushInterval: 100ms") {
		t.Errorf("YAML = %s, %v", y, err)
	}
}
