// What the accessibility tests measure in a page, besides axe (tests/browser/conftest.py runs it).
// Page-side functions, evaluated by Playwright: window.hbAudit.layout(), window.hbAudit.zoomText().

window.hbAudit = (() => {
  "use strict";
  const TARGETS = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, label[for], [role="button"], [tabindex]:not([tabindex="-1"])';

  const describe = (el) => {
    const text = (el.getAttribute("aria-label") || el.textContent || el.value || "").trim().replace(/\s+/g, " ").slice(0, 40);
    return `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : ""} "${text}"`;
  };

  // Shown on screen: laid out, not hidden, and not off the side (Material's closed drawer is
  // moved off-screen at phone width; a visually hidden 1 px text is not a target).
  // Not inside a box that clips it away (a sidebar's scrolled list), and takes the pointer.
  const shown = (el, r) => {
    if (r.width <= 1 || r.height <= 1 || r.right <= 0 || r.left >= innerWidth) return false;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || style.pointerEvents === "none" || el.closest("[hidden], [inert]") || style.opacity === "0") return false;
    for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
      const s = getComputedStyle(box);
      if (s.overflowX === "visible" && s.overflowY === "visible") continue;
      const b = box.getBoundingClientRect();
      if (r.right <= b.left || r.left >= b.right || r.bottom <= b.top || r.top >= b.bottom) return false;
    }
    return true;
  };

  // WCAG 2.5.8's "inline" exception: a link in a line of text, whose size the text sets.
  const inline = (el) => {
    if (getComputedStyle(el).display !== "inline") return false;
    let block = el.parentElement;
    while (block && getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
    const own = (el.textContent || "").trim().length;
    return block !== null && (block.textContent || "").trim().length > own + 2;
  };

  const distance = (x, y, r) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));

  // Targets under 24 x 24 CSS px whose 24 px circle (centred on them) meets another target or
  // another undersized target's circle (WCAG 2.2, 2.5.8, "Spacing"), inline links excepted.
  const smallTargets = () => {
    const targets = [];
    // With a modal dialog open (the search), the page behind it takes no clicks.
    const scope = document.querySelector(":modal") || document;
    for (const el of scope.querySelectorAll(TARGETS)) {
      const r = el.getBoundingClientRect();
      if (shown(el, r)) targets.push({el, r, x: r.left + r.width / 2, y: r.top + r.height / 2, small: (r.width < 23.5 || r.height < 23.5) && !inline(el)});
    }
    const failing = [];
    for (const t of targets.filter((t) => t.small)) {
      const crowded = targets.find((o) => o !== t && !o.el.contains(t.el) && !t.el.contains(o.el) && !(o.el.htmlFor && o.el.htmlFor === t.el.id) && !(t.el.htmlFor && t.el.htmlFor === o.el.id)
        && (distance(t.x, t.y, o.r) < 12 || (o.small && Math.hypot(o.x - t.x, o.y - t.y) < 24)));
      if (crowded) failing.push(`${describe(t.el)} ${Math.round(t.r.width)}x${Math.round(t.r.height)} near ${describe(crowded.el)}`);
    }
    return failing;
  };

  // Boxes that scroll sideways: each must be reachable and named (role=region, a name, tabindex=0).
  const unnamedScrollers = () => {
    const out = [];
    for (const el of document.querySelectorAll("body *")) {
      const o = getComputedStyle(el).overflowX;
      if ((o === "auto" || o === "scroll") && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) {
        if (el.getAttribute("role") !== "region" || !el.getAttribute("aria-label") || el.tabIndex !== 0) out.push(describe(el));
      }
    }
    return out;
  };

  const sideways = () => {
    const root = document.documentElement;
    return root.scrollWidth > root.clientWidth ? [root.scrollWidth, root.clientWidth] : null;
  };

  // Text that an element with overflow hidden or clip cuts off.
  const clipped = () => {
    const out = [];
    for (const el of document.querySelectorAll("body *")) {
      const style = getComputedStyle(el);
      const hides = (v) => v === "hidden" || v === "clip";
      if (!hides(style.overflowX) && !hides(style.overflowY)) continue;
      const r = el.getBoundingClientRect();
      if (!shown(el, r) || !(el.textContent || "").trim()) continue;
      if (style.textOverflow === "ellipsis" && el.title) continue;  // the whole text is in its title
      if ((hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1) || (hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1)) out.push(describe(el));
    }
    return out;
  };

  return {
    layout: () => ({sideways: sideways(), small: smallTargets(), scrollers: unnamedScrollers()}),
    // Text at 200%: the root font size doubled (the theme sizes text in rem), then what is lost.
    zoomText: async () => {
      const root = document.documentElement;
      root.style.fontSize = `${parseFloat(getComputedStyle(root).fontSize) * 2}px`;
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      return {sideways: sideways(), clipped: clipped()};
    },
  };
})();
