// A table wider than its column scrolls inside its box; say so under it, in words. The box
// is then a labelled region in the Tab order, so that keyboard users can scroll it too.
function kkrMarkWideTables() {
  document.querySelectorAll(".table-wrapper").forEach(function (box) {
    var wide = box.scrollWidth > box.clientWidth + 1;
    var hint = box.nextElementSibling;
    var hinted = hint !== null && hint.classList.contains("kkr-scroll-hint");
    box.classList.toggle("kkr-scrollable", wide);
    if (wide) {
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", "Tabel, rul vandret for at se resten");
    } else {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
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

// A heading with a word longer than the line ("Sundhedskoordinationsudvalget" on a phone) is
// set smaller until the word fits, down to 60 %; only a word that still does not fit breaks
// (kkr.css lets headings wrap inside a word, so the page never scrolls sideways).
function kkrFitHeadings() {
  document.querySelectorAll("article :is(h1, h2, h3, h4)").forEach(function (heading) {
    heading.style.fontSize = "";
    var room = heading.getBoundingClientRect().width;
    // At min-content width, without breaks inside words, the heading is as wide as its
    // longest word.
    heading.style.width = "min-content";
    heading.style.overflowWrap = "normal";
    heading.style.hyphens = "manual";
    var size = parseFloat(getComputedStyle(heading).fontSize);
    var smallest = size * 0.6;
    while (heading.getBoundingClientRect().width > room && size > smallest) {
      size = Math.max(size * 0.92, smallest);
      heading.style.fontSize = size + "px";
    }
    heading.style.width = "";
    heading.style.overflowWrap = "";
    heading.style.hyphens = "";
  });
}
window.addEventListener("load", kkrFitHeadings);
window.addEventListener("resize", kkrFitHeadings);

// Furo opens its menu, its "På denne side" panel and the sub-menus with <label>s for hidden
// checkboxes, which a keyboard cannot reach. Each label becomes a button: Tab reaches it,
// Enter and Space toggle it, aria-expanded says its state, and Escape closes an open panel.
function kkrKeyboardToggles() {
  function button(label, box, name) {
    label.setAttribute("role", "button");
    label.tabIndex = 0;
    label.setAttribute("aria-label", name);
    label.setAttribute("aria-expanded", box.checked ? "true" : "false");
    label.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        box.click();
      }
    });
    box.addEventListener("change", function () {
      label.setAttribute("aria-expanded", box.checked ? "true" : "false");
    });
  }
  var panels = [
    ["__navigation", ".nav-overlay-icon", "Menu", ".sidebar-drawer"],
    ["__toc", ".toc-overlay-icon", "På denne side", ".toc-drawer"],
  ];
  panels.forEach(function (panel) {
    var box = document.getElementById(panel[0]);
    var drawer = document.querySelector(panel[3]);
    if (box === null || drawer === null) {
      return;
    }
    document.querySelectorAll("label" + panel[1]).forEach(function (label) {
      button(label, box, panel[2]);
    });
    // Tab out of an open panel closes it: what lies under its overlay cannot be seen.
    drawer.addEventListener("focusout", function (event) {
      var next = event.relatedTarget;
      var opener = next !== null && next.matches && next.matches("label" + panel[1]);
      if (box.checked && next !== null && !drawer.contains(next) && !opener) {
        box.click();
      }
    });
    box.addEventListener("change", function () {
      if (box.checked) {
        // The first control that is shown (Furo hides the page title's own entry).
        var first = Array.from(drawer.querySelectorAll("a[href], input, button, [tabindex='0']"))
          .find(function (control) {
            return control.getClientRects().length > 0;
          });
        if (first) {
          first.focus();
        }
      }
    });
  });
  document.querySelectorAll("input.toctree-checkbox").forEach(function (box) {
    var label = box.nextElementSibling;
    if (label !== null && label.tagName === "LABEL") {
      button(label, box, box.getAttribute("aria-label") || "Vis eller skjul undersider");
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    panels.forEach(function (panel) {
      var box = document.getElementById(panel[0]);
      if (box !== null && box.checked) {
        box.click();
        // Back to the visible button that opened the panel.
        var opener = Array.from(document.querySelectorAll("label" + panel[1])).find(function (l) {
          return l.offsetParent !== null;
        });
        if (opener) {
          opener.focus();
        }
      }
    });
  });
}
document.addEventListener("DOMContentLoaded", kkrKeyboardToggles);

