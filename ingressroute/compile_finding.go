package ingressroute

import (
	"fmt"

	"k8s.io/apimachinery/pkg/runtime"
)

// finding is a problem found while resolving part of an object, before it
// is known which object and field it is reported on. It is an error
// whose text is Traefik's log text.
type finding struct {
	sev   Severity
	code  string
	field string
	msg   string
	hint  string
}

func (f *finding) Error() string { return f.msg }

// errf returns an error finding at field.
func errf(code, field, hint, format string, args ...any) *finding {
	return &finding{sev: SeverityError, code: code, field: field, msg: fmt.Sprintf(format, args...), hint: hint}
}

// warnf returns a warning finding at field.
func warnf(code, field, hint, format string, args ...any) *finding {
	return &finding{sev: SeverityWarning, code: code, field: field, msg: fmt.Sprintf(format, args...), hint: hint}
}

// infof returns an info finding at field.
func infof(code, field, hint, format string, args ...any) *finding {
	return &finding{sev: SeverityInfo, code: code, field: field, msg: fmt.Sprintf(format, args...), hint: hint}
}

// add reports f on obj; a nil f is ignored.
func (c *compiler) add(obj runtime.Object, f *finding) {
	if f == nil {
		return
	}
	c.report(obj, f.field, f.sev, f.code, f.msg, f.hint)
}

// addAll reports every finding of fs on obj.
func (c *compiler) addAll(obj runtime.Object, fs []*finding) {
	for _, f := range fs {
		c.add(obj, f)
	}
}
