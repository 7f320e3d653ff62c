"""Units written the way earlier editions wrote them still validate, with a warning saying what to write.

Why a warning, not an error: archived editions keep validating as they were published, and an
old phrase still has one reading (`per pupil` is read as `per pupil per year`); but the reading
is the handbook's guess, so the officer is asked to write what the price means.
"""

from __future__ import annotations

from collections.abc import Iterator

from handbook.core.errors import Level, Problem
from handbook.data.checks import Context
from handbook.data.messages import check_message, shown
from handbook.data.model.units import LEGACY


def check(ctx: Context) -> Iterator[Problem]:
    for s, service in ctx.items("services", "services"):
        for o, offer in enumerate(service.offers):
            for c, charge in enumerate(offer.charges):
                if charge.unit is None or not charge.unit.legacy:
                    continue
                read_as, fix = LEGACY[charge.unit.written]
                message = check_message("unit.legacy", written=shown(charge.unit.written), read_as=read_as, fix=fix)
                path = ("services", s, "offers", o, "charges", c, "unit")
                yield ctx.problem("services", path, message, "unit.legacy", Level.WARNING, suggestion=read_as)
