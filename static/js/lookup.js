/* Nurse call mode: progressive enhancement of the lookup screen, and print buttons.
 *
 * Without this script the lookup is a plain GET form and the results are a table of real
 * links. With it: results update as the nurse types (debounced), only the results region
 * is replaced so focus stays in the search box, the address bar follows the search
 * (replaceState), and ArrowUp/ArrowDown move between the trial links. Elements marked
 * data-print call window.print(). No inline scripts or handlers: a strict CSP is coming.
 */
(function () {
  "use strict";

  var DELAY = 300;

  function enablePrint() {
    var buttons = document.querySelectorAll("[data-print]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener("click", function (event) {
        event.preventDefault();
        window.print();
      });
    }
  }

  function rowLinks(results) {
    return Array.prototype.slice.call(results.querySelectorAll("a.row-link"));
  }

  function enhanceLookup(form, results) {
    var box = form.querySelector("input[name=q]");
    var timer = null;
    var controller = null;
    var lastQuery = new URLSearchParams(new FormData(form)).toString();

    function update() {
      var params = new URLSearchParams(new FormData(form));
      var query = params.toString();
      if (query === lastQuery) return;
      lastQuery = query;
      var url = form.action + (query ? "?" + query : "");
      if (controller) controller.abort();
      controller = "AbortController" in window ? new AbortController() : null;
      results.setAttribute("aria-busy", "true");
      fetch(url, {
        headers: { "X-Requested-With": "fetch" },
        credentials: "same-origin",
        signal: controller ? controller.signal : undefined
      })
        .then(function (response) {
          // A 400 still carries the results region, with the error message in it.
          if (response.redirected || (response.status !== 200 && response.status !== 400)) {
            throw new Error("lookup failed");
          }
          return response.text();
        })
        .then(function (html) {
          results.innerHTML = html;
          results.removeAttribute("aria-busy");
          window.history.replaceState(null, "", url);
        })
        .catch(function (error) {
          if (error.name === "AbortError") return;
          // Fall back to an ordinary page load (for example after the session expired).
          results.removeAttribute("aria-busy");
          window.location.href = url;
        });
    }

    function schedule() {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, DELAY);
    }

    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);

    box.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        var links = rowLinks(results);
        if (links.length) {
          event.preventDefault();
          links[0].focus();
        }
      }
    });

    // Up and Down walk the trial links; Enter opens one, as any link does.
    results.addEventListener("keydown", function (event) {
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
      var links = rowLinks(results);
      var at = links.indexOf(document.activeElement);
      if (at === -1) return;
      event.preventDefault();
      if (event.key === "ArrowDown" && at < links.length - 1) links[at + 1].focus();
      else if (event.key === "ArrowUp" && at > 0) links[at - 1].focus();
      else if (event.key === "ArrowUp") box.focus();
    });
  }

  enablePrint();
  var form = document.getElementById("lookup-form");
  var results = document.getElementById("lookup-results");
  if (form && results && window.fetch && window.URLSearchParams) enhanceLookup(form, results);
})();
