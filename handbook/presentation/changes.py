"""changes: a `ChangeReport` -> words: plain text for the CLI, Markdown for the
site page "What has changed in this edition" and the PDF section built from it.

Every piece of data text in the Markdown is escaped (HTML and Markdown syntax are shown as
typed, and `{`/`}` can never become a template); nothing is evaluated. No I/O.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from decimal import Decimal

from handbook.presentation import wording as filters
from handbook.views.changes import ChangeReport, ChargeChange


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#!])")


def md(text: object) -> str:
    """Data text made inert inside a Markdown paragraph, list item or table cell."""
    escaped = html.escape(str(text), quote=False).replace("{", "&#123;").replace("}", "&#125;")
    return _MD_SPECIAL.sub(r"\\\1", escaped).replace("\n", " ")


def money(amount: Decimal | None) -> str:
    """£1,450 or £12.50 (the shared filter, as on the price list); `None` is "price on
    application", the filter's words in the middle of a sentence."""
    text = filters.money(amount)
    return text[0].lower() + text[1:] if amount is None else text


def percent(change: ChargeChange) -> str:
    return "" if change.percent is None else f"{change.percent:+.1f}%"


def _threshold(report: ChangeReport) -> str:
    return f"{report.threshold:g}%"


def _counts(report: ChangeReport) -> list[str]:
    """`2 services added`, ... for every kind of change there is, in reading order."""
    counts = [
        (len(report.services_added), "service added", "services added"),
        (len(report.services_withdrawn), "service withdrawn", "services withdrawn"),
        (len(report.services_renamed), "service renamed", "services renamed"),
        (len(report.provision_changes), "provision change", "provision changes"),
        (len(report.charges_changed), "price changed", "prices changed"),
        (len(report.rises_above_threshold), f"rise above {_threshold(report)}", f"rises above {_threshold(report)}"),
        (len(report.charges_added), "price added", "prices added"),
        (len(report.charges_removed), "price removed", "prices removed"),
        (len(report.contacts), "contact change", "contact changes"),
        (len(report.chairs), "chair changed", "chairs changed"),
    ]
    return [f"{n} {one if n == 1 else many}" for n, one, many in counts if n]


def _holder_words(c, show: Callable[[object], str]) -> str:
    """A holder change as published: the old holder is never named (see `views.changes`)."""
    if c.new is None:
        return "the post has been filled; the holder is not named"
    now = "vacant" if c.new == "vacant" else show(c.new)
    return f"was vacant, now {now}" if c.old == "vacant" else f"now {now}"


def _contact_line(c, show: Callable[[object], str] = str) -> tuple[str, str]:
    """(name, what changed) for one contact change; `show` makes data text safe for the output."""
    if c.field == "added":
        return c.name, "new contact"
    if c.field == "removed":
        return c.name, "no longer listed"
    if c.field == "holder":
        return c.name, "post-holder: " + _holder_words(c, show)
    if c.old is None:
        return c.name, f"{c.field}: now {show(c.new)}"
    if c.new is None:
        return c.name, f"{c.field}: no longer given"
    return c.name, f"{c.field} was {show(c.old)}, now {show(c.new)}"


def _contact_markdown(c) -> str:
    name, what = _contact_line(c, md)
    return f"{md(name)}: {what}"


def _chair_line(c, show: Callable[[object], str] = str) -> str:
    now = show(filters.chair_text(c.new, start=False))
    if c.old is None:
        return f"{show(c.group_name)}: chair now {now}"
    return f"{show(c.group_name)}: chair was {show(filters.chair_text(c.old, start=False))}, now {now}"


