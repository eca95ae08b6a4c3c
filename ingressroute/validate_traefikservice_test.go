package ingressroute

import (
	"testing"

	vt "github.com/irkit/irkit/internal/validation/validationtest"
	"github.com/irkit/irkit/sticky"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

func TestValidateTraefikService(t *testing.T) {
	web := LoadBalancerSpec{Name: "web", Port: intstr.FromInt32(80)}
	tests := []struct {
		name string
		spec TraefikServiceSpec
		want []vt.Want
	}{
		{name: "weighted", spec: TraefikServiceSpec{Weighted: &WeightedRoundRobin{
			Services: []LoadBalancerSpec{web, {Name: "other@file", Kind: "TraefikService", Weight: ptr(3)}},
			Sticky:   &sticky.Sticky{Cookie: &sticky.Cookie{}},
		}}},
		{name: "mirroring", spec: TraefikServiceSpec{Mirroring: &Mirroring{LoadBalancerSpec: web,
			Mirrors: []MirrorService{{LoadBalancerSpec: web, Percent: 100}}, MaxBodySize: ptr(int64(-1))}}},
		{name: "highest random weight", spec: TraefikServiceSpec{HighestRandomWeight: &HighestRandomWeight{Services: []LoadBalancerSpec{web}}}},
		{name: "failover", spec: TraefikServiceSpec{Failover: &Failover{Service: web, Fallback: web,
			Errors: &FailoverErrors{Status: []string{"500-504", "429"}, MaxRequestBodyBytes: ptr(int64(1024))}}}},
		{name: "no type", spec: TraefikServiceSpec{},
			want: []vt.Want{vt.Error(field.ErrorTypeRequired, "spec")}},
		{name: "two types", spec: TraefikServiceSpec{
			Weighted:  &WeightedRoundRobin{Services: []LoadBalancerSpec{web}},
			Mirroring: &Mirroring{LoadBalancerSpec: web},
		}, want: []vt.Want{vt.Warning(field.ErrorTypeForbidden, "spec.mirroring")}},
		{name: "weighted without services", spec: TraefikServiceSpec{Weighted: &WeightedRoundRobin{}},
			want: []vt.Want{vt.Warning(field.ErrorTypeRequired, "spec.weighted.services")}},
		{name: "weighted service errors", spec: TraefikServiceSpec{Weighted: &WeightedRoundRobin{
			Services: []LoadBalancerSpec{web, {Port: intstr.FromInt32(80), Weight: ptr(-2)}},
			Sticky:   &sticky.Sticky{},
		}}, want: []vt.Want{
			vt.Error(field.ErrorTypeRequired, "spec.weighted.services[1].name"),
			vt.Warning(field.ErrorTypeInvalid, "spec.weighted.services[1].weight"),
			vt.Warning(field.ErrorTypeRequired, "spec.weighted.sticky.cookie"),
		}},
		{name: "mirroring errors", spec: TraefikServiceSpec{Mirroring: &Mirroring{
			LoadBalancerSpec: LoadBalancerSpec{Port: intstr.FromInt32(80)},
			Mirrors:          []MirrorService{{LoadBalancerSpec: web, Percent: 101}, {LoadBalancerSpec: LoadBalancerSpec{Name: "m"}}},
			MaxBodySize:      ptr(int64(-2)),
		}}, want: []vt.Want{
			vt.Error(field.ErrorTypeRequired, "spec.mirroring.name"),
			vt.Error(field.ErrorTypeInvalid, "spec.mirroring.mirrors[0].percent"),
			vt.Error(field.ErrorTypeRequired, "spec.mirroring.mirrors[1].port"),
			vt.Warning(field.ErrorTypeInvalid, "spec.mirroring.maxBodySize"),
		}},
		{name: "highest random weight errors", spec: TraefikServiceSpec{HighestRandomWeight: &HighestRandomWeight{
			Services: []LoadBalancerSpec{{Name: "web", Kind: "Other"}},
		}}, want: []vt.Want{vt.Error(field.ErrorTypeNotSupported, "spec.highestRandomWeight.services[0].kind")}},
		{name: "failover errors", spec: TraefikServiceSpec{Failover: &Failover{
			Service:  web,
			Fallback: LoadBalancerSpec{Port: intstr.FromInt32(80)},
			Errors:   &FailoverErrors{Status: []string{"5xx", "600", "504-500", "1-2-3"}, MaxRequestBodyBytes: ptr(int64(-5))},
		}}, want: []vt.Want{
			vt.Error(field.ErrorTypeRequired, "spec.failover.fallback.name"),
			vt.Error(field.ErrorTypeInvalid, "spec.failover.errors.status[0]"),
			vt.Warning(field.ErrorTypeInvalid, "spec.failover.errors.status[1]"),
			vt.Warning(field.ErrorTypeInvalid, "spec.failover.errors.status[2]"),
			vt.Error(field.ErrorTypeInvalid, "spec.failover.errors.status[3]"),
			vt.Warning(field.ErrorTypeInvalid, "spec.failover.errors.maxRequestBodyBytes"),
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := &TraefikService{ObjectMeta: metav1.ObjectMeta{Name: "svc", Namespace: "default"}, Spec: tt.spec}
			vt.Check(t, validateTraefikService(ts), tt.want...)
		})
	}
}
