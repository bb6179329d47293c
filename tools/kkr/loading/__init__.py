"""Loading: read record files safely into located YAML trees, and gather them into a corpus."""
