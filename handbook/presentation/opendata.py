"""opendata: the words of the machine-readable downloads (Open Referral UK JSON, the calendars).

Input: plain values from views (`views.calendar.Event`, a `Charge`, an `Offer`). Output: text,
in the handbook's own wording (money, units, kinds of school and VAT from `wording`), never a
file format: `site.openreferral` and `site.calendar` put these strings into JSON and RFC 5545,
escaped for each by their libraries.
"""

from __future__ import annotations

from typing import Any

from handbook.presentation.charging import covered_kinds, on_application_unit
from handbook.presentation.wording import charge_notes, long_date, price, scope, setting_labels
from handbook.views.calendar import Event, EventKind

CALENDAR_NAME = "{authority}: dates for schools ({edition})"
CALENDAR_KIND_NAMES = {
    EventKind.BUY_BACK: "buy-back windows",
    EventKind.DEADLINES: "deadlines to buy, renew or re-price",
    EventKind.MEETINGS: "meetings of partnerships and groups",
    EventKind.DATA: "data releases to schools",
}
FREE_OF_CHARGE = "Provided without charge: a statutory service, nothing to buy."
FREE_CORE = "The statutory core is provided without charge."


def calendar_name(authority: str, edition: str, kind: EventKind | None = None) -> str:
    name = CALENDAR_NAME.format(authority=authority, edition=edition)
    return f"{name}, {CALENDAR_KIND_NAMES[kind]}" if kind is not None else name


def _what(event: Event) -> str:
    """`Schools Payroll and Pensions (Payroll service level agreement)`."""
    if event.service is not None and event.offer is not None:
        return f"{event.service.name} ({event.offer.name})"
    return ""


def event_summary(event: Event) -> str:
    """The event's one-line title, as a calendar lists it."""
    if event.kind is EventKind.BUY_BACK:
        return f"Buy-back window open: {_what(event)}"
    if event.kind is EventKind.DEADLINES:
        if event.key.startswith("prices-end/"):
            return f"Last day of these prices: {_what(event)}"
        return f"Last day to buy or renew: {_what(event)}"
    if event.kind is EventKind.MEETINGS:
        return f"Meeting: {event.group.name}"
    return f"{event.release.title} (expected in {event.start:%B %Y})"


def event_description(event: Event) -> str:
    """A few sentences: what the date means and what a school does about it."""
    if event.kind in (EventKind.BUY_BACK, EventKind.DEADLINES) and event.key.startswith(("buy-back", "buy-back-closes")):
        window = event.offer.terms.buy_back_window
        text = f"Schools can buy or renew {event.offer.name} ({event.service.name}) from {long_date(window.opens)} to {long_date(window.closes)}."
        if event.offer.terms.notice:
            text += f" Notice to leave: {event.offer.terms.notice}."
        return text
    if event.kind is EventKind.DEADLINES:
        return f"The published prices of {event.offer.name} ({event.service.name}) apply until {long_date(event.start)}; check the handbook for the prices after it."
    if event.kind is EventKind.MEETINGS:
        return event.group.remit
    return f"{event.release.description} Delivered by: {event.release.format}. Exact dates go on the Schools Portal."


def cost_option(offer: Any, charge: Any) -> str:
    """What a price is for, for Open Referral UK's `option`: `Payroll SLA: Primary schools; academies and free schools`."""
    name = f"{offer.name}: {charge.label}" if charge.label else offer.name
    parts = [setting_labels(covered_kinds(charge.settings))]
    extra = scope(charge.band, charge.phase)
    return "; ".join([name, *parts, *([extra] if extra else [])])


def amount_description(charge: Any) -> str:
    """The price in the handbook's words, for `amount_description`: `£8.95 per pupil per year; plus VAT; paid by the trust`."""
    if charge.price_on_application:
        head = f"{price(charge)}, {on_application_unit(charge.unit)}"
    else:
        head = f"{price(charge)} {charge.unit.value}"
    return f"{head}; {charge_notes(charge)}"


def file_size(size: int) -> str:
    """`46 KB` or `1.2 MB`: a download's size beside its link."""
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{max(1, round(size / 1000))} KB"
