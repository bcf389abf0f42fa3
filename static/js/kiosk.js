// Kiosk mode: go back to a fresh form after a pause, so no answer stays on screen for the next person.
(function () {
  var body = document.body;
  var url = body.getAttribute("data-reset-url");
  if (!url) { return; }
  var seconds = parseInt(body.getAttribute("data-reset-seconds") || "60", 10);
  var counter = document.getElementById("reset-seconds");
  var left = seconds;
  function reset() { window.location.replace(url); }
  function restart() { left = seconds; if (counter) { counter.textContent = left; } }
  ["pointerdown", "keydown", "input", "scroll", "touchstart"].forEach(function (name) {
    window.addEventListener(name, restart, { passive: true });
  });
  window.setInterval(function () {
    left -= 1;
    if (counter) { counter.textContent = Math.max(left, 0); }
    if (left <= 0) { reset(); }
  }, 1000);
})();
