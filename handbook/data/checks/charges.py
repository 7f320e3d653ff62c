"""Prices in one offer do not contradict each other, nor the one rule for kinds of school.

Pupil-number bands for the same schools must not overlap. A price for free schools must be
for academies too: a free school pays what an academy pays (`types.kinds_covered`), so
`[free-school]` without `academy` would be a price the arithmetic and every table contradict.
"""

from __future__ import annotations

from collections.abc import Iterator

from handbook.core.errors import Problem
from handbook.data.checks import Context
from handbook.data.messages import check_message
from handbook.data.model.types import Setting, kinds_covered


def _same_price_slot(a, b) -> bool:
    """Two charges compete when a school could match both: same label, unit and phase, and some
    kind of school both are for by the one rule (`Charge.kinds`: academy covers free schools)."""
    return (
        a.label == b.label
        and a.unit == b.unit
        and a.phase == b.phase
        and bool(_kinds(a) & _kinds(b))
    )


def _kinds(charge) -> frozenset[Setting]:
    """`Charge.kinds`, leaving out a kind of school written wrong (reported as such): the
    charge may be a salvaged one (`handbook.data.salvage`)."""
    return kinds_covered([s for s in charge.settings if s is not None])


def _band_text(band) -> str:
    return f"{band.pupils_from}–{band.pupils_to}" if band.pupils_to is not None else f"{band.pupils_from} and over"


def _overlaps(ctx: Context, s: int, o: int, charges) -> Iterator[Problem]:
    for j, later in enumerate(charges):
        if later is None or later.band is None or not ctx.complete(later):
            continue
        for i in range(j):
            earlier = charges[i]
            if earlier is None or earlier.band is None or not ctx.complete(earlier) or not _same_price_slot(earlier, later):
                continue
            if earlier.band.overlaps(later.band):
                path = ("services", s, "offers", o, "charges", j, "band")
                yield ctx.problem(
                    "services", path,
                    f"the band {_band_text(later.band)} pupils overlaps charges[{i}] ({_band_text(earlier.band)} pupils) "
                    "for the same schools; a school must fall in exactly one band",
                    "overlapping-band",
                )


def _free_school_alone(ctx: Context, s: int, o: int, charges) -> Iterator[Problem]:
    for c, charge in enumerate(charges):
        if Setting.FREE_SCHOOL in charge.settings and Setting.ACADEMY not in charge.settings:
            k = charge.settings.index(Setting.FREE_SCHOOL)
            path = ("services", s, "offers", o, "charges", c, "settings", k)
            yield ctx.problem("services", path, check_message("settings.free-school"), "settings.free-school", suggestion=Setting.ACADEMY.value)


def check(ctx: Context) -> Iterator[Problem]:
    for s, service in ctx.items("services", "services"):
        for o, offer in enumerate(service.offers):
            yield from _overlaps(ctx, s, o, offer.charges)
            yield from _free_school_alone(ctx, s, o, offer.charges)
