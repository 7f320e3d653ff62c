"""The school's own view: the form and panels the calculator script fills, and the prices it reads.

Input: public services. Output: HTML (`Markup`) for a page: a container, hidden until
`overrides/assets/javascripts/school.js` runs (so without JavaScript only the full charge tables
show), and the engine's facts (`views.quote.calculator_data`) as JSON in a
`<script type="application/json">`, so the browser computes from the engine's data and asks the
network for nothing. The fixed words (labels, headings, buttons) are written here, escaped; the
reasons an item has no figure and the CSV's notes are `handbook quote`'s own
(`presentation.quote.reason_words`, `LIMIT_WORDS`), handed to the script as JSON in the
container's `data-hb-words` (`school_words`), so the basket's CSV says what the command says.
The script adds every word and figure as text, never as HTML.
"""

from __future__ import annotations

import json

from markupsafe import Markup, escape

from handbook.core.limits import MAX_PUPILS
from handbook.data.model.types import Phase, Setting
from handbook.presentation import wording
from handbook.presentation.quote import LIMIT_WORDS, reason_words
from handbook.views.quote import MAX_QUANTITY, Reason, School, calculator_data

# The form's labels. Not "Phase" or "Kind of service": the catalogue's filters use those words,
# and a label should name one control on a page.
LABELS = {
    "legend": "Your school",
    "hint": "Enter your school to see what it pays. What you enter stays in this browser: nothing is sent anywhere.",
    "phase": "School type",
    "kind": "Kind of school",
    "roll": "Pupils on roll",
    "choose": "Choose",
    "roll_error": f"Enter the number of pupils on roll as a whole number from 0 to {MAX_PUPILS:,}.",
    "pays": "What your school pays",
    "pays_caption": "Each item at the price for your school, with VAT as the council charges it. "
    "Change a quantity to work out a different amount.",
    "basket": "Your basket",
    "basket_caption": "The items you chose, for a year, at the prices for your school.",
    "basket_empty": "Your basket is empty. Use \u201cAdd to basket\u201d on a service\u2019s page to choose items.",
    "print": "Print the basket",
    "csv": "Download the basket (CSV)",
    "clear": "Empty the basket",
    "total": "Total for the year",
}
PAYS_COLUMNS = ("Item", "Quantity", "Net", "VAT", "Total", "How it is worked out")
BASKET_COLUMNS = ("Service and item", "How it is worked out", "Net", "VAT", "Total")


def _script_json(value: object) -> str:
    # Inside <script> only `</` can end the element early; escaping <, > and & keeps any text inert.
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def school_words() -> dict:
    """The quote's words for each reason, by what they depend on: the school's phase, its kind, or
    its roll (`no_band`: the words for one pupil, and for any other number with `{n}` in place of
    it); `limits`: where a minimum or a cap changed a figure.

    Why a table and not templates: the words are the command's, made by its own function; a test
    checks the table against `reason_words` for every school it can describe.
    """
    any_phase, any_kind = Phase.PRIMARY, Setting.MAINTAINED
    by_phase = (Reason.NOT_FOR_PHASE, Reason.NOT_OFFERED_PHASE)
    by_kind = (Reason.NOT_FOR_KIND, Reason.NOT_OFFERED_KIND)
    fixed = (Reason.ON_APPLICATION, Reason.PAID_BY_COUNCIL, Reason.STATUTORY)
    many = reason_words(Reason.NO_BAND, School(any_phase, any_kind, 1002))
    return {
        "phase": {p.value: {r.value: reason_words(r, School(p, any_kind, 0)) for r in by_phase} for p in Phase},
        "kind": {k.value: {r.value: reason_words(r, School(any_phase, k, 0)) for r in by_kind} for k in Setting},
        "fixed": {r.value: reason_words(r, School(any_phase, any_kind, 0)) for r in fixed},
        "no_band": [reason_words(Reason.NO_BAND, School(any_phase, any_kind, 1)), many.replace("1,002", "{n}")],
        "limits": LIMIT_WORDS,
    }


def _select(name: str, label: str, options: list[tuple[str, str]]) -> str:
    choices = "".join(f'<option value="{escape(v)}">{escape(text)}</option>' for v, text in options)
    return (
        f'<div class="hb-school__field"><label for="hb-{name}">{escape(label)}</label>'
        f'<select id="hb-{name}" name="{name}"><option value="">{escape(LABELS["choose"])}</option>{choices}</select></div>'
    )


