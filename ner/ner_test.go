package ner

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/marsad-news/marsad/arabic"
	"github.com/marsad-news/marsad/internal/corpustest"
)

const (
	trainFile = "data/camel_train_sentences_DERIVED.csv"
	testFile  = "data/ANERCorp_CamelLab_test.txt"
)

// testFloor is the micro F1 the embedded model reaches on the ANERcorp
// CAMeL test split, minus 0.005.
const testFloor = 0.720

func loadDefault(t testing.TB) *Model {
	t.Helper()
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestAccuracyFloor(t *testing.T) {
	m := loadDefault(t)
	test, err := ReadCoNLLFile(testFile)
	if err != nil {
		t.Fatal(err)
	}
	if len(test) != 925 {
		t.Errorf("test sentences = %d, want 925", len(test))
	}
	s := m.EvaluateSentences(test)
	var buf bytes.Buffer
	s.WriteReport(&buf)
	t.Logf("ANERcorp CAMeL test:\n%s", buf.String())
	if s.Micro.F1 < testFloor {
		t.Errorf("micro F1 = %.4f, want >= %.4f", s.Micro.F1, testFloor)
	}
}

func TestTrainDeterministic(t *testing.T) {
	sents, err := ReadCamelCSVFile(trainFile)
	if err != nil {
		t.Fatal(err)
	}
	sents = RestoreFinalPeriods(sents[:300])
	clusters := loadDefault(t).clusters
	save := func() []byte {
		m, err := Train(sents, TrainOptions{Epochs: 3, Seed: 7, Clusters: &Clusters{table: clusters}})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := m.Save(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	a, b := save(), save()
	if !bytes.Equal(a, b) {
		t.Fatalf("two trainings on the same data differ (%d vs %d bytes)", len(a), len(b))
	}
	// Save and Load round-trip: the loaded model tags as the saved one.
	m, err := Load(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := m.Save(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, again.Bytes()) {
		t.Errorf("Load(Save(m)) saves differently (%d vs %d bytes)", len(a), again.Len())
	}
}

func TestLoadRejectsGarbage(t *testing.T) {
	for _, in := range []string{"", "not gzip", "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"} {
		if _, err := Load(strings.NewReader(in)); err == nil {
			t.Errorf("Load(%q) succeeded, want an error", in)
		}
	}
}

func TestTagStream(t *testing.T) {
	m := loadDefault(t)
	tests := []struct {
		name, in string
		lines    []string // want: token column per line ("" for blank)
	}{
		{"empty", "", nil},
		{"one sentence", "قال\nالرئيس\nالروسي\nفلاديمير\nبوتين\n", []string{"قال", "الرئيس", "الروسي", "فلاديمير", "بوتين"}},
		{"breaks kept", "زار\nموسكو\n\nوصل\nحفتر\n\n\n", []string{"زار", "موسكو", "", "وصل", "حفتر", "", ""}},
		{"extra columns and tabs", "زار\tO\textra\nموسكو B-LOC\n", []string{"زار", "موسكو"}},
		{"no final newline", "بوتين", []string{"بوتين"}},
		{"crlf and spaces", "بوتين\r\n   \r\nموسكو\r\n", []string{"بوتين", "", "موسكو"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := TagStream(m, strings.NewReader(tc.in), &out); err != nil {
				t.Fatal(err)
			}
			got := strings.Split(out.String(), "\n")
			if got[len(got)-1] != "" {
				t.Fatalf("output does not end in a newline: %q", out.String())
			}
			got = got[:len(got)-1]
			if len(got) != len(tc.lines) {
				t.Fatalf("got %d lines %q, want %d", len(got), got, len(tc.lines))
			}
			for i, want := range tc.lines {
				if want == "" {
					if got[i] != "" {
						t.Errorf("line %d = %q, want blank", i+1, got[i])
					}
					continue
				}
				tok, tag, ok := strings.Cut(got[i], "\t")
				if !ok || tok != want {
					t.Errorf("line %d = %q, want %q<TAB>TAG", i+1, got[i], want)
				}
				if _, ok := tagIndex(tag); !ok {
					t.Errorf("line %d tag %q is not in the tag set", i+1, tag)
				}
			}
		})
	}
}

func TestTagStreamBatches(t *testing.T) {
	m := loadDefault(t)
	// More sentences than one batch, a run of blank lines in the middle
	// and a sentence longer than maxSentence: every input line still gets
	// exactly one output line.
	var in strings.Builder
	var want []string
	for s := range 2*streamBatch + 7 {
		for _, w := range []string{"قال", "بوتين", "في", "موسكو"} {
			in.WriteString(w + "\n")
			want = append(want, w)
		}
		in.WriteString("\n")
		want = append(want, "")
		if s == streamBatch {
			in.WriteString("\n\n")
			want = append(want, "", "")
		}
	}
	for range maxSentence + 3 {
		in.WriteString("كلمة\n")
		want = append(want, "كلمة")
	}
	var out bytes.Buffer
	if err := TagStream(m, strings.NewReader(in.String()), &out); err != nil {
		t.Fatal(err)
	}
	got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(got) != len(want) {
		t.Fatalf("got %d lines, want %d", len(got), len(want))
	}
	for i := range want {
		tok, _, _ := strings.Cut(got[i], "\t")
		if tok != want[i] {
			t.Fatalf("line %d = %q, want token %q", i+1, got[i], want[i])
		}
	}
}

func TestTagStreamMatchesTag(t *testing.T) {
	m := loadDefault(t)
	toks := []string{"وصل", "قائد", "قوات", "شرق", "ليبيا", "،", "خليفة", "حفتر", "،", "إلى", "موسكو", "."}
	want := m.Tag(toks)
	var out bytes.Buffer
	if err := TagStream(m, strings.NewReader(strings.Join(toks, "\n")+"\n"), &out); err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
		if got := line[strings.IndexByte(line, '\t')+1:]; got != want[i] {
			t.Errorf("token %d %q: TagStream %q, Tag %q", i, toks[i], got, want[i])
		}
	}
}

func TestTagText(t *testing.T) {
	m := loadDefault(t)
	text := "وصل قائد قوات شرق ليبيا، خليفة حفتر، الثلاثاء إلى موسكو لإجراء مباحثات مع الرئيس الروسي فلاديمير بوتين."
	spans := m.TagText(text)
	checkSpans(t, text, spans)
	found := map[string]string{}
	for _, s := range spans {
		found[s.Text] = string(s.Type)
	}
	for name, typ := range map[string]string{"موسكو": "LOC", "فلاديمير بوتين": "PER", "ليبيا": "LOC"} {
		if found[name] != typ {
			t.Errorf("%s: got type %q, want %s (spans %v)", name, found[name], typ, spans)
		}
	}
}

func checkSpans(t *testing.T, text string, spans []Span) {
	t.Helper()
	// Boundaries: where range over the string stops (a rune start, or an
	// invalid byte on its own), and the end.
	boundary := map[int]bool{len(text): true}
	for i := range text {
		boundary[i] = true
	}
	last := 0
	for _, s := range spans {
		if s.Start < last || s.End <= s.Start || s.End > len(text) {
			t.Fatalf("span %+v out of order or outside the text (len %d)", s, len(text))
		}
		if text[s.Start:s.End] != s.Text {
			t.Fatalf("span %+v: text[Start:End] = %q", s, text[s.Start:s.End])
		}
		if !boundary[s.Start] || !boundary[s.End] {
			t.Fatalf("span %+v does not sit on rune boundaries", s)
		}
		switch s.Type {
		case "PER", "LOC", "ORG", "MISC":
		default:
			t.Fatalf("span %+v has type %q", s, s.Type)
		}
		last = s.End
	}
}

func FuzzTagText(f *testing.F) {
	m := loadDefault(f)
	f.Add("وصل خليفة حفتر إلى موسكو.")
	f.Add("")
	f.Add("\xff\xfe بوتين \u200f\u064b")
	f.Add("«قال السيد محمد» ... 2023/09/26")
	if b, err := os.ReadFile("../../shared/seeds/000_a8c3a090628d7966.txt"); err == nil {
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSpans(t, text, m.TagText(text))
	})
}

func FuzzReadCoNLL(f *testing.F) {
	f.Add("بوتين B-PERS\nقال O\n\nموسكو\tB-LOC\n")
	f.Add("x\n")
	f.Add("a I-XYZ")
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := ReadCoNLL(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, s := range sents {
			if len(s.Tokens) != len(s.Tags) || len(s.Tokens) == 0 {
				t.Fatalf("sentence %+v", s)
			}
			for _, tag := range s.Tags {
				if _, ok := tagIndex(tag); !ok {
					t.Fatalf("tag %q not canonical", tag)
				}
			}
		}
	})
}

func BenchmarkTag(b *testing.B) {
	m := loadDefault(b)
	test, err := ReadCoNLLFile(testFile)
	if err != nil {
		b.Fatal(err)
	}
	tokens := 0
	for _, s := range test {
		tokens += len(s.Tokens)
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := corpustest.CPUTime()
	for b.Loop() {
		for _, s := range test {
			m.Tag(s.Tokens)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	if cpu := corpustest.CPUTime() - cpu0; cpu > 0 {
		// On a loaded machine wall time overstates the cost; CPU time of
		// the process (one goroutine tags) is the fairer measure.
		b.ReportMetric(float64(tokens)*float64(b.N)/cpu.Seconds(), "tokens/cpu-s")
	}
}

// BenchmarkTagText tags the test split as running text: tokenizing,
// sentence splitting and the document memory across sentences included.
func BenchmarkTagText(b *testing.B) {
	m := loadDefault(b)
	test, err := ReadCoNLLFile(testFile)
	if err != nil {
		b.Fatal(err)
	}
	var text strings.Builder
	for _, s := range test {
		text.WriteString(strings.Join(s.Tokens, " "))
		text.WriteString("\n")
	}
	tokens := len(arabic.Tokenize(text.String()))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := corpustest.CPUTime()
	for b.Loop() {
		m.TagText(text.String())
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	if cpu := corpustest.CPUTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(tokens)*float64(b.N)/cpu.Seconds(), "tokens/cpu-s")
	}
}

func TestSplitTenths(t *testing.T) {
	sents := make([]Sentence, 1000)
	for i := range sents {
		sents[i] = Sentence{Tokens: []string{strconv.Itoa(i)}, Tags: []string{"O"}}
	}
	first := func(ss []Sentence) string { return ss[0].Tokens[0] }
	tests := []struct {
		tenths     []int
		contiguous bool
		held       int
		firstHeld  string
	}{
		{[]int{0}, false, 100, "0"},        // blocks 0–49, 500–549
		{[]int{1, 9}, false, 200, "50"},    // 50–99, 450–499, 550–599, 950–999
		{[]int{2}, true, 100, "200"},       // sentences 200–299
		{[]int{2, 4, 9}, true, 300, "200"}, // 200–299, 400–499, 900–999
	}
	for _, tt := range tests {
		train, held := SplitTenths(sents, tt.tenths, tt.contiguous)
		if len(held) != tt.held || len(train)+len(held) != len(sents) {
			t.Errorf("SplitTenths(%v, contiguous %v): %d held, %d train; want %d held of %d", tt.tenths, tt.contiguous, len(held), len(train), tt.held, len(sents))
			continue
		}
		if got := first(held); got != tt.firstHeld {
			t.Errorf("SplitTenths(%v, contiguous %v): first held sentence %s, want %s", tt.tenths, tt.contiguous, got, tt.firstHeld)
		}
	}
	if _, held := SplitTenths(sents, []int{9}, true); first(held) != "900" || held[len(held)-1].Tokens[0] != "999" {
		t.Errorf("contiguous tenth 9 holds %s–%s, want 900–999", first(held), held[len(held)-1].Tokens[0])
	}
}
