"""classes: the one table of the CSS classes the book's trees carry, and what the PDF does with each.

The prose pages' macros return the website's HTML fragments (`presentation/templates/*.html.j2`),
which `parse` turns into elements for `tree.Writer`; Python-Markdown adds classes of its own
(admonitions, footnotes). Every class either side uses is named here, so a class added to a
template is a decision, not an accident: `tests/pdf/test_classes.py` fails on a template class
missing from this table, and the writer records any class it meets that is not in it.
"""

from __future__ import annotations

# What the writer does with an element by its class: the `book.typ` function that sets it.
PARAGRAPH = {"hb-signatories": "hb-signatories", "hb-visually-secondary": "hb-small"}
INLINE = {"hb-signatory": "hb-signatory", "hb-visually-secondary": "hb-small", "hb-badge": "hb-badge", "heading-number": "hb-number"}
BLOCK = {"admonition": "hb-admonition"}
# The website's drawing of the organisation chart: the book draws it again for a portrait page.
SITE_CHART = "hb-org-chart__image"

# Classes that change nothing on paper: the element prints as its kind (a list, a table, a
# paragraph) would. Each says why.
PLAIN = {
    # layout and look of the website only
    "hb-table-wrap": "a scrolling box around a wide table",
    "hb-lead": "larger type for a page's opening",
    "hb-foreword": "the foreword's box",
    "hb-org-chart": "the chart's figure (a figure prints as a figure)",
    "hb-structure-list": "the chart's text equivalent",
    "hb-badge--*": "a badge's colour by kind of provision",
    "md-button": "a link styled as a button",
    # lists and tables of the fragments: their elements say enough
    "hb-appendix-groups": "table",
    "hb-newsletters": "table",
    "hb-schedule": "table",
    "hb-price-list": "table",
    "hb-contacts": "table",
    "hb-roles": "table",
    "hb-channels": "definition list",
    "hb-portfolios": "definition list",
    "hb-glossary": "definition list",
    "hb-people": "list",
    "hb-services-list": "list",
    "hb-service-counts": "list",
    "hb-downloads": "list",
    "hb-steps": "numbered list",
    "hb-contact-lines": "lines of a contact",
    "hb-groups": "the groups' sections",
    "hb-groups__table": "table (a class, so the website's theme does not wrap it in a second scrolling box)",
    "hb-concern": "the levels of concern",
    "hb-concern__level": "one level's section",
    "hb-protocol": "one protocol's section",
    "hb-release": "one data release's section",
    "hb-contact-card": "a contact point's box",
    # the website's catalogue and its filters (the book prints its own catalogue)
    "hb-catalogue": "the catalogue page",
    "hb-catalogue__list": "list",
    "hb-catalogue__count": "paragraph",
    "hb-catalogue__empty": "paragraph",
    "hb-card": "a service's card",
    "hb-card__title": "heading",
    "hb-card__summary": "paragraph",
    "hb-card__meta": "paragraph",
    "hb-card__category": "text",
    "hb-card__audience": "text",
    "hb-filters": "the filter form",
    "hb-filters__field": "a filter",
    # Python-Markdown's own
    "admonition-title": "the admonition's first paragraph",
    "footnote": "the footnotes' block",
    "footnote-ref": "a footnote's number",
    "footnote-backref": "the way back from a footnote",
    **{kind: "an admonition's kind" for kind in ("note", "abstract", "info", "tip", "success", "question", "warning", "failure", "danger", "bug", "example", "quote")},
}

KNOWN = {*PARAGRAPH, *INLINE, *BLOCK, SITE_CHART, *PLAIN}


def known(name: str) -> bool:
    """Whether the class `name` is in the table (a modifier `block--x` as `block--*`)."""
    return name in KNOWN or ("--" in name and name.split("--", 1)[0] + "--*" in KNOWN)
