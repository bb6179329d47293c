"""A small site built from the tiny corpus in records/."""

project = "KKR test"
language = "da"
extensions = ["myst_parser", "kkr.site"]
root_doc = "index"
exclude_patterns = ["_build", "records"]
html_theme = "furo"
# No A–Z index page: pages link to no such page, and at archive scale (9,000 items) it
# grew past 1 MB. Readers find records through search, the lists and the year pages.
html_use_index = False
myst_enable_extensions: list[str] = []
kkr_records = "records"
kkr_pages = "arkiv"
kkr_menu = ("docs/om",)
