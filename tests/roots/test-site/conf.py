"""A small site built from the tiny corpus in records/."""

project = "KKR test"
language = "da"
extensions = ["myst_parser", "kkr.site"]
root_doc = "index"
exclude_patterns = ["_build", "records"]
html_theme = "furo"
myst_enable_extensions: list[str] = []
kkr_records = "records"
kkr_pages = "arkiv"
kkr_menu = ("docs/om",)
