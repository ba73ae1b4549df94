package marsad

import (
	"errors"
	"fmt"
)

// Error codes, after the wtf application: every error a user can act on has
// one of these; anything else is internal.
const (
	ENOTFOUND = "not_found"
	EINVALID  = "invalid"
	ECONFLICT = "conflict"
	EINTERNAL = "internal"
)

// Error is an error with a code that the HTTP layer maps to a status and the
// CLI to a message.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with the code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err, EINTERNAL for errors without one and ""
// for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// InputError reports an input that marsad could not read: the file, URL or
// record it names, and why. Its message is one line, as the CLI prints it.
type InputError struct {
	Input string // file path, URL or "file.zip:member"
	Err   error
}

func (e *InputError) Error() string { return e.Input + ": " + e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// Reasons an input is rejected; wrap them in an InputError.
var (
	ErrEmpty       = errors.New("empty input")
	ErrBinary      = errors.New("binary data, not text")
	ErrInvalidUTF8 = errors.New("invalid UTF-8 and no known legacy encoding")
	ErrTooLarge    = errors.New("too large")
	ErrNotArabic   = errors.New("not Arabic text")
	ErrNoBody      = errors.New("no article text found")
	ErrMalformed   = errors.New("malformed")
)
