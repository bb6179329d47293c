"""Sphinx configuration for the KKR Syddanmark site."""

project = "KKR Syddanmark"
author = "KKR Syddanmark"
copyright = "KL"
language = "da"
extensions = ["myst_parser", "kkr.site"]
root_doc = "index"
exclude_patterns = ["_build", ".venv*", "records", "tests", "tools", "schema", "README.md", ".ci"]
html_theme = "furo"
html_title = "KKR Syddanmark"
html_last_updated_fmt = None
# Record text never goes through MyST (the extension renders it through a whitelist);
# hand-written pages get plain CommonMark without raw-HTML extensions.
myst_enable_extensions: list[str] = []
myst_heading_anchors = 2
kkr_records = "records"
kkr_pages = "arkiv"
# Hand-written pages in the menu, after the generated lists.
kkr_menu = ("docs/om-kkr", "docs/redigering", "docs/byggeriet", "docs/reference/index")
