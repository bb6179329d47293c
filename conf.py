"""Sphinx configuration for the KKR Syddanmark site."""

project = "KKR Syddanmark"
author = "KKR Syddanmark"
copyright = "KL"
language = "da"
extensions = ["myst_parser"]
root_doc = "docs/index"
exclude_patterns = ["_build", ".venv", "records", "tests", "tools", "schema", "README.md"]
html_theme = "furo"
