// Resolve's small browser helpers. No inline scripts anywhere (the Content-Security-Policy forbids them).
document.addEventListener("DOMContentLoaded", function () {
  // Move focus to the error summary so keyboard and screen-reader users hear what went wrong.
  var summary = document.querySelector(".error-summary");
  if (summary) { summary.focus(); }
  // Buttons that ask before a consequential action carry data-confirm="question".
  document.body.addEventListener("click", function (event) {
    var el = event.target.closest("[data-confirm]");
    if (el && !window.confirm(el.getAttribute("data-confirm"))) { event.preventDefault(); }
  });
});
