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
