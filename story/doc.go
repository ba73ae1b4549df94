// Package story groups articles into near-duplicates, events and
// long-running stories, the way a reader follows a matter across outlets
// and years.
//
// Event Registry drops a story after four days and EMM after seven; marsad
// keeps threading one for years and keeps every outlet's version. Three
// layers do it:
//
//   - Near-duplicates: the same text re-run by several outlets (wire copy, a
//     re-post with other chrome or headline) is found by MinHash over
//     normalized word 3-shingles with LSH banding (minhash.go), and folded
//     into one canonical article, the earliest published (else the first
//     ingested), which lists every copy with its outlet and time. Nothing is
//     deleted.
//   - Events: articles about the same happening (same actors, place, time
//     and content) are grouped incrementally. Each Add compares the new
//     article with candidates that share its salient terms and merges
//     clusters when Similarity reaches a threshold, guarded against
//     chaining by the clusters' centroids and time span.
//   - Stories: event clusters are threaded by shared salient terms and
//     entities, never by time alone, so a story spans years. Each story
//     gets a title, an extractive summary (maximal marginal relevance over
//     lead sentences of different outlets, no two sentences alike) and its
//     outlets with first and last dates.
//
// Similarity is a calibrated "same event" probability, not a topic score:
// it combines TF-IDF cosine over light stems (IDF from an embedded
// SaudiNewsNet background table, so scores do not drift as the index grows
// and do not depend on ingest order), title cosine, entity overlap and date
// proximity. EVAL.md reports how it was calibrated and how the groups
// measure on real Arabic news.
//
// Cost and memory. Analysis (tokens, stems, TF-IDF vectors, shingles and
// their MinHash signature, lead sentences) is most of the work and depends
// on the document alone: AddBatch, or an Analyzer per goroutine with
// Index.AddPrepared, runs it on all CPUs, and only the order-dependent
// insertion is sequential. Candidate pairs are scored on all CPUs when the
// groups are next read. The index keeps no body text: vectors, a
// signature and copies of the lead sentences.
package story
