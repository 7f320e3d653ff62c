/* Sortable tables: progressive enhancement of tables marked data-hb-sortable (the price list).
   Turns each column heading into a button; aria-sort tells screen readers the order. Numbers
   sort by the cell's data-value (plain amounts; "price on application" last). No requests. */
(function () {
  "use strict";
  function key(cell, numeric) {
    if (numeric) {
      var v = cell.getAttribute("data-value");
      return v === null || v === "" ? Infinity : parseFloat(v);
    }
    return cell.textContent.trim().toLowerCase();
  }

  function enhance(table) {
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var body = table.tBodies[0];
    headers.forEach(function (th, index) {
      var numeric = th.getAttribute("data-sort") === "number";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "hb-sort";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a.cells[index], numeric), y = key(b.cells[index], numeric);
          var order = x < y ? -1 : x > y ? 1 : 0;
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("table[data-hb-sortable]"), enhance);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
