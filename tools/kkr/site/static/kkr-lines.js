/* Marks the lines of a cited range (#L272-L274) on a source document's page. */
(function () {
  "use strict";
  var RANGE = /^#L(\d+)(?:-L(\d+))?$/;

  function mark() {
    var box = document.querySelector(".kkr-lines");
    if (!box) {
      return;
    }
    var old = box.querySelectorAll(".kkr-hl");
    for (var i = 0; i < old.length; i++) {
      old[i].classList.remove("kkr-hl");
    }
    var found = RANGE.exec(window.location.hash);
    if (!found) {
      return;
    }
    var start = parseInt(found[1], 10);
    var end = found[2] ? parseInt(found[2], 10) : start;
    if (end < start || end - start > 100000) {
      return;
    }
    for (var n = start; n <= end; n++) {
      var line = document.getElementById("L" + n);
      if (line) {
        line.classList.add("kkr-hl");
      }
    }
    show();
  }

  // The cited lines into view: the range's own anchor, or, for a range no page cites, its
  // first line. Again once the page has loaded, since fonts and styles arriving after the
  // browser's own jump move the lines.
  function show() {
    var found = RANGE.exec(window.location.hash);
    if (!found) {
      return;
    }
    var target =
      document.getElementById(window.location.hash.slice(1)) ||
      document.getElementById("L" + found[1]);
    if (target) {
      target.scrollIntoView();
    }
  }

  window.addEventListener("hashchange", mark);
  window.addEventListener("load", show);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mark);
  } else {
    mark();
  }
})();
