/* A live character count under every text box with a limit (data-maxlength, set by
   pantau.common.forms.LongTextField). The browser never cuts the text: past the limit the
   count says so, and the server refuses with the limit named, keeping the text (issue 19).
   No dependency, nothing fetched. */
(function () {
  "use strict";
  var boxes = document.querySelectorAll("textarea[data-maxlength]");
  var lang = document.documentElement.lang || "id";  // numbers as the page writes them
  Array.prototype.forEach.call(boxes, function (box) {
    var max = parseInt(box.getAttribute("data-maxlength"), 10);
    var text = box.getAttribute("data-count-text") || "%(count)s / %(max)s";
    var out = document.createElement("p");
    out.className = "help char-count";
    out.id = (box.id || box.name) + "-count";
    out.setAttribute("aria-live", "polite");
    box.parentNode.insertBefore(out, box.nextSibling);
    var described = box.getAttribute("aria-describedby");
    box.setAttribute("aria-describedby", (described ? described + " " : "") + out.id);
    function show() {
      var count = box.value.length;
      out.textContent = text
        .replace("%(count)s", count.toLocaleString(lang))
        .replace("%(max)s", max.toLocaleString(lang));
      out.classList.toggle("over", count > max);
    }
    box.addEventListener("input", show);
    show();
  });
})();
