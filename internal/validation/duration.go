package validation

import (
	"fmt"
	"strconv"
	"time"

	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// ParseDuration reads a duration as Traefik does: a bare integer is a
// number of seconds, anything else a Go duration ("100ms", "1m30s").
func ParseDuration(s string) (time.Duration, error) {
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		if n > int64(time.Duration(1<<63-1)/time.Second) || n < int64(-(1<<63)/time.Second) {
			return 0, fmt.Errorf("%d seconds is out of range", n)
		}
		return time.Duration(n) * time.Second, nil
	}
	return time.ParseDuration(s)
}

// DurationOf reads an int-or-string duration: an int is a number of
// seconds, a string follows ParseDuration.
func DurationOf(v intstr.IntOrString) (time.Duration, error) {
	if v.Type == intstr.Int {
		return time.Duration(v.IntVal) * time.Second, nil
	}
	return ParseDuration(v.StrVal)
}

// DurationSign says which durations a field accepts besides valid syntax.
type DurationSign int

// Duration signs.
const (
	// AnySign accepts every duration.
	AnySign DurationSign = iota
	// NonNegative warns about a negative duration.
	NonNegative
	// Positive warns about a duration that is zero or negative.
	Positive
)

// ValidateDuration checks a duration written as a string. A value Traefik
// cannot read is an error (it refuses the object that holds it); a value
// of the wrong sign is a warning (Traefik falls back to its default or
// misbehaves at run time).
func ValidateDuration(s string, sign DurationSign, fldPath *field.Path) field.ErrorList {
	d, err := ParseDuration(s)
	if err != nil {
		return field.ErrorList{field.Invalid(fldPath, s,
			"not a duration: write a Go duration such as \"30s\" or \"100ms\", or a whole number of seconds").WithOrigin(OriginDuration)}
	}
	return checkSign(d, s, sign, fldPath)
}

// ValidateIntOrStringDuration checks a duration that may be written as a
// number of seconds or as a string, like ValidateDuration. A nil v is
// valid.
func ValidateIntOrStringDuration(v *intstr.IntOrString, sign DurationSign, fldPath *field.Path) field.ErrorList {
	if v == nil {
		return nil
	}
	if v.Type == intstr.String {
		return ValidateDuration(v.StrVal, sign, fldPath)
	}
	return checkSign(time.Duration(v.IntVal)*time.Second, v.IntVal, sign, fldPath)
}

func checkSign(d time.Duration, bad any, sign DurationSign, fldPath *field.Path) field.ErrorList {
	switch {
	case sign == Positive && d <= 0:
		return field.ErrorList{Warn(field.Invalid(fldPath, bad, "must be positive: Traefik uses its default instead"))}
	case sign == NonNegative && d < 0:
		return field.ErrorList{Warn(field.Invalid(fldPath, bad, "must not be negative"))}
	}
	return nil
}
