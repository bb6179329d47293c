"""Editor support: the JSON Schemas that VS Code's YAML language server checks records with."""
