"""Page models for every generated page, built from the corpus and its backlinks."""
