// A "Print" button for receipts: shown only where JavaScript runs (the page prints from the
// browser's menu without it).
(function () {
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
