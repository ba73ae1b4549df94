package marsad

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"
)

// Date is a point in time with the precision the source gave it. The zero
// Date means unknown and marshals to JSON null.
//
// A Date with Granularity Day prints as "2023-09-26"; with Minute as RFC 3339
// ("2023-09-26T21:15:00Z"); with Month as "2023-09"; with Year as "2023".
type Date struct {
	Time        time.Time
	Granularity Granularity
}

// DayDate returns a Date known to the day.
func DayDate(year int, month time.Month, day int) Date {
	return Date{Time: time.Date(year, month, day, 0, 0, 0, 0, time.UTC), Granularity: Day}
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Time.IsZero() || d.Granularity == "" }

// String formats the date at its own precision; "" when unknown.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	switch d.Granularity {
	case Year:
		return d.Time.Format("2006")
	case Month:
		return d.Time.Format("2006-01")
	case Minute:
		return d.Time.Format(time.RFC3339)
	default:
		return d.Time.Format("2006-01-02")
	}
}

// MarshalJSON writes the date at its precision, or null when unknown.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

// UnmarshalJSON reads what MarshalJSON writes.
func (d *Date) UnmarshalJSON(b []byte) error {
	if bytes.Equal(b, []byte("null")) {
		*d = Date{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	p, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = p
	return nil
}

// ParseDate reads a date in one of the forms String writes. The empty string
// is the zero Date.
func ParseDate(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	layouts := []struct {
		layout string
		g      Granularity
	}{
		{time.RFC3339, Minute},
		{"2006-01-02", Day},
		{"2006-01", Month},
		{"2006", Year},
	}
	for _, l := range layouts {
		if t, err := time.Parse(l.layout, s); err == nil {
			return Date{Time: t, Granularity: l.g}, nil
		}
	}
	return Date{}, fmt.Errorf("parse date %q: not RFC 3339, YYYY-MM-DD, YYYY-MM or YYYY", s)
}

// nullable maps "" to JSON null; used by Article's JSON form.
func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// MarshalJSON writes unknown strings as null, never "", as the analyze and
// API outputs promise.
func (a Article) MarshalJSON() ([]byte, error) {
	type plain Article // drops the method, keeps the tags
	return json.Marshal(struct {
		plain
		Title    *string `json:"title"`
		Outlet   *string `json:"outlet"`
		Author   *string `json:"author"`
		Dateline *string `json:"dateline"`
		Language *string `json:"language"`
		File     *string `json:"file,omitempty"`
		URL      *string `json:"url,omitempty"`
	}{
		plain:    plain(a),
		Title:    nullable(a.Title),
		Outlet:   nullable(a.Outlet),
		Author:   nullable(a.Author),
		Dateline: nullable(a.Dateline),
		Language: nullable(a.Language),
		File:     nullable(a.File),
		URL:      nullable(a.URL),
	})
}
