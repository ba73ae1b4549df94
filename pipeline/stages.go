package pipeline

// defaultStages lists the analysis chain in order. Stages that span
// articles (entity canonicalization, stories) run after storage, in ingest.
func defaultStages() []Stage {
	return []Stage{Tokenize, CodePoints}
}
