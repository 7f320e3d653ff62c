/* Catalogue filters: progressive enhancement of the full list rendered by catalogue.html.j2.
   Reveals the filter form, hides services that do not match, keeps the choice in the address
   (?provision=traded&phase=primary) so a filtered list can be shared. The cards carry the facts
   the engine decided (data-provisions, data-settings by the one kind-of-school rule); this only
   compares them with the choice. Without this script the
   form stays hidden and every service shows. No network requests. */
(function () {
  "use strict";
  var root = document.querySelector("[data-hb-catalogue]");
  if (!root) return;
  var form = root.querySelector("[data-hb-filters]");
  var count = root.querySelector("[data-hb-count]");
  var empty = root.querySelector("[data-hb-empty]");
  var cards = Array.prototype.slice.call(root.querySelectorAll("[data-provision]"));
  var fields = ["provision", "category", "phase", "setting"];

  function matches(card, choice) {
    // data-provisions lists every provision the card is under (views.catalogue.provisions_of):
    // a mixed service is statutory and traded too, so either choice shows it.
    if (choice.provision && card.dataset.provisions.split(" ").indexOf(choice.provision) < 0) return false;
    if (choice.category && card.dataset.category !== choice.category) return false;
    if (choice.phase && card.dataset.phases.split(" ").indexOf(choice.phase) < 0) return false;
    if (choice.setting && card.dataset.settings.split(" ").indexOf(choice.setting) < 0) return false;
    return true;
  }

  function current() {
    var choice = {};
    fields.forEach(function (name) { choice[name] = form.elements[name].value; });
    return choice;
  }

  function apply(updateAddress) {
    var choice = current();
    var shown = 0;
    cards.forEach(function (card) {
      var ok = matches(card, choice);
      card.hidden = !ok;
      if (ok) shown += 1;
    });
    count.textContent = shown === cards.length
      ? cards.length + (cards.length === 1 ? " service" : " services")
      : "Showing " + shown + " of " + cards.length + " services";
    empty.hidden = shown !== 0;
    if (updateAddress) {
      var params = new URLSearchParams(window.location.search);
      fields.forEach(function (name) {
        if (choice[name]) params.set(name, choice[name]); else params.delete(name);
      });
      var query = params.toString();
      history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    }
  }

  function fromAddress() {
    var params = new URLSearchParams(window.location.search);
    fields.forEach(function (name) {
      var select = form.elements[name];
      var value = params.get(name) || "";
      var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
      select.value = known ? value : "";
    });
  }

  form.hidden = false;
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
  form.addEventListener("reset", function () { window.setTimeout(function () { apply(true); }, 0); });
  window.addEventListener("popstate", function () { fromAddress(); apply(false); });
  fromAddress();
  apply(false);
})();
