package timex

import (
	"time"

	"github.com/hablullah/go-hijri"
)

// Hijri dates are converted with the Umm al-Qura calendar, the one Saudi
// and most Gulf outlets print. Its tables cover 1356–1500 AH; outside that
// the arithmetic (tabular) calendar is used, which can differ by a day or
// two from local sighting.

// hijriToGregorian returns the Gregorian day of Hijri y/m/d.
func hijriToGregorian(y, m, d int) (t time.Time, ok bool) {
	if y < 1 || y > 2000 || m < 1 || m > 12 || d < 1 || d > 30 {
		return time.Time{}, false
	}
	defer func() {
		// go-hijri indexes its table without bounds checks.
		if recover() != nil {
			t, ok = time.Time{}, false
		}
	}()
	if y >= 1357 && y <= 1499 {
		t = hijri.UmmAlQuraDate{Year: int64(y), Month: int64(m), Day: int64(d)}.ToGregorian()
	} else {
		t = hijri.HijriDate{Year: int64(y), Month: int64(m), Day: int64(d)}.ToGregorian()
	}
	t = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return t, true
}

// hijriMonthSpan returns the Gregorian days [from, to) of Hijri month m of
// year y.
func hijriMonthSpan(y, m int) (from, to time.Time, ok bool) {
	from, ok = hijriToGregorian(y, m, 1)
	if !ok {
		return
	}
	ny, nm := y, m+1
	if nm > 12 {
		ny, nm = y+1, 1
	}
	to, ok = hijriToGregorian(ny, nm, 1)
	return
}

// anchorHijri returns the Umm al-Qura year and month of the anchor day.
func anchorHijri(anchor time.Time) (year, month int, ok bool) {
	d, err := hijri.CreateUmmAlQuraDate(anchor)
	if err != nil {
		return 0, 0, false
	}
	return int(d.Year), int(d.Month), true
}
