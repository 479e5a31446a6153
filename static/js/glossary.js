/* Glossary pop-ups: progressive enhancement of the links made by glossary/marking.py.
 *
 * Without this script each marked word is an ordinary link to its glossary page. With it,
 * the word becomes a toggle button for the hidden definition that follows it. The pop-up
 * opens on click, tap, Enter or Space; stays open until dismissed (no time-out, not
 * hover-only, WCAG 2.2 SC 1.4.13); Escape closes it and returns focus to the word; a click
 * outside or opening another closes it; tabbing away closes it unless the pointer is on it.
 */
(function () {
  "use strict";

  var open = null; // { term, def, wrap }
  var hovered = null;

  function close(returnFocus) {
    if (!open) return;
    var current = open;
    open = null;
    current.def.hidden = true;
    current.def.style.removeProperty("--glossary-shift");
    current.term.setAttribute("aria-expanded", "false");
    if (returnFocus) current.term.focus();
  }

  function keepOnScreen(def) {
    // Shift the pop-up left when it would run off the right edge of a narrow screen.
    // A CSS custom property set through the CSSOM is allowed by a strict style-src CSP.
    var rect = def.getBoundingClientRect();
    var overflow = rect.right - (document.documentElement.clientWidth - 8);
    if (overflow > 0) {
      def.style.setProperty("--glossary-shift", Math.max(0, Math.min(overflow, rect.left - 8)) + "px");
    }
  }

  function show(item) {
    if (open && open.term === item.term) return;
    close(false);
    item.def.hidden = false;
    item.term.setAttribute("aria-expanded", "true");
    keepOnScreen(item.def);
    open = item;
  }

  function toggle(item) {
    if (open && open.term === item.term) close(false);
    else show(item);
  }

  function enhance(term) {
    var wrap = term.parentElement;
    var def = term.nextElementSibling;
    if (!def || !def.classList.contains("glossary-def") || !def.id) return;
    var item = { term: term, def: def, wrap: wrap };
    term.setAttribute("role", "button");
    term.setAttribute("aria-expanded", "false");
    term.setAttribute("aria-controls", def.id);
    term.addEventListener("click", function (event) {
      // Modified clicks still open the glossary page, as a link would.
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      toggle(item);
    });
    term.addEventListener("keydown", function (event) {
      // Enter already fires "click" on a link; Space is the button key.
      if (event.key === " " || event.key === "Spacebar") {
        event.preventDefault();
        toggle(item);
      }
    });
    wrap.addEventListener("pointerenter", function () { hovered = wrap; });
    wrap.addEventListener("pointerleave", function () { if (hovered === wrap) hovered = null; });
    wrap.addEventListener("focusout", function (event) {
      if (!open || open.wrap !== wrap || hovered === wrap) return;
      if (event.relatedTarget && wrap.contains(event.relatedTarget)) return;
      close(false);
    });
  }

  document.addEventListener("keydown", function (event) {
    if ((event.key === "Escape" || event.key === "Esc") && open) {
      event.preventDefault();
      close(true);
    }
  });

  document.addEventListener("click", function (event) {
    if (open && !open.wrap.contains(event.target)) close(false);
  });

  var terms = document.querySelectorAll("a.glossary-term");
  for (var i = 0; i < terms.length; i++) enhance(terms[i]);
})();
