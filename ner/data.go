package ner

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Sentence is one tagged sentence: Tags[i] is the BIO tag of Tokens[i].
type Sentence struct {
	Tokens, Tags []string
}

// maxLine bounds one input line; a longer line is an error, not an
// allocation the size of the input.
const maxLine = 1 << 20

// ReadCoNLL reads sentences in the CoNLL layout: one "token TAG" or
// "token\tTAG" per line (columns after the second are ignored), a blank line
// between sentences. ANERcorp's PERS is read as PER. A line with a single
// column is an error: a tagger's training data must be tagged.
func ReadCoNLL(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	var out []Sentence
	var cur Sentence
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		fields := strings.Fields(text)
		if len(fields) == 0 {
			if len(cur.Tokens) > 0 {
				out = append(out, cur)
				cur = Sentence{}
			}
			continue
		}
		if len(fields) < 2 {
			return nil, fmt.Errorf("ner: conll line %d: want \"token TAG\", got %q", line, text)
		}
		tag, err := canonicalTag(fields[1])
		if err != nil {
			return nil, fmt.Errorf("ner: conll line %d: %w", line, err)
		}
		cur.Tokens = append(cur.Tokens, fields[0])
		cur.Tags = append(cur.Tags, tag)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("ner: conll line %d: %w", line+1, err)
	}
	if len(cur.Tokens) > 0 {
		out = append(out, cur)
	}
	return out, nil
}

// ReadCamelCSV reads the CAMeL Lab ANERcorp train split as republished in
// CSV form: columns index,num_words,sentence,entities, where sentence is the
// space-joined tokens and entities a Python list literal of IOB tags
// ("['B-LOC', 'O', …]"). The header row is skipped.
func ReadCamelCSV(r io.Reader) ([]Sentence, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	var out []Sentence
	for row := 1; ; row++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("ner: camel csv: %w", err)
		}
		if row == 1 && len(rec) >= 3 && rec[2] == "sentence" {
			continue
		}
		if len(rec) < 4 {
			return nil, fmt.Errorf("ner: camel csv row %d: want 4 columns, got %d", row, len(rec))
		}
		toks := strings.Fields(rec[2])
		tags, err := parsePyList(rec[3])
		if err != nil {
			return nil, fmt.Errorf("ner: camel csv row %d: %w", row, err)
		}
		if len(toks) != len(tags) {
			return nil, fmt.Errorf("ner: camel csv row %d: %d tokens but %d tags", row, len(toks), len(tags))
		}
		if len(toks) == 0 {
			continue
		}
		out = append(out, Sentence{Tokens: toks, Tags: tags})
	}
	return out, nil
}

// parsePyList parses "['B-LOC', 'O']" into canonical tags.
func parsePyList(s string) ([]string, error) {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "[") || !strings.HasSuffix(s, "]") {
		return nil, fmt.Errorf("tag list %.40q is not a [...] list", s)
	}
	s = strings.TrimSpace(s[1 : len(s)-1])
	if s == "" {
		return nil, nil
	}
	parts := strings.Split(s, ",")
	tags := make([]string, 0, len(parts))
	for _, p := range parts {
		p = strings.Trim(strings.TrimSpace(p), `'"`)
		tag, err := canonicalTag(p)
		if err != nil {
			return nil, err
		}
		tags = append(tags, tag)
	}
	return tags, nil
}

// canonicalTag validates a BIO tag and maps ANERcorp's PERS to PER.
func canonicalTag(t string) (string, error) {
	if t == "O" {
		return "O", nil
	}
	if len(t) < 3 || (t[0] != 'B' && t[0] != 'I') || t[1] != '-' {
		return "", fmt.Errorf("bad BIO tag %q", t)
	}
	switch t[2:] {
	case "PER", "PERS":
		return t[:2] + "PER", nil
	case "LOC", "ORG", "MISC":
		return t, nil
	}
	return "", fmt.Errorf("unknown entity type in tag %q", t)
}

// SplitTenths divides the train split for development runs: held is the
// tenths of sentences named by tenths, train the rest.
//
// Interleaved tenths are blocks of 50 sentences, every tenth one
// ((i/50)%10); contiguous tenths are the ten runs of consecutive
// sentences. Why both: ANERcorp's stories recur in neighbouring articles,
// so an interleaved block shares names with the blocks around it (56% of
// the entity spans of tenths 1, 5 and 9 are spelled as some span of the
// rest of the split), where the test file shares fewer (42%) and so do
// contiguous tenths (2, 4 and 9: 40–48%). A feature that helps the model
// remember names it has seen scores better on interleaved tenths than it
// will on text it has not seen.
func SplitTenths(sents []Sentence, tenths []int, contiguous bool) (train, held []Sentence) {
	n := len(sents)
	for i, s := range sents {
		tenth := (i / 50) % 10
		if contiguous {
			tenth = i * 10 / n
		}
		if slices.Contains(tenths, tenth) {
			held = append(held, s)
		} else {
			train = append(train, s)
		}
	}
	return train, held
}
