/* GOV.UK's error pattern (issue 19): when a form comes back with errors, focus moves to the
   summary at its top, so a phone's screen and a screen reader start there; each entry links
   to its field, and following the link puts the cursor in it. */
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (!summary) { return; }
  summary.focus();
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    if (!link) { return; }
    var field = document.getElementById(link.getAttribute("href").slice(1));
    if (field) {
      event.preventDefault();
      field.scrollIntoView({ block: "center" });
      field.focus();
    }
  });
})();
