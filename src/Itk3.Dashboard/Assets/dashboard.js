// itk3 dashboard: progressive enhancement only; every page works without it.
// Elements with data-refresh="/path" and data-every="seconds" reload their content from that fragment route.
(function () {
  "use strict";
  function refresh(element) {
    fetch(element.getAttribute("data-refresh"), { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) { element.innerHTML = html; element.setAttribute("data-refreshed", new Date().toISOString()); })
      .catch(function () { /* keep the last good numbers; the next tick tries again */ });
  }
  document.querySelectorAll("[data-refresh]").forEach(function (element) {
    var seconds = parseInt(element.getAttribute("data-every") || "10", 10);
    setInterval(function () { refresh(element); }, Math.max(2, seconds) * 1000);
  });
})();
