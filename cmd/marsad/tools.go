package main

import (
	"github.com/spf13/cobra"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/ingest"
)

// addToolCommands adds NER training/tagging and similarity tools.
func addToolCommands(root *cobra.Command, g *globals) {}

// explainEntity replays cross-article resolution over the store and
// returns how the names of a canonical entity were merged.
func explainEntity(cmd *cobra.Command, store marsad.Store, id string) ([]string, error) {
	r, err := ingest.Resolver(cmd.Context(), store)
	if err != nil {
		return nil, err
	}
	return r.Why(id), nil
}
