// A long questionnaire on a phone (issue 19): the answers of the page on screen are kept in this
// phone's storage until the page is sent, so that reopening the link after a lost connection
// brings them back. The server keeps every page already sent. Never loaded on a kiosk or an
// officer's assisted link, where the next person on the device is someone else.
(function () {
  var form = document.querySelector("form[data-draft-key]");
  if (!form) { return; }
  var storage;
  try { storage = window.localStorage; } catch (e) { return; }
  if (!storage) { return; }
  var parts = form.getAttribute("data-draft-key").split(":");
  var key = "pantau-draft:" + parts[0] + ":" + parts[1];
  var visit = parts[2];

  function fields() {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.type !== "hidden" && el.type !== "submit" && el.name !== "website";
    });
  }
  function save() {
    var values = {};
    fields().forEach(function (el) {
      if (el.type === "radio" || el.type === "checkbox") {
        if (el.checked) { values[el.name] = el.value; }
      } else if (el.value) {
        values[el.name] = el.value;
      }
    });
    try { storage.setItem(key, JSON.stringify({ visit: visit, values: values })); } catch (e) { /* full */ }
  }
  function restore() {
    var kept;
    try { kept = JSON.parse(storage.getItem(key) || "null"); } catch (e) { kept = null; }
    if (!kept || kept.visit !== visit) { storage.removeItem(key); return; }
    var answered = {};
    fields().forEach(function (el) {
      if ((el.type === "radio" || el.type === "checkbox") && el.checked) { answered[el.name] = true; }
    });
    fields().forEach(function (el) {
      var value = kept.values[el.name];
      if (value === undefined || answered[el.name]) { return; }
      if (el.type === "radio" || el.type === "checkbox") {
        if (el.value === value) { el.checked = true; }
      } else if (!el.value) {
        el.value = value;
      }
    });
  }
  restore();
  form.addEventListener("change", save);
  form.addEventListener("input", save);
})();
