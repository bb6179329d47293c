// Sphinx 8's Danish catalogue has empty plural forms and a boolean plural rule, so the
// search page failed on "Search finished, found N pages"; supply working Danish forms.
if (typeof Documentation !== "undefined") {
  Documentation.addTranslations({
    messages: {
      "Search finished, found one page matching the search query.": [
        "Søgningen er færdig: én side matcher.",
        "Søgningen er færdig: ${resultCount} sider matcher.",
      ],
    },
    plural_expr: "(n != 1) ? 1 : 0",
  });
}
