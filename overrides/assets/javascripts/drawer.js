/* The menu (Material's drawer) by keyboard, at the widths that have one. Material opens it with a
   <label> for a hidden checkbox: a pointer can click it, a keyboard cannot reach it (WCAG 2.1.1).
   partials/header.html gives that label tabindex, role=button and a name; here Enter or Space
   presses it, aria-expanded follows the checkbox, opening moves focus to the drawer's first link,
   and Escape closes it and gives focus back to the button (the open drawer covers the button;
   its own title, a label that closes it for a pointer, holds a link, so it cannot be a button
   too). While closed, the drawer's links are out of the tab order (handbook.css). No requests. */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector("[data-hb-drawer-button]");
  if (!toggle || !button) return;
  var drawer = document.querySelector(".md-sidebar--primary");

  function sync(moveFocus) {
    var open = toggle.checked;
    button.setAttribute("aria-expanded", open ? "true" : "false");
    if (!moveFocus) return;
    if (open && drawer) {
      var first = drawer.querySelector(".md-nav__link[href]");
      // After the drawer's visibility changes (at once on opening; see handbook.css).
      window.requestAnimationFrame(function () { (first || drawer).focus(); });
    } else {
      button.focus();
    }
  }

  function press(event) {
    if (event.key === "Enter" || event.key === " ") {
      // Material's own keyboard handler clicks a focused <label> on Enter: pressed twice, the
      // drawer would open and close at once. This press is the only one.
      event.preventDefault();
      event.stopPropagation();
      toggle.click();
      sync(true);
    }
  }

  button.addEventListener("keydown", press);
  toggle.addEventListener("change", function () { sync(false); });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      toggle.click();
      sync(true);
    }
  });
  sync(false);
})();
