/* Scrolling boxes a keyboard can reach. Material wraps each Markdown table in a box that scrolls
   sideways on a narrow screen (.md-typeset__scrollwrap), and a code block scrolls sideways too
   (pre > code), but neither gets a tabindex: a keyboard user cannot scroll them, and axe reports
   "scrollable-region-focusable" (WCAG 2.1.1, 1.4.10). Each becomes a labelled region in the tab
   order, as the handbook's own tables are (`hb-table-wrap` in the templates): a table's box named
   by its caption or else the heading above it, a code block as an example. Material adds the
   table boxes after the page loads, so new ones are labelled as they appear. No requests. */
(function () {
  "use strict";
  function name(box) {
    var table = box.querySelector("table");
    if (table && table.caption && table.caption.textContent.trim()) return table.caption.textContent.trim();
    for (var el = box.closest(".md-typeset__scrollwrap"); el; el = el.previousElementSibling || el.parentElement) {
      if (/^H[1-6]$/.test(el.tagName)) return el.textContent.trim();
      if (el.classList && el.classList.contains("md-typeset")) break;
    }
    return "Table";
  }

  function label(root) {
    var boxes = root.querySelectorAll ? root.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])") : [];
    Array.prototype.forEach.call(boxes, function (box) {
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", name(box));
    });
  }

  function codeBlocks() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset pre > code:not([tabindex])"), function (code) {
      code.setAttribute("tabindex", "0");
      code.setAttribute("role", "region");
      code.setAttribute("aria-label", "Example");
    });
  }

  label(document);
  codeBlocks();
  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      Array.prototype.forEach.call(change.addedNodes, function (node) {
        if (node.nodeType !== 1) return;
        if (node.classList.contains("md-typeset__scrollwrap")) label(node.parentNode);
        else if (node.getElementsByClassName("md-typeset__scrollwrap").length) label(node);
      });
    });
  }).observe(document.body, { childList: true, subtree: true });
})();
