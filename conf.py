"""Sphinx configuration for the KKR Syddanmark site."""

import os

project = "KKR Syddanmark"
author = "KKR Syddanmark"
copyright = "KL"
language = "da"
extensions = ["myst_parser", "kkr.site", "sphinx_sitemap", "sphinxext.opengraph"]
root_doc = "index"
exclude_patterns = ["_build", ".venv*", "records", "tests", "tools", "schema", "README.md", ".ci"]
html_theme = "furo"
# No A–Z index page: pages link to no such page, and at archive scale (9,000 items) it
# grew past 1 MB. Readers find records through search, the lists and the year pages.
html_use_index = False
html_title = "KKR Syddanmark"
html_last_updated_fmt = None
# Record text never goes through MyST (the extension renders it through a whitelist);
# hand-written pages get plain CommonMark without raw-HTML extensions.
myst_enable_extensions: list[str] = []
myst_heading_anchors = 2
kkr_records = "records"
kkr_pages = "arkiv"
# Hand-written pages in the menu, after the generated lists.
kkr_menu = (
    "docs/om-kkr",
    "docs/data",
    "docs/tal-og-tendenser",
    "docs/oparl",
    "docs/redigering",
    "docs/byggeriet",
    "docs/reference/index",
)
# Open data: OParl ids, calendar and feed links and the sitemap need the site's own address.
# Set KKR_BASE_URL when publishing; without it the site is addressed as a local server.
html_baseurl = os.environ.get("KKR_BASE_URL", "http://localhost:8000/")
# The data licence, stated in every export (data package, OParl, Atom, DCAT) and on the Data
# page. None says plainly that no licence has been chosen. Only the secretariat can choose one,
# e.g. {"name": "CC-BY-4.0", "title": "Creative Commons Navngivelse 4.0",
#       "url": "https://creativecommons.org/licenses/by/4.0/"}
kkr_data_license = None
sitemap_url_scheme = "{link}"
ogp_site_url = html_baseurl
ogp_site_name = "KKR Syddanmark – vidensbase"
# Social-card images would be drawn for every page; a description and title are enough here.
ogp_social_cards = {"enable": False}
