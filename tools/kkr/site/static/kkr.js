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

// A table wider than its column scrolls inside its box; say so under it, in words.
function kkrMarkWideTables() {
  document.querySelectorAll(".table-wrapper").forEach(function (box) {
    var wide = box.scrollWidth > box.clientWidth + 1;
    var hint = box.nextElementSibling;
    var hinted = hint !== null && hint.classList.contains("kkr-scroll-hint");
    box.classList.toggle("kkr-scrollable", wide);
    if (wide && !hinted) {
      var note = document.createElement("p");
      note.className = "kkr-scroll-hint";
      note.textContent = "Tabellen er bredere end skærmen: stryg eller rul vandret for at se resten →";
      box.after(note);
    } else if (!wide && hinted) {
      hint.remove();
    }
  });
}
window.addEventListener("load", kkrMarkWideTables);
window.addEventListener("resize", kkrMarkWideTables);
