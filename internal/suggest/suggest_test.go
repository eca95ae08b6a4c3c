package suggest

import "testing"

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{a: "", b: "", want: 0},
		{a: "abc", b: "", want: 3},
		{a: "mach", b: "match", want: 1},
		{a: "kitten", b: "sitting", want: 3},
		{a: "priority", b: "priorty", want: 1},
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := Distance(tt.b, tt.a); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestClosest(t *testing.T) {
	fields := []string{"match", "kind", "priority", "services", "middlewares", "syntax"}
	tests := []struct{ name, want, reason string }{
		{name: "mach", want: "match", reason: "one deletion"},
		{name: "Match", want: "match", reason: "case only"},
		{name: "prority", want: "priority", reason: "one deletion in a long name"},
		{name: "service", want: "services", reason: "missing plural"},
		{name: "foo", want: "", reason: "nothing close"},
		{name: "x", want: "", reason: "too short to guess"},
	}
	for _, tt := range tests {
		if got := Closest(tt.name, fields); got != tt.want {
			t.Errorf("Closest(%q) = %q, want %q (%s)", tt.name, got, tt.want, tt.reason)
		}
	}
}