def render_text(report: ChangeReport) -> str:
    """The report for a terminal: one line per change, `!` marking rises above the threshold."""
    lines = [f"What changed from the {report.old_edition} edition to the {report.new_edition} edition"]
    if report.is_empty:
        return lines[0] + "\nNothing changed."
    lines.append(", ".join(_counts(report)) + ".")

    def section(title: str, rows: list[str]) -> None:
        if rows:
            lines.extend(["", f"{title} ({len(rows)})", *rows])

    section("Services added", [f"  + {s.id}: {s.name} ({s.provision})" for s in report.services_added])
    section("Services withdrawn", [f"  - {s.id}: {s.name}" for s in report.services_withdrawn])
    section("Services renamed", [f"  ~ {r.id}: {r.old_name!r} -> {r.new_name!r}" for r in report.services_renamed])
    section("Provision changed", [f"  ~ {p.id}: {p.name}: {p.old} -> {p.new}" for p in report.provision_changes])
    section(
        f"Prices changed (! = rise above {_threshold(report)})",
        [f"  {'!' if c.above_threshold else ' '} {c.service_name} / {c.offer_name} / {filters.describe_charge(c.charge)}: {money(c.old_amount)} -> {money(c.new_amount)} {f'({percent(c)})' if c.percent is not None else ''}".rstrip() for c in report.charges_changed],
    )
    section("Prices added", [f"  + {c.service_name} / {c.offer_name} / {filters.describe_charge(c.charge)}: {money(c.new_amount)}" for c in report.charges_added])
    section("Prices removed", [f"  - {c.service_name} / {c.offer_name} / {filters.describe_charge(c.charge)}: was {money(c.old_amount)}" for c in report.charges_removed])
    section("Contacts", [f"  ~ {c.id}: {name}: {what}" for c in report.contacts for name, what in [_contact_line(c)]])
    section("Chairs", [f"  ~ {_chair_line(c)}" for c in report.chairs])
    return "\n".join(lines)


def render_markdown(report: ChangeReport | None, *, heading_level: int = 2, service_url: Callable[[str], str] | None = None) -> str:
    """The report as Markdown for the site page and the PDF section.

    Args:
        report: the comparison, or `None` when the data names no previous edition.
        heading_level: level of the section headings (2 under the page title).
        service_url: maps a service id to a link target; no links when `None`.
    """
    if report is None:
        return "This is the first edition of the handbook held here, so there is nothing to compare it with.\n"
    h = "#" * heading_level
    link = (lambda sid, name: f"[{md(name)}]({service_url(sid)})") if service_url else (lambda sid, name: md(name))
    out = [f"Changes from the {md(report.old_edition)} edition to the {md(report.new_edition)} edition. "
           f"Price rises above {_threshold(report)} are marked **above {_threshold(report)}**."]
    if report.is_empty:
        out.append(f"Nothing has changed since the {md(report.old_edition)} edition.")
        return "\n\n".join(out) + "\n"
    out.append("In summary: " + ", ".join(_counts(report)) + ".")

    def bullets(title: str, rows: list[str]) -> None:
        if rows:
            out.append(f"{h} {title}\n\n" + "\n".join(f"- {r}" for r in rows))

    bullets("New services", [f"{link(s.id, s.name)} ({s.provision})" for s in report.services_added])
    bullets("Services withdrawn", [md(s.name) for s in report.services_withdrawn])
    bullets("Services renamed", [f"{md(r.old_name)} is now called {link(r.id, r.new_name)}" for r in report.services_renamed])
    bullets("Statutory and traded", [f"{link(p.id, p.name)}: was {p.old}, now {p.new}" for p in report.provision_changes])
    if report.charges_changed:
        rows = [f"| Service | Offer | Price for | {md(report.old_edition)} | {md(report.new_edition)} | Change |", "|---|---|---|--:|--:|--:|"]
        for c in report.charges_changed:
            flag = f" **above {_threshold(report)}**" if c.above_threshold else ""
            rows.append(f"| {link(c.service_id, c.service_name)} | {md(c.offer_name)} | {md(filters.describe_charge(c.charge))} | {md(money(c.old_amount))} | {md(money(c.new_amount))} | {percent(c)}{flag} |")
        out.append(f"{h} Price changes\n\n" + "\n".join(rows))
    bullets("New prices", [f"{link(c.service_id, c.service_name)}, {md(c.offer_name)}: {md(filters.describe_charge(c.charge))}: {md(money(c.new_amount))}" for c in report.charges_added])
    bullets("Prices no longer offered", [f"{md(c.service_name)}, {md(c.offer_name)}: {md(filters.describe_charge(c.charge))}: was {md(money(c.old_amount))}" for c in report.charges_removed])
    bullets("Contacts", [_contact_markdown(c) for c in report.contacts])
    bullets("Chairs of groups", [_chair_line(c, md) for c in report.chairs])
    return "\n\n".join(out) + "\n"
