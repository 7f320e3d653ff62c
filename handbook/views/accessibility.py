"""accessibility: the council's facts for the accessibility statement, ready for its page.

Input: a validated `Handbook`. Output: a `Statement` (or None when the data has none): the
compliance status, the known issues grouped by the reason the regulations' model statement
uses, the dates, and the contact point that takes requests and reports (public only: an
internal one is refused by validation, and dropped here too). No English, no formatting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from handbook.data.model import Handbook
from handbook.data.model.authority import Compliance, KnownIssue, Reason
from handbook.data.model.contacts import ContactPoint
from handbook.views.contacts import contact_points


@dataclass(frozen=True)
class Statement:
    authority: str
    status: Compliance
    contact: ContactPoint | None
    reply_within_days: int
    prepared: dt.date
    last_reviewed: dt.date
    last_tested: dt.date
    tested_by: str
    issues: dict[Reason, list[KnownIssue]]  # every reason, in the statement's order; empty lists kept


def statement(handbook: Handbook) -> Statement | None:
    """The statement's facts, or None when authority.yaml has no `accessibility` section."""
    facts = handbook.authority.accessibility
    if facts is None:
        return None
    contact = next((p for p in contact_points(handbook) if p.id == facts.contact), None)
    issues = {reason: [i for i in facts.known_issues if i.reason is reason] for reason in Reason}
    return Statement(
        authority=handbook.authority.authority.name,
        status=facts.status,
        contact=contact,
        reply_within_days=facts.reply_within_days,
        prepared=facts.prepared,
        last_reviewed=facts.last_reviewed,
        last_tested=facts.last_tested,
        tested_by=facts.tested_by,
        issues=issues,
    )
