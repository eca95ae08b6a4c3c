package sticky

import "testing"

func TestCookieName(t *testing.T) {
	for _, tc := range []struct {
		service string
		want    string
	}{
		{service: "default-whoami-80@kubernetescrd", want: "_9fb22"},
	} {
		if got := CookieName(tc.service); got != tc.want {
			t.Errorf("CookieName(%q) = %q, want %q", tc.service, got, tc.want)
		}
		if got := CookieName(tc.service); len(got) != 6 || got[0] != '_' {
			t.Errorf("CookieName(%q) = %q: want _ and 5 hex digits", tc.service, got)
		}
	}
}
