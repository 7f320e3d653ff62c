"""Overdue reviews are warnings: the entry may be out of date, but publishing can go ahead."""

from __future__ import annotations

from collections.abc import Iterator

from handbook.core.errors import Level, Problem
from handbook.data.checks import Context

# The regulations' guidance: review the accessibility statement at least once a year.
STATEMENT_REVIEW_DAYS = 365


def check(ctx: Context) -> Iterator[Problem]:
    for i, s in ctx.items("services", "services"):
        if s.review_due is not None and s.review_due < ctx.today:
            yield ctx.problem("services", ("services", i, "review_due"), f"the review of {s.name!r} was due on {s.review_due.isoformat()}; check the entry and update `last_reviewed` and `review_due`", "review-overdue", Level.WARNING)
    for i, r in ctx.items("contacts", "roles"):
        if r.review_due is not None and r.review_due < ctx.today:
            yield ctx.problem("contacts", ("roles", i, "review_due"), f"the contact details for {r.title!r} were due for review on {r.review_due.isoformat()}; check them and update the dates", "review-overdue", Level.WARNING)
    statement = ctx.models["authority"].accessibility if ctx.has("authority") else None
    # A salvaged statement (a wrong date reported on its own) has None where the date was.
    if statement is not None and statement.last_reviewed is not None and (ctx.today - statement.last_reviewed).days > STATEMENT_REVIEW_DAYS:
        yield ctx.problem("authority", ("accessibility", "last_reviewed"), f"the accessibility statement was last reviewed on {statement.last_reviewed.isoformat()}, more than a year ago; review it (and test the website again) and update `last_reviewed`", "review-overdue", Level.WARNING)