def _form() -> str:
    phases = [(p.value, wording.phase_label(p)) for p in Phase]
    kinds = [(k.value, wording.setting_label(k)) for k in Setting]
    return (
        '<form class="hb-school__form" data-hb-school-form novalidate>'
        f'<fieldset><legend>{escape(LABELS["legend"])}</legend>'
        f'<p class="hb-school__hint">{escape(LABELS["hint"])}</p>'
        '<div class="hb-school__fields">'
        + _select("school-phase", LABELS["phase"], phases)
        + _select("school-kind", LABELS["kind"], kinds)
        + f'<div class="hb-school__field"><label for="hb-roll">{escape(LABELS["roll"])}</label>'
        '<input id="hb-roll" name="roll" type="text" inputmode="numeric" autocomplete="off" spellcheck="false" size="8" '
        'aria-describedby="hb-roll-error"></div></div>'
        f'<p class="hb-school__error" id="hb-roll-error" data-hb-roll-error hidden>{escape(LABELS["roll_error"])}</p>'
        "</fieldset></form>"
        '<p class="hb-school__status" role="status" data-hb-school-status></p>'
    )


def _head(columns: tuple[str, ...], extra: str) -> str:
    cells = "".join(f'<th scope="col">{escape(c)}</th>' for c in columns)
    return f'<thead><tr>{cells}<th scope="col"><span class="hb-sr-only">{escape(extra)}</span></th></tr></thead>'


def _pays(level: int) -> str:
    return (
        '<section class="hb-pays" aria-labelledby="hb-pays-title" data-hb-pays hidden>'
        f'<h{level} id="hb-pays-title">{escape(LABELS["pays"])}</h{level}>'
        '<p class="hb-pays__reason" data-hb-pays-reason hidden></p>'
        '<div class="hb-table-wrap" role="region" aria-labelledby="hb-pays-title" tabindex="0" data-hb-pays-table>'
        f'<table class="hb-pays__table hb-stack"><caption>{escape(LABELS["pays_caption"])}</caption>'
        + _head(PAYS_COLUMNS, "Basket")
        + "<tbody data-hb-pays-rows></tbody></table></div></section>"
    )


def _basket(level: int) -> str:
    total = "".join(f'<td class="hb-money" data-label="{escape(label)}" data-hb-total-{part}></td>' for part, label in zip(("net", "vat", "gross"), BASKET_COLUMNS[2:]))
    return (
        '<section class="hb-basket" aria-labelledby="hb-basket-title" data-hb-basket>'
        f'<h{level} id="hb-basket-title" tabindex="-1">{escape(LABELS["basket"])}</h{level}>'
        f'<p data-hb-basket-empty>{escape(LABELS["basket_empty"])}</p>'
        '<div class="hb-table-wrap" role="region" aria-labelledby="hb-basket-title" tabindex="0" data-hb-basket-table hidden>'
        f'<table class="hb-basket__table hb-stack"><caption>{escape(LABELS["basket_caption"])}</caption>'
        + _head(BASKET_COLUMNS, "Remove")
        + '<tbody data-hb-basket-rows></tbody><tfoot><tr data-hb-basket-total>'
        f'<th scope="row" colspan="2">{escape(LABELS["total"])}</th>{total}<td></td></tr></tfoot></table></div>'
        '<p class="hb-basket__actions" data-hb-basket-actions hidden>'
        f'<button type="button" class="md-button" data-hb-print>{escape(LABELS["print"])}</button> '
        f'<button type="button" class="md-button" data-hb-csv>{escape(LABELS["csv"])}</button> '
        f'<button type="button" class="md-button" data-hb-clear>{escape(LABELS["clear"])}</button></p>'
        '<p class="hb-sr-only" role="status" data-hb-basket-status></p></section>'
    )


def school_view(services: list, scope: str) -> Markup:
    """`scope` is `catalogue` (every service) or `service` (one service's page).

    Why one line per part and no blank line: on a service page this HTML sits in Markdown, where a
    blank line would end the raw HTML block.
    """
    data = _script_json(calculator_data(services))
    # A service page puts the view under its "Charges" heading (h2); the catalogue under its title.
    level = 3 if scope == "service" else 2
    parts = [_form()] + ([_pays(level)] if scope == "service" else []) + [_basket(level)]
    return Markup(
        f'<div class="hb-school" data-hb-school="{escape(scope)}" data-max-roll="{MAX_PUPILS}" data-max-quantity="{MAX_QUANTITY}" '
        f'data-hb-words="{escape(_script_json(school_words()))}" hidden>\n'
        + "\n".join(parts)
        + "\n</div>\n"
        f'<script type="application/json" id="hb-prices">{data}</script>'
    )
