package main

import (
	"github.com/spf13/cobra"

	"github.com/marsad-news/marsad"
)

// addToolCommands adds NER training/tagging and similarity tools.
func addToolCommands(root *cobra.Command, g *globals) {}

// explainEntity returns the merge explanations of a canonical entity.
func explainEntity(cmd *cobra.Command, store marsad.Store, id string) ([]string, error) {
	return nil, nil
}
