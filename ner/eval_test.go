package ner

import (
	"bytes"
	"strings"
	"testing"
)

func TestEvaluate(t *testing.T) {
	tests := []struct {
		name                string
		gold, pred          []string
		gold_, pred_, right int
	}{
		{"exact", []string{"B-PER", "I-PER", "O", "B-LOC"}, []string{"B-PER", "I-PER", "O", "B-LOC"}, 2, 2, 2},
		{"short span is wrong", []string{"B-PER", "I-PER", "O"}, []string{"B-PER", "O", "O"}, 1, 1, 0},
		{"wrong type", []string{"B-ORG", "I-ORG"}, []string{"B-LOC", "I-LOC"}, 1, 1, 0},
		{"I after O opens a chunk", []string{"O", "B-LOC"}, []string{"O", "I-LOC"}, 1, 1, 1},
		{"adjacent B splits", []string{"B-LOC", "B-LOC"}, []string{"B-LOC", "I-LOC"}, 2, 1, 0},
		{"type change inside I", []string{"B-PER", "I-PER"}, []string{"B-PER", "I-LOC"}, 1, 2, 0},
		{"missing prediction is O", []string{"O", "B-MISC"}, []string{"O"}, 1, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := Evaluate([][]string{tc.gold}, [][]string{tc.pred})
			got := s.Micro.Counts
			want := Counts{Gold: tc.gold_, Pred: tc.pred_, Correct: tc.right}
			if got != want {
				t.Errorf("counts = %+v, want %+v", got, want)
			}
		})
	}
}

func TestWriteReport(t *testing.T) {
	s := Evaluate([][]string{{"B-PER", "I-PER", "O", "B-LOC"}}, [][]string{{"B-PER", "I-PER", "O", "B-ORG"}})
	var buf bytes.Buffer
	s.WriteReport(&buf)
	out := buf.String()
	for _, want := range []string{"processed 4 tokens with 2 phrases; found: 2 phrases; correct: 1.", "FB1:  50.00", "PER: precision: 100.00%"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

func TestReadCamelCSV(t *testing.T) {
	in := ",num_words,sentence,entities\n" +
		"0,3,زار بوتين موسكو,\"['O', 'B-PERS', 'B-LOC']\"\n" +
		"1,1,قال,['O']\n"
	sents, err := ReadCamelCSV(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2 {
		t.Fatalf("got %d sentences, want 2", len(sents))
	}
	if got := strings.Join(sents[0].Tags, " "); got != "O B-PER B-LOC" {
		t.Errorf("tags = %q, want PERS mapped to PER", got)
	}
	bad := []string{
		"0,2,زار بوتين,\"['O']\"\n",
		"0,1,زار,\"['B-FOO']\"\n",
		"0,1,زار,O\n",
	}
	for _, in := range bad {
		if _, err := ReadCamelCSV(strings.NewReader(in)); err == nil {
			t.Errorf("ReadCamelCSV(%q) succeeded, want an error", in)
		}
	}
}

func TestReadCoNLL(t *testing.T) {
	in := "بوتين B-PERS extra\nقال\tO\n\n\nموسكو B-LOC\n"
	sents, err := ReadCoNLL(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2 || strings.Join(sents[0].Tags, " ") != "B-PER O" || sents[1].Tokens[0] != "موسكو" {
		t.Errorf("got %+v", sents)
	}
	if _, err := ReadCoNLL(strings.NewReader("بوتين\n")); err == nil {
		t.Error("a line without a tag was accepted")
	}
}

func TestRestoreFinalPeriods(t *testing.T) {
	in := []Sentence{{Tokens: []string{"قال", "بوتين"}, Tags: []string{"O", "B-PER"}}, {Tokens: []string{"قال", "."}, Tags: []string{"O", "O"}}}
	out := RestoreFinalPeriods(in)
	if len(out[0].Tokens) != 3 || out[0].Tokens[2] != "." || out[0].Tags[2] != "O" || len(out[1].Tokens) != 2 {
		t.Errorf("got %+v", out)
	}
	if len(in[0].Tokens) != 2 {
		t.Error("input was modified")
	}
}

// A word tagged alone as a name of one type at least twice, and more often
// than left out, is that name where the tagger left it out too.
func TestEnforceConsistency(t *testing.T) {
	word := func(w string) tokInfo { return tokInfo{word: hashString(w), memKey: hashString(w)} }
	col := func(tag string) uint8 { k, _ := tagIndex(tag); return uint8(k) }
	tests := []struct {
		name  string
		sents [][]string // word/TAG
		want  string     // the tags of the last sentence after the rule
	}{
		{"two votes beat one miss", [][]string{{"رامسفيلد/B-PER", "قال/O"}, {"أكد/O", "رامسفيلد/B-PER"}, {"وقال/O", "رامسفيلد/O"}}, "O B-PER"},
		{"one vote is not enough", [][]string{{"رامسفيلد/B-PER", "قال/O"}, {"وقال/O", "رامسفيلد/O"}}, "O O"},
		{"misses outvote names", [][]string{{"رامسفيلد/B-PER"}, {"رامسفيلد/B-PER"}, {"رامسفيلد/O"}, {"رامسفيلد/O"}, {"وقال/O", "رامسفيلد/O"}}, "O O"},
		{"a word right after a name stays", [][]string{{"رامسفيلد/B-PER"}, {"رامسفيلد/B-PER"}, {"دونالد/B-PER", "رامسفيلد/O"}}, "B-PER O"},
		{"a word inside a longer name does not vote", [][]string{{"دونالد/B-PER", "رامسفيلد/I-PER"}, {"دونالد/B-PER", "رامسفيلد/I-PER"}, {"وقال/O", "رامسفيلد/O"}}, "O O"},
		{"unremembered words stay", [][]string{{"في/B-LOC"}, {"في/B-LOC"}, {"في/O"}}, "O"},
		{"a lone type gives way to the majority", [][]string{{"داعش/B-ORG"}, {"داعش/B-ORG"}, {"وقال/O", "داعش/B-LOC"}}, "O B-ORG"},
		{"a tie keeps the type", [][]string{{"داعش/B-ORG"}, {"داعش/B-LOC"}, {"وقال/O", "داعش/B-LOC"}}, "O B-LOC"},
	}
	for _, tt := range tests {
		var doc [][]tokInfo
		var tags [][]uint8
		for _, s := range tt.sents {
			var infos []tokInfo
			var tg []uint8
			for _, wt := range s {
				w, tag, _ := strings.Cut(wt, "/")
				ti := word(w)
				if w == "في" {
					ti.memKey = 0 // a stopword is not rememberable
				}
				infos = append(infos, ti)
				tg = append(tg, col(tag))
			}
			doc = append(doc, infos)
			tags = append(tags, tg)
		}
		enforceConsistency(doc, tags, nil)
		var got []string
		for _, k := range tags[len(tags)-1] {
			got = append(got, Tags[k])
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, g, tt.want)
		}
	}
}
