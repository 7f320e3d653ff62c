/* The school's own view (issue 12): what a school pays, from the engine's facts in #hb-prices.

   A school enters its phase, kind and number on roll; every price then shows its figure or why it
   has none (a service page: a table of items; the catalogue: a line on each card), and chosen
   items go into a basket with a yearly total, to print or download as CSV.
   The arithmetic follows handbook/views/quote.py, rules 1 to 5, step for step, in whole pence with
   BigInt; a property test compares the two to the penny. Facts: views.quote.calculator_data.
   State stays in this browser: the school and quantities in the address (school-phase,
   school-kind, roll, qty), the school and the basket in localStorage. No network requests.
   Every data string goes in as text (textContent), never as HTML. Without this script the
   container stays hidden and the charge tables show. */
(function () {
  "use strict";
  var root = document.querySelector("[data-hb-school]");
  var embedded = document.getElementById("hb-prices");
  if (!root || !embedded || typeof BigInt !== "function") return;
  var facts, words;
  try {
    facts = JSON.parse(embedded.textContent);
    words = JSON.parse(root.getAttribute("data-hb-words"));
  } catch (e) { return; }
  if (facts.format !== 1) return;

  var scope = root.getAttribute("data-hb-school");
  var MAX_ROLL = parseInt(root.getAttribute("data-max-roll"), 10);
  var MAX_QUANTITY = parseInt(root.getAttribute("data-max-quantity"), 10);
  var BASKET_KEY = "hb-school-basket";
  var SCHOOL_KEY = "hb-school";
  var WHOLE = /^\d{1,7}$/;

  /* ---- The facts, unpacked: masks to names, so a basket entry keeps its meaning on any page. -- */
  function names(mask, list) {
    return list.filter(function (_, i) { return (mask & (1 << i)) !== 0; });
  }
  function unpackCharge(row) {
    return {
      pence: row[0], thing: row[1], period: row[2], kinds: names(row[3], facts.kinds),
      from: row[4], to: row[5], phase: row[6] < 0 ? null : facts.phases[row[6]],
      min: row[7], cap: row[8], vat: row[9], council: row[10] === 1
    };
  }
  var services = facts.services.map(function (s) {
    var service = { id: s[0], name: s[1], phases: names(s[2], facts.phases), kinds: names(s[3], facts.kinds), statutory: s[4] === 1 };
    service.items = s[5].map(function (it, index) {
      return { key: it[0], label: it[1], index: index, charges: it[2].map(unpackCharge), service: service };
    });
    return service;
  });
  var itemsByKey = Object.create(null);
  services.forEach(function (s) { s.items.forEach(function (it) { itemsByKey[it.key] = it; }); });

  /* ---- The rules (views/quote.py). ----------------------------------------------------------- */
  // Rule 1: a service is open to a school of its phases and (covered) kinds.
  function serviceReason(service, school) {
    if (service.phases.indexOf(school.phase) < 0) return "not-for-phase";
    if (service.kinds.indexOf(school.kind) < 0) return "not-for-kind";
    if (service.statutory) return "statutory";
    return null;
  }
  function inBand(c, pupils) {
    return c.from === null || (c.from <= pupils && (c.to === null || pupils <= c.to));
  }
  // Rule 2: its kind, then its phase (or every phase), then its band; phase beats none, band beats none, then first.
  function priceFor(item, school) {
    var found = item.charges.filter(function (c) { return c.kinds.indexOf(school.kind) >= 0; });
    if (!found.length) return "not-offered-kind";
    found = found.filter(function (c) { return c.phase === null || c.phase === school.phase; });
    if (!found.length) return "not-offered-phase";
    found = found.filter(function (c) { return inBand(c, school.pupils); });
    if (!found.length) return "no-band";
    var best = null, bestRank = 9;
    found.forEach(function (c) {
      var rank = (c.phase === null ? 2 : 0) + (c.from === null ? 1 : 0);
      if (rank < bestRank) { best = c; bestRank = rank; }
    });
    return best;
  }
  // Rule 3: the number of the counted thing, and of periods.
  function source(c) { return c.thing === "" ? "one" : facts.things[c.thing]; }
  function countsPeriods(c) { return c.period !== "" && c.period !== "year"; }
  function countFor(c, school, q) {
    var from = source(c);
    if (from === "one") return 1;
    if (from === "roll") return school.pupils;
    return q.count === null ? 1 : q.count;
  }
  function periodsFor(c, q) {
    if (!countsPeriods(c)) return 1;
    if (q.periods !== null) return q.periods;
    return facts.periods[c.period] || 1;
  }
  // Rules 4 and 5: exact pence; a minimum raises and a cap lowers what is bought; VAT halves up.
  function lineFor(item, school, q) {
    var c = priceFor(item, school);
    if (typeof c === "string") return { item: item, reason: c };
    if (c.pence === null) return { item: item, charge: c, reason: "on-application" };
    if (c.council) return { item: item, charge: c, reason: "paid-by-council" };
    if (q.bad) return { item: item, charge: c, reason: "bad-quantity" };
    var count = countFor(c, school, q), periods = periodsFor(c, q);
    var net = BigInt(c.pence) * BigInt(count) * BigInt(periods), product = net, limitedBy = null;
    if (net !== 0n) {
      if (c.min !== null && net < BigInt(c.min)) { net = BigInt(c.min); limitedBy = "minimum"; }
      if (c.cap !== null && net > BigInt(c.cap)) { net = BigInt(c.cap); limitedBy = "cap"; }
    }
    var vat = (net * BigInt(c.vat) + 50n) / 100n;
    return { item: item, charge: c, reason: null, count: count, periods: periods, product: product, net: net, vat: vat, limitedBy: limitedBy };
  }

  /* ---- Words: the reasons and notes are `handbook quote`'s (data-hb-words, presentation/quote.py). */
  var form = root.querySelector("[data-hb-school-form]");
  var fields = { phase: form.elements["school-phase"], kind: form.elements["school-kind"], roll: form.elements.roll };
  function optionText(select, value) {
    var found = Array.prototype.filter.call(select.options, function (o) { return o.value === value; })[0];
    return found ? found.textContent : value;
  }
  function lower(text) { return text.charAt(0).toLowerCase() + text.slice(1); }
  function whole(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }
  function plural(word, n) { return n === 1 ? word : word === "academy" ? "academies" : word + "s"; }
  function decimal(p) {
    var text = p.toString();
    while (text.length < 3) text = "0" + text;
    return { whole: text.slice(0, -2), pence: text.slice(-2) };
  }
  function money(p) { var d = decimal(BigInt(p)); return "£" + whole(d.whole) + "." + d.pence; }
  // A price as wording.money writes it: whole pounds without pence (`£4,680`, `£4.60`).
  function price(p) { var d = decimal(BigInt(p)); return "£" + whole(d.whole) + (d.pence === "00" ? "" : "." + d.pence); }
  function plain(p) { var d = decimal(BigInt(p)); return d.whole + "." + d.pence; }
  function unitText(c) { return c.thing === "" ? "flat fee" : "per " + c.thing + (c.period ? " per " + c.period : ""); }
  // The reason in the command's words (the CSV's note); two of the script's own, for the form.
  function reasonWords(reason, school) {
    if (reason === "not-for-phase" || reason === "not-offered-phase") return words.phase[school.phase][reason];
    if (reason === "not-for-kind" || reason === "not-offered-kind") return words.kind[school.kind][reason];
    if (reason === "no-band") return school.pupils === 1 ? words.no_band[0] : words.no_band[1].replace("{n}", whole(school.pupils));
    if (reason === "bad-quantity") return "Enter a whole number from 0 to " + whole(MAX_QUANTITY);
    if (reason === "no-school") return "Enter your school to work this out";
    return words.fixed[reason] || reason;
  }
  function reasonText(reason, school) { return reasonWords(reason, school) + "."; }
  // How the figure was worked out, as the command writes it: `210 pupils × £4.60 per pupil per year = £966.00`.
  function howText(line) {
    var c = line.charge, parts = [];
    if (source(c) !== "one") parts.push(whole(line.count) + " " + plural(c.thing, line.count));
    if (countsPeriods(c)) parts.push(whole(line.periods) + " " + plural(c.period, line.periods));
    parts.push(price(c.pence) + " " + unitText(c));
    var text = parts.join(" × ") + " = " + money(line.product);
    if (line.limitedBy === "minimum") text += ", " + words.limits.minimum + " of " + money(c.min);
    if (line.limitedBy === "cap") text += ", " + words.limits.cap + " of " + money(c.cap);
    return text + ".";
  }
  function quantityLabel(word) { return word.charAt(0).toUpperCase() + word.slice(1) + "s"; }

  /* ---- State: the school, quantities (address), the basket (localStorage). ------------------- */
  function storage(key, value) {
    try {
      if (value === undefined) return JSON.parse(window.localStorage.getItem(key) || "null");
      window.localStorage.setItem(key, JSON.stringify(value));
    } catch (e) { /* storage off or full: the view still works for this page */ }
    return null;
  }
  // Maps keyed by text from the address or storage have no prototype, so no key can reach one.
  var quantities = Object.create(null); // item key -> {count, periods, bad}: numbers the school chose (null: unset)
  var basket = []; // entries: {key, service: {id, name, phases, kinds, statutory}, label, index, charges, count, periods}

  function quantity(key) { return quantities[key] || { count: null, periods: null, bad: false }; }
  function setQuantity(key, q) {
    if (q.count === null && q.periods === null && !q.bad) delete quantities[key]; else quantities[key] = q;
    basket.forEach(function (e) { if (e.key === key && !q.bad) { e.count = q.count; e.periods = q.periods; } });
  }
  function parseQuantity(text) {
    // `3`, `3x2` or `x2`: how many of the counted thing, and of periods (contract.md).
    var m = /^(\d{0,7})(?:x(\d{1,7}))?$/.exec(text || "");
    if (!m || (m[1] === "" && m[2] === undefined)) return null;
    var q = { count: m[1] === "" ? null : parseInt(m[1], 10), periods: m[2] === undefined ? null : parseInt(m[2], 10), bad: false };
    return (q.count !== null && q.count > MAX_QUANTITY) || (q.periods !== null && q.periods > MAX_QUANTITY) ? null : q;
  }
  function entryFor(item) {
    var s = item.service;
    return {
      key: item.key, label: item.label, index: item.index, charges: item.charges,
      service: { id: s.id, name: s.name, phases: s.phases, kinds: s.kinds, statutory: s.statutory },
      count: quantity(item.key).count, periods: quantity(item.key).periods
    };
  }
  function inBasket(key) { return basket.some(function (e) { return e.key === key; }); }
  function saveBasket() { storage(BASKET_KEY, basket); }
  function loadBasket() {
    var stored = storage(BASKET_KEY);
    basket = Array.isArray(stored) ? stored.filter(function (e) {
      return e && typeof e.key === "string" && Array.isArray(e.charges) && e.service && typeof e.service.name === "string";
    }) : [];
    // This page's facts are the newest: refresh what it knows; the catalogue knows every item.
    basket = basket.map(function (e) {
      var item = itemsByKey[e.key];
      if (!item) return scope === "catalogue" ? null : e;
      var fresh = entryFor(item);
      fresh.count = e.count === undefined ? null : e.count;
      fresh.periods = e.periods === undefined ? null : e.periods;
      return fresh;
    }).filter(Boolean);
    basket.forEach(function (e) {
      if (!quantities[e.key] && (e.count !== null || e.periods !== null)) quantities[e.key] = { count: e.count, periods: e.periods, bad: false };
    });
  }
  function entryItem(e) {
    var service = { id: e.service.id, name: e.service.name, phases: e.service.phases, kinds: e.service.kinds, statutory: e.service.statutory };
    return { key: e.key, label: e.label, index: e.index, charges: e.charges, service: service };
  }
  // The quote command's order: services by name (views.catalogue.public_services), items in data order.
  function basketInOrder() {
    return basket.slice().sort(function (a, b) {
      var x = a.service.name.toLowerCase(), y = b.service.name.toLowerCase();
      if (x !== y) return x < y ? -1 : 1;
      if (a.service.id !== b.service.id) return a.service.id < b.service.id ? -1 : 1;
      return a.index - b.index;
    });
  }

  function readSchool() {
    var roll = fields.roll.value.trim();
    var school = { phase: fields.phase.value, kind: fields.kind.value, roll: roll, pupils: null };
    if (WHOLE.test(roll) && parseInt(roll, 10) <= MAX_ROLL) school.pupils = parseInt(roll, 10);
    school.complete = !!(school.phase && school.kind && school.pupils !== null);
    return school;
  }
  function setSelect(select, value) {
    var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
    select.value = known ? value : "";
  }
  function fromAddress() {
    var params = new URLSearchParams(window.location.search);
    var saved = storage(SCHOOL_KEY) || {};
    var given = params.has("school-phase") || params.has("school-kind") || params.has("roll");
    setSelect(fields.phase, given ? params.get("school-phase") || "" : String(saved.phase || ""));
    setSelect(fields.kind, given ? params.get("school-kind") || "" : String(saved.kind || ""));
    fields.roll.value = given ? params.get("roll") || "" : String(saved.roll || "");
    params.getAll("qty").forEach(function (value) {
      var at = value.lastIndexOf(":"), q = at > 0 ? parseQuantity(value.slice(at + 1)) : null;
      if (q) setQuantity(value.slice(0, at), q);
    });
  }
  function toAddress(school) {
    var params = new URLSearchParams(window.location.search);
    [["school-phase", school.phase], ["school-kind", school.kind], ["roll", school.roll]].forEach(function (pair) {
      if (pair[1]) params.set(pair[0], pair[1]); else params.delete(pair[0]);
    });
    params.delete("qty");
    Object.keys(quantities).sort().forEach(function (key) {
      var q = quantities[key];
      if (q.bad || !(itemsByKey[key] || inBasket(key))) return;
      params.append("qty", key + ":" + (q.count === null ? "" : q.count) + (q.periods === null ? "" : "x" + q.periods));
    });
    var query = params.toString().replace(/%2F/g, "/").replace(/%3A/g, ":"); // both plain in a query
    history.replaceState(history.state, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    storage(SCHOOL_KEY, { phase: school.phase, kind: school.kind, roll: school.roll });
  }

  /* ---- A service page: "What your school pays", a row per item. ------------------------------ */
  var pays = root.querySelector("[data-hb-pays]");
  var rows = [];
  function cell(tag, text) { var el = document.createElement(tag); if (text) el.textContent = text; return el; }
  // Each cell carries its column's heading, which a narrow screen shows beside it (school.css).
  function labelCells(tr) {
    var heads = tr.closest("table").querySelectorAll("thead th");
    Array.prototype.forEach.call(tr.children, function (td, i) {
      if (td.tagName === "TD" && heads[i] && !heads[i].querySelector(".hb-sr-only")) td.setAttribute("data-label", heads[i].textContent);
    });
  }
  function quantityField(row, part, n) {
    var wrap = cell("span"), label = cell("label"), input = cell("input");
    wrap.className = "hb-qty";
    input.type = "text"; input.inputMode = "numeric"; input.autocomplete = "off"; input.size = 5;
    input.id = "hb-qty-" + n + "-" + part; label.htmlFor = input.id; label.id = input.id + "-label";
    input.setAttribute("aria-labelledby", label.id + " hb-item-" + n);
    input.setAttribute("aria-describedby", "hb-how-" + n);
    input.setAttribute("data-hb-qty", part);
    wrap.appendChild(label); wrap.appendChild(input);
    row[part] = { wrap: wrap, label: label, input: input };
    return wrap;
  }
  function buildRows() {
    var body = pays.querySelector("[data-hb-pays-rows]");
    services[0].items.forEach(function (item, n) {
      var tr = cell("tr"), th = cell("th", item.label), qty = cell("td"), row = { item: item, tr: tr };
      th.scope = "row"; th.id = "hb-item-" + n; tr.setAttribute("data-key", item.key);
      tr.appendChild(th);
      qty.appendChild(quantityField(row, "count", n)); qty.appendChild(quantityField(row, "periods", n));
      tr.appendChild(qty); row.qty = qty;
      ["net", "vat", "gross"].forEach(function (part) { row[part] = cell("td"); row[part].className = "hb-money"; tr.appendChild(row[part]); });
      row.how = cell("td"); row.how.id = "hb-how-" + n; tr.appendChild(row.how);
      var action = cell("td"), button = cell("button");
      button.type = "button"; button.className = "hb-school__button"; button.setAttribute("data-hb-add", item.key);
      button.appendChild(document.createTextNode("Add to basket"));
      button.appendChild(cell("span", ": " + item.label)); button.lastChild.className = "hb-sr-only";
      row.button = button; action.appendChild(button); tr.appendChild(action);
      body.appendChild(tr); labelCells(tr); rows.push(row);
    });
  }
  function setFigures(el, line) {
    ["net", "vat", "gross"].forEach(function (part) { el.removeAttribute("data-" + part + "-pence"); });
    el.removeAttribute("data-limited-by");
    if (line && line.reason === null) {
      el.setAttribute("data-net-pence", line.net.toString());
      el.setAttribute("data-vat-pence", line.vat.toString());
      el.setAttribute("data-gross-pence", (line.net + line.vat).toString());
      if (line.limitedBy) el.setAttribute("data-limited-by", line.limitedBy);
    }
    if (line && line.reason) el.setAttribute("data-reason", line.reason); else el.removeAttribute("data-reason");
  }
  function showQuantity(field, word, value, shown, bad) {
    field.wrap.hidden = !shown;
    field.input.setAttribute("aria-invalid", bad ? "true" : "false");
    if (!shown) return;
    field.label.textContent = quantityLabel(word);
    if (document.activeElement !== field.input && !bad) field.input.value = String(value);
  }
  function renderPays(school) {
    pays.hidden = !school.complete;
    if (!school.complete) return;
    var service = services[0], reason = serviceReason(service, school);
    var note = pays.querySelector("[data-hb-pays-reason]"), table = pays.querySelector("[data-hb-pays-table]");
    note.hidden = !reason; table.hidden = !!reason;
    note.textContent = reason ? reasonText(reason, school) : "";
    if (reason) pays.setAttribute("data-reason", reason); else pays.removeAttribute("data-reason");
    if (reason) return;
    rows.forEach(function (row) {
      var q = quantity(row.item.key), line = lineFor(row.item, school, q), c = line.charge;
      var priced = line.reason === null;
      setFigures(row.tr, line);
      // Quantity fields where the price needs them: a number the school chooses, or periods other than a year.
      var buyable = !!c && c.pence !== null && !c.council;
      var chosen = buyable && source(c) === "chosen", periodic = buyable && countsPeriods(c);
      showQuantity(row.count, chosen ? c.thing : "", chosen ? countFor(c, school, q) : 0, chosen, q.bad && q.badPart === "count");
      showQuantity(row.periods, periodic ? c.period : "", periodic ? periodsFor(c, q) : 0, periodic, q.bad && q.badPart === "periods");
      row.qty.classList.toggle("hb-none", !chosen && !periodic);
      row.net.textContent = priced ? money(line.net) : "–";
      row.vat.textContent = priced ? money(line.vat) : "–";
      row.gross.textContent = priced ? money(line.net + line.vat) : "–";
      row.how.textContent = priced ? howText(line) : reasonText(line.reason, school);
      row.reason = line.reason;
      var chosenAlready = inBasket(row.item.key);
      row.button.hidden = !priced && !chosenAlready;
      row.button.firstChild.nodeValue = chosenAlready ? "Remove from basket" : "Add to basket";
      row.button.setAttribute("aria-pressed", chosenAlready ? "true" : "false");
    });
  }
  function onQuantity(event) {
    var input = event.target, part = input.getAttribute("data-hb-qty");
    if (!part) return;
    var row = rows.filter(function (r) { return r[part] && r[part].input === input; })[0];
    if (!row) return;
    var key = row.item.key, q = quantity(key), text = input.value.trim();
    var next = { count: q.count, periods: q.periods, bad: false };
    if (text === "") next[part] = null;
    else if (WHOLE.test(text) && parseInt(text, 10) <= MAX_QUANTITY) next[part] = parseInt(text, 10);
    else next = { count: q.count, periods: q.periods, bad: true, badPart: part };
    setQuantity(key, next);
    saveBasket();
    update();
  }

  /* ---- The catalogue: a line on each card. ---------------------------------------------------- */
  var notes = [];
  function buildNotes() {
    services.forEach(function (service) {
      var card = document.getElementById("service-" + service.id);
      if (!card) return;
      var p = cell("p");
      p.className = "hb-card__school"; p.hidden = true; p.setAttribute("data-hb-card-school", "");
      card.appendChild(p);
      notes.push({ service: service, el: p });
    });
  }
  function renderNotes(school) {
    notes.forEach(function (note) {
      var el = note.el;
      el.hidden = !school.complete;
      if (!school.complete) return;
      var reason = serviceReason(note.service, school), lowest = null, first = null;
      if (!reason) {
        note.service.items.forEach(function (item) {
          var line = lineFor(item, school, quantity(item.key));
          if (line.reason === null) { if (lowest === null || line.net < lowest.net) lowest = line; } else if (!first) first = line.reason;
        });
      }
      var open = !reason || reason === "statutory";
      el.setAttribute("data-open", open ? "1" : "0");
      setFigures(el, lowest);
      if (reason) el.setAttribute("data-reason", reason);
      else if (!lowest && first) el.setAttribute("data-reason", first);
      el.classList.toggle("hb-card__school--closed", !open);
      var why = reasonText(reason || first, school);
      el.textContent = lowest ? "For your school: from " + money(lowest.net) + (lowest.charge.vat ? " plus VAT" : "") + "."
        : open ? "For your school: " + lower(why) : why;
    });
  }

  /* ---- The basket. ---------------------------------------------------------------------------- */
  var panel = root.querySelector("[data-hb-basket]");
  function basketLines(school) {
    return basketInOrder().map(function (e) {
      var item = entryItem(e), reason = school.complete ? serviceReason(item.service, school) : "no-school";
      var q = { count: e.count === undefined ? null : e.count, periods: e.periods === undefined ? null : e.periods, bad: false };
      return { entry: e, item: item, serviceReason: reason, line: reason ? { item: item, reason: reason } : lineFor(item, school, q) };
    });
  }
  function renderBasket(school) {
    var body = panel.querySelector("[data-hb-basket-rows]"), lines = basketLines(school);
    var total = { net: 0n, vat: 0n };
    while (body.firstChild) body.removeChild(body.firstChild);
    lines.forEach(function (b) {
      var tr = cell("tr"), th = cell("th"), line = b.line, priced = line.reason === null;
      th.scope = "row";
      th.appendChild(cell("span", b.item.service.name)); th.appendChild(cell("br")); th.appendChild(cell("span", b.item.label));
      th.lastChild.className = "hb-small";
      tr.setAttribute("data-key", b.entry.key); tr.appendChild(th);
      setFigures(tr, line);
      var text = line.reason === "no-school" ? "Enter your school to work this out." : priced ? howText(line) : reasonText(line.reason, school);
      tr.appendChild(cell("td", text));
      ["net", "vat", "gross"].forEach(function (part) {
        var value = priced ? (part === "net" ? line.net : part === "vat" ? line.vat : line.net + line.vat) : null;
        var td = cell("td", value === null ? "–" : money(value)); td.className = "hb-money"; tr.appendChild(td);
      });
      if (priced) { total.net += line.net; total.vat += line.vat; }
      var action = cell("td"), button = cell("button");
      button.type = "button"; button.className = "hb-school__button"; button.setAttribute("data-hb-remove", b.entry.key);
      button.appendChild(document.createTextNode("Remove "));
      button.appendChild(cell("span", b.item.label)); button.lastChild.className = "hb-sr-only";
      action.appendChild(button); tr.appendChild(action); body.appendChild(tr); labelCells(tr);
    });
    var empty = lines.length === 0;
    panel.querySelector("[data-hb-basket-empty]").hidden = !empty;
    panel.querySelector("[data-hb-basket-table]").hidden = empty;
    panel.querySelector("[data-hb-basket-actions]").hidden = empty;
    var foot = panel.querySelector("[data-hb-basket-total]");
    foot.hidden = !school.complete;
    setFigures(foot, { reason: null, net: total.net, vat: total.vat, limitedBy: null });
    panel.querySelector("[data-hb-total-net]").textContent = money(total.net);
    panel.querySelector("[data-hb-total-vat]").textContent = money(total.vat);
    panel.querySelector("[data-hb-total-gross]").textContent = money(total.net + total.vat);
  }
  function announce(text) { panel.querySelector("[data-hb-basket-status]").textContent = text; }
  function toggle(key) {
    var item = itemsByKey[key];
    if (inBasket(key)) {
      basket = basket.filter(function (e) { return e.key !== key; });
      announce("Removed from your basket: " + (item ? item.label : key) + ".");
    } else if (item) {
      basket.push(entryFor(item));
      announce("Added to your basket: " + item.label + ".");
    }
    saveBasket();
    update();
  }

  // CSV: the columns and rows of `handbook quote --format csv` (contract.md), chosen items only.
  var CSV_COLUMNS = ["service_id", "service_name", "item_key", "item", "unit", "price_gbp", "count", "periods", "net_gbp", "vat_gbp", "gross_gbp", "note"];
  var FORMULA = /^[=+\-@\t\r]/;
  function csvCell(value) {
    var text = value === null || value === undefined ? "" : String(value);
    if (FORMULA.test(text)) text = "'" + text; // as presentation/escape.csv_cell: a spreadsheet shows it as text
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  function limitNote(line) { return line.limitedBy ? words.limits[line.limitedBy] : ""; }
  function basketCsv(school) {
    var out = [CSV_COLUMNS], total = { net: 0n, vat: 0n }, seen = Object.create(null);
    basketLines(school).forEach(function (b) {
      var s = b.item.service, line = b.line, c = line.charge;
      if (b.serviceReason) {
        if (!seen[s.id]) out.push([s.id, s.name, "", "", "", "", "", "", "", "", "", reasonWords(b.serviceReason, school)]);
        seen[s.id] = true;
        return;
      }
      if (line.reason !== null) {
        out.push([s.id, s.name, b.item.key, b.item.label, c ? unitText(c) : "", "", "", "", "", "", "", reasonWords(line.reason, school)]);
        return;
      }
      total.net += line.net; total.vat += line.vat;
      out.push([s.id, s.name, b.item.key, b.item.label, unitText(c), plain(c.pence), line.count, line.periods,
        plain(line.net), plain(line.vat), plain(line.net + line.vat), limitNote(line)]);
    });
    out.push(["total", "", "", "", "", "", "", "", plain(total.net), plain(total.vat), plain(total.net + total.vat), ""]);
    return out.map(function (row) { return row.map(csvCell).join(","); }).join("\r\n") + "\r\n";
  }
  function download(school) {
    var blob = new Blob([basketCsv(school)], { type: "text/csv;charset=utf-8" });
    var url = URL.createObjectURL(blob), link = document.createElement("a");
    link.href = url; link.download = "school-basket.csv"; link.hidden = true;
    document.body.appendChild(link); link.click(); document.body.removeChild(link);
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }
  function printBasket() {
    var html = document.documentElement;
    html.classList.add("hb-print-basket");
    window.addEventListener("afterprint", function done() {
      html.classList.remove("hb-print-basket");
      window.removeEventListener("afterprint", done);
    });
    window.print();
  }

  /* ---- Wiring. -------------------------------------------------------------------------------- */
  var status = root.querySelector("[data-hb-school-status]");
  var rollError = root.querySelector("[data-hb-roll-error]");
  function update(keepAddress) {
    var school = readSchool();
    var badRoll = school.roll !== "" && school.pupils === null;
    rollError.hidden = !badRoll;
    fields.roll.setAttribute("aria-invalid", badRoll ? "true" : "false");
    status.textContent = school.complete
      ? "Showing prices for: " + optionText(fields.phase, school.phase) + ", " + lower(optionText(fields.kind, school.kind)) + ", "
        + whole(school.pupils) + " " + plural("pupil", school.pupils) + " on roll."
      : "";
    if (pays) renderPays(school);
    if (scope === "catalogue") renderNotes(school);
    renderBasket(school);
    if (!keepAddress) later(school);
  }
  // The address and the stored school are written once typing pauses (or the page is left), not
  // on every keystroke: the figures change at once, and the browser limits how often a page may
  // rewrite its address.
  var pending = null, timer = 0;
  function later(school) {
    pending = school;
    window.clearTimeout(timer);
    timer = window.setTimeout(flush, 250);
  }
  function flush() {
    window.clearTimeout(timer);
    if (pending) toAddress(pending);
    pending = null;
  }
  window.addEventListener("pagehide", flush);

  root.addEventListener("input", function (event) { if (event.target.hasAttribute("data-hb-qty")) onQuantity(event); });
  root.addEventListener("focusout", function (event) { if (event.target.hasAttribute("data-hb-qty")) update(true); });
  form.addEventListener("input", function () { update(); });
  form.addEventListener("change", function () { update(); });
  form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
  root.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button") : null;
    if (!button || !root.contains(button)) return;
    if (button.hasAttribute("data-hb-add")) toggle(button.getAttribute("data-hb-add"));
    else if (button.hasAttribute("data-hb-remove")) {
      basket = basket.filter(function (e) { return e.key !== button.getAttribute("data-hb-remove"); });
      saveBasket(); announce("Removed from your basket."); update();
      panel.querySelector("#hb-basket-title").focus();
    } else if (button.hasAttribute("data-hb-csv")) download(readSchool());
    else if (button.hasAttribute("data-hb-print")) printBasket();
    else if (button.hasAttribute("data-hb-clear")) {
      basket = []; saveBasket(); announce("Your basket is empty."); update();
      panel.querySelector("#hb-basket-title").focus();
    }
  });
  window.addEventListener("storage", function (event) { if (event.key === BASKET_KEY) { loadBasket(); update(true); } });
  window.addEventListener("popstate", function () { quantities = Object.create(null); loadBasket(); fromAddress(); update(true); });

  if (pays) buildRows();
  if (scope === "catalogue") buildNotes();
  loadBasket();
  fromAddress();
  saveBasket(); // quantities from the address reach the basket
  root.hidden = false;
  update(true);
})();
