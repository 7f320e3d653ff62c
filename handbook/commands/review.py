"""review: a data folder -> the services and contacts whose review is overdue or due soon.

Input: the data folder, a number of days and the date to count from. Output: `ReviewItem`s,
most overdue first, each with its owner (the unit and the role that leads it) and where its
`review_due` is written, so an officer can go straight to it. Internal records are included
(this list is for officers, never published). It never changes the data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from handbook.core.errors import HandbookUserError
from handbook.data.validate import validate
from handbook.presentation.wording import long_date


@dataclass(frozen=True)
class ReviewItem:
    kind: str  # "service" or "contact"
    id: str
    name: str
    review_due: dt.date
    days_left: int  # negative when overdue
    owner: str  # the owning unit, with the role that leads it where there is one
    where: str  # file:line of `review_due`
    internal: bool

    @property
    def overdue(self) -> bool:
        return self.days_left < 0


def _owner(handbook, unit_id: str) -> str:
    unit = handbook.units_by_id.get(unit_id)
    if unit is None:
        return unit_id
    lead = handbook.roles_by_id.get(unit.lead) if unit.lead else None
    return f"{unit.name} (led by the {lead.title})" if lead else unit.name


def due_items(data_dir: Path | str, within_days: int = 30, today: dt.date | None = None) -> list[ReviewItem]:
    """Services and contact roles whose review is overdue or due within `within_days` days."""
    if within_days < 0:
        raise HandbookUserError(f"--within must be 0 days or more, not {within_days}")
    today = today or dt.date.today()
    result = validate(data_dir, today)
    handbook = result.handbook
    if handbook is None:
        raise HandbookUserError("the data has errors; run `handbook validate` to see them, then list reviews", status=1)
    horizon = today + dt.timedelta(days=within_days)

    def where(stem: str, path: tuple) -> str:
        doc = result.documents[stem]
        line, _ = doc.locate(path)
        return f"{doc.file}:{line}"

    items = []
    for i, s in enumerate(handbook.services.services):
        if s.review_due <= horizon:
            items.append(ReviewItem("service", s.id, s.name, s.review_due, (s.review_due - today).days, _owner(handbook, s.owner), where("services", ("services", i, "review_due")), not s.is_public))
    for i, r in enumerate(handbook.contacts.roles):
        if r.review_due is not None and r.review_due <= horizon:
            items.append(ReviewItem("contact", r.id, r.title, r.review_due, (r.review_due - today).days, _owner(handbook, r.team), where("contacts", ("roles", i, "review_due")), r.visibility.value == "internal"))
    return sorted(items, key=lambda item: (item.review_due, item.kind, item.name))


def _when(item: ReviewItem) -> str:
    due = long_date(item.review_due)
    if item.days_left < 0:
        days = -item.days_left
        return f"OVERDUE by {days} day{'s' * (days != 1)} (due {due})"
    if item.days_left == 0:
        return f"due today ({due})"
    return f"due in {item.days_left} day{'s' * (item.days_left != 1)} ({due})"


def render_review(items: list[ReviewItem], within_days: int | None = None) -> str:
    """The list for a terminal: a summary line, then each item with its owner and location."""
    if not items:
        span = f" in the next {within_days} days" if within_days is not None else ""
        return f"No reviews are overdue or due{span}."
    overdue = sum(item.overdue for item in items)
    lines = [f"{overdue} overdue, {len(items) - overdue} due soon; most overdue first.", ""]
    for item in items:
        label = f"{item.kind} {item.name!r} [{item.id}]" + (" (internal)" if item.internal else "")
        lines += [f"{_when(item)}: {label}", f"    owner: {item.owner}", f"    update review_due at {item.where}"]
    return "\n".join(lines)
