package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/arabic"
)

// Span is an entity found in a text. Start and End are byte offsets:
// text[Start:End] == Text.
type Span struct {
	Start, End int
	Type       marsad.EntityType
	Text       string
}

// TagText tokenizes text with arabic.Tokenize, tags it sentence by sentence
// (arabic.Sentences) and returns the entities in text order. A span runs
// from the start of its first token to the end of its last, so it keeps the
// attached clitics of its words (بروسيا, not روسيا) and any spacing
// between them as it stands in the text.
func (m *Model) TagText(text string) []Span {
	toks := arabic.Tokenize(text)
	if len(toks) == 0 {
		return nil
	}
	type piece struct{ from, to int }
	var pieces []piece
	var words [][]string
	for _, s := range arabic.Sentences(text, toks) {
		for from := s.From; from < s.To; from += maxSentence {
			to := min(from+maxSentence, s.To)
			ws := make([]string, to-from)
			for i, tok := range toks[from:to] {
				ws[i] = tok.Text
			}
			pieces = append(pieces, piece{from, to})
			words = append(words, ws)
		}
	}
	var spans []Span
	for p, tags := range m.tagDocument(words) {
		from := pieces[p].from
		for _, c := range chunkIndexes(tags) {
			start, end := toks[from+c.From].Start, toks[from+c.To-1].End
			spans = append(spans, Span{Start: start, End: end, Type: marsad.EntityType(c.Type), Text: text[start:end]})
		}
	}
	return spans
}

// maxSentence bounds the tokens tagged as one sentence: text without
// sentence breaks (a table, a list) is tagged in pieces of this size so
// that memory stays bounded. Real sentences are far shorter.
const maxSentence = 2048

// streamBatch is how many sentences TagStream tags together as one
// document (the memory window slides inside it).
const streamBatch = 200

// chunkIndexes decodes tag columns into chunks (the decoder only produces
// well-formed sequences, so B and I suffice).
func chunkIndexes(tags []uint8) []chunk {
	var out []chunk
	open := -1
	for i, k := range tags {
		tag := Tags[k]
		if open >= 0 && tag[0] != 'I' {
			out = append(out, chunk{open, i, Tags[tags[open]][2:]})
			open = -1
		}
		if tag[0] == 'B' || (tag[0] == 'I' && open < 0) {
			open = i
		}
	}
	if open >= 0 {
		out = append(out, chunk{open, len(tags), Tags[tags[open]][2:]})
	}
	return out
}

// TagStream implements the I/O contract of `marsad tag`: it reads one token
// per line (the first whitespace-separated field; further columns are
// ignored), a blank line ending a sentence, and writes "token\tTAG" for
// every token line and a blank line for every blank line, so the output
// lines pair one to one with the input lines. A sentence longer than
// maxSentence tokens is tagged in pieces.
func TagStream(m *Model, r io.Reader, w io.Writer) error {
	return TagStreamRules(m, r, w, false)
}

// TagStreamRules is TagStream that, with rules, also applies the rule
// steps the analysis pipeline runs after the tagger (Model.Rules) to each
// sentence. Tokens are written as read: a list member keeps its و.
func TagStreamRules(m *Model, r io.Reader, w io.Writer, rules bool) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	bw := bufio.NewWriter(w)
	// The input is read in batches of streamBatch sentences, each tagged
	// as one document; blank lines are replayed in place.
	var (
		batch  [][]string
		sent   []string
		blanks []int // blank lines before each sentence of batch, and after the last
	)
	pendingBlanks := 0
	endSentence := func() {
		if len(sent) > 0 {
			batch = append(batch, sent)
			blanks = append(blanks, pendingBlanks)
			pendingBlanks = 0
			sent = nil
		}
	}
	flush := func() error {
		for s, tags := range m.TagSentences(batch) {
			if rules {
				m.Rules(batch[s], tags)
			}
			for range blanks[s] {
				bw.WriteByte('\n')
			}
			for i, tag := range tags {
				bw.WriteString(batch[s][i])
				bw.WriteByte('\t')
				bw.WriteString(tag)
				bw.WriteByte('\n')
			}
		}
		batch, blanks = batch[:0], blanks[:0]
		for range pendingBlanks {
			bw.WriteByte('\n')
		}
		pendingBlanks = 0
		_, err := bw.Write(nil)
		return err
	}
	line := 0
	for sc.Scan() {
		line++
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			endSentence()
			pendingBlanks++
			if len(batch) >= streamBatch {
				if err := flush(); err != nil {
					return fmt.Errorf("ner: tag: %w", err)
				}
			}
			continue
		}
		sent = append(sent, fields[0])
		if len(sent) == maxSentence {
			endSentence()
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("ner: tag: line %d: %w", line+1, err)
	}
	endSentence()
	if err := flush(); err != nil {
		return fmt.Errorf("ner: tag: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("ner: tag: %w", err)
	}
	return nil
}
