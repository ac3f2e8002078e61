/* Acronyms answer a tap, a click, a hover and keyboard focus with their expansion.
 *
 * Every acronym is an <abbr title="Expansion — explanation"> (docs/includes/abbreviations.md),
 * but touch browsers never show a title. This shows it in a small tooltip under the word. The
 * first use of each acronym on a page is focusable (overrides/hooks/abbr_first_use.py), so the
 * keyboard reaches it; Esc, a tap elsewhere or moving on hides it. While it shows, the title
 * steps aside, so the browser does not show its own tooltip on top.
 */
(function () {
  "use strict";

  var SEPARATOR = " \u2014 "; // between expansion and explanation, as in the glossary
  var GAP = 6; // px between the word and its tooltip
  var MARGIN = 8; // px kept clear of the window's edges
  var tip = null;
  var shown = null;

  function acronym(node) {
    return node && node.closest ? node.closest("abbr[title], abbr[data-title]") : null;
  }

  function place(abbr) {
    var word = abbr.getClientRects()[0] || abbr.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    tip.style.left = "0";
    tip.style.top = "0";
    var left = Math.max(MARGIN, Math.min(word.left, width - tip.offsetWidth - MARGIN));
    var top = word.bottom + GAP;
    if (top + tip.offsetHeight > window.innerHeight && word.top - GAP - tip.offsetHeight > 0) {
      top = word.top - GAP - tip.offsetHeight;
    }
    tip.style.left = left + window.scrollX + "px";
    tip.style.top = top + window.scrollY + "px";
  }

  function show(abbr) {
    if (abbr === shown) return;
    hide();
    var text = abbr.getAttribute("title");
    if (!text) return;
    if (!tip) {
      tip = document.createElement("div");
      tip.id = "study-abbr-tip";
      tip.className = "study-abbr-tip";
      tip.setAttribute("role", "tooltip");
      document.body.appendChild(tip);
    }
    var cut = text.indexOf(SEPARATOR);
    var expansion = document.createElement("strong");
    expansion.textContent = cut < 0 ? text : text.slice(0, cut);
    tip.replaceChildren(expansion);
    if (cut >= 0) {
      var explanation = document.createElement("span");
      explanation.textContent = text.slice(cut + SEPARATOR.length);
      tip.appendChild(explanation);
    }
    abbr.setAttribute("data-title", text);
    abbr.removeAttribute("title");
    abbr.setAttribute("aria-describedby", tip.id);
    tip.hidden = false;
    place(abbr);
    shown = abbr;
  }

  function hide() {
    if (!shown) return;
    shown.setAttribute("title", shown.getAttribute("data-title"));
    shown.removeAttribute("data-title");
    shown.removeAttribute("aria-describedby");
    tip.hidden = true;
    shown = null;
  }

  document.addEventListener("click", function (event) {
    var abbr = acronym(event.target);
    if (abbr) show(abbr);
    else if (!(tip && tip.contains(event.target))) hide();
  });
  document.addEventListener("focusin", function (event) {
    var abbr = acronym(event.target);
    if (abbr) show(abbr);
    else hide();
  });
  document.addEventListener("pointerover", function (event) {
    var abbr = event.pointerType === "mouse" && acronym(event.target);
    if (abbr) show(abbr);
  });
  document.addEventListener("pointerout", function (event) {
    if (event.pointerType !== "mouse" || !shown || acronym(event.target) !== shown) return;
    if (!shown.contains(event.relatedTarget) && document.activeElement !== shown) hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });
  // A phone's address bar coming and going changes only the height: hide on a change of width.
  var width = window.innerWidth;
  window.addEventListener("resize", function () {
    if (window.innerWidth !== width) hide();
    width = window.innerWidth;
  });
})();
