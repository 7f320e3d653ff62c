"""A school prints one page from the browser: content only, the charges whole, addresses shown.

Chromium's own print pipeline (print media, then print-to-PDF) on a real service page.
"""

from __future__ import annotations

import io

from pypdf import PdfReader


def test_a_printed_service_page_shows_the_content_without_the_sites_chrome(page, site_url, sample_handbook):
    mailboxes = {r.id: r.email for r in sample_handbook.contacts.roles if r.email}
    service = next(s for s in sample_handbook.services.services if s.visibility.value == "public" and any(o.charges for o in s.offers) and any(c in mailboxes for c in s.contacts))
    page.goto(f"{site_url}services/{service.id}/")
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-footer', '.md-banner', '.md-search']
        .map(s => document.querySelector(s)).filter(Boolean)
        .map(e => getComputedStyle(e).display)""")
    assert hidden and set(hidden) == {"none"}
    charges = page.locator("table.hb-charges")
    assert charges.is_visible() and page.evaluate("getComputedStyle(document.querySelector('.hb-table-wrap')).overflowX") == "visible"

    printed = PdfReader(io.BytesIO(page.pdf(format="A4"))).pages
    text = " ".join(" ".join(p.extract_text() for p in printed).split())  # lines joined
    assert service.name in text and "Maintained school" in text  # the charges table's heading row
    assert text.startswith(service.name)  # no header, search or navigation before the title
    mail = next(mailboxes[c] for c in service.contacts if c in mailboxes)
    assert f"(mailto:{mail})" in text.replace(" ", "")  # a link's address is printed after it
