"""Document extraction: KL's PDF and the secretariat's Word files turned into the import's text."""
