"""Prices in one offer do not contradict each other: pupil-number bands must not overlap."""

from __future__ import annotations

from collections.abc import Iterator

from handbook.core.errors import Problem
from handbook.data.checks import Context


def _same_price_slot(a, b) -> bool:
    """Two charges compete when a school could match both: same label, unit and phase, shared settings."""
    return (
        a.label == b.label
        and a.unit == b.unit
        and a.phase == b.phase
        and bool(set(a.settings) & set(b.settings))
    )


def _band_text(band) -> str:
    return f"{band.pupils_from}–{band.pupils_to}" if band.pupils_to is not None else f"{band.pupils_from} and over"


def check(ctx: Context) -> Iterator[Problem]:
    for s, service in ctx.items("services", "services"):
        for o, offer in enumerate(service.offers):
            charges = offer.charges
            for j, later in enumerate(charges):
                if later.band is None:
                    continue
                for i in range(j):
                    earlier = charges[i]
                    if earlier.band is None or not _same_price_slot(earlier, later):
                        continue
                    if earlier.band.overlaps(later.band):
                        path = ("services", s, "offers", o, "charges", j, "band")
                        yield ctx.problem(
                            "services", path,
                            f"the band {_band_text(later.band)} pupils overlaps charges[{i}] ({_band_text(earlier.band)} pupils) "
                            "for the same schools; a school must fall in exactly one band",
                            "overlapping-band",
                        )
