"""A site with no pages of its own: tests copy a validator case's records/ next to it."""

project = "KKR case"
language = "da"
extensions = ["myst_parser", "kkr.site"]
root_doc = "docs/index"
exclude_patterns = ["_build", "records"]
html_theme = "basic"
myst_enable_extensions: list[str] = []
kkr_records = "records"
kkr_pages = "arkiv"
kkr_menu: tuple[str, ...] = ()
