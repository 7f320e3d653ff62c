"""quote: a school's answers as typed -> what it pays, by the engine's rules (`handbook quote`).

Input: the data folder and the school's answers (phase, kind of school, number on roll, the
services or items it asks about, the quantities it chose), as the command line gives them.
Output: an `Answer`: the engine's `views.quote.Quote` and what its words need. A mistake in the
answers is a `HandbookUserError` (status 2) naming the bad value and, where one is close, the
value meant; data with errors is one too (status 1, listing every problem), as for the other
commands. It never writes anything, and it does no arithmetic: `views.quote` does.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from handbook.core.errors import HandbookUserError
from handbook.core.limits import MAX_PUPILS
from handbook.data.model import Handbook
from handbook.data.model.types import Phase, Setting
from handbook.data.snapshot import cached_handbook
from handbook.views.catalogue import public_services
from handbook.views.quote import MAX_QUANTITY, Quantity, Quote, School, item_keys, quote, resolve_key


@dataclass(frozen=True)
class Answer:
    handbook: Handbook
    quote: Quote
    chosen: dict[str, Quantity] = field(default_factory=dict)  # item key -> what the school chose
    picked: bool = False  # the school named services or items (`--service`)


def _closest(word: str, known: list[str]) -> str:
    near = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    return f"; did you mean {near[0]!r}?" if near else ""


def _choice(text: str, enum, what: str, option: str):
    value = re.sub(r"[\s_]+", "-", text.strip().lower())
    known = [e.value for e in enum]
    if value in known:
        return enum(value)
    return HandbookUserError(f"{option} {text!r} is not {what}{_closest(value, known)} (one of {', '.join(known)})")


def parse_school(phase: str | None, setting: str | None, pupils: str | None) -> School:
    """The school from its answers; `free school` and `Free-School` are read as `free-school`."""
    missing = [name for name, value in (("--phase", phase), ("--setting", setting), ("--pupils", pupils)) if value is None]
    if missing:
        raise HandbookUserError(f"give {' '.join(missing)}: a quote is for one school, e.g. --phase primary --setting academy --pupils 210")
    found_phase = _choice(phase, Phase, "a phase", "--phase")
    found_kind = _choice(setting, Setting, "a kind of school", "--setting")
    for found in (found_phase, found_kind):
        if isinstance(found, HandbookUserError):
            raise found
    text = pupils.strip().replace(",", "")
    if not re.fullmatch(r"-?\d{1,12}", text):
        raise HandbookUserError(f"--pupils {pupils!r} is not a number of pupils; write a whole number such as 210")
    number = int(text)
    if not 0 <= number <= MAX_PUPILS:
        raise HandbookUserError(f"--pupils {number:,} is not a number on roll: it must be from 0 to {MAX_PUPILS:,}")
    return School(found_phase, found_kind, number)


_QUANTITY = re.compile(r"(\d{1,12})(?:\s*[x×]\s*(\d{1,12}))?")


def parse_quantity(text: str) -> tuple[str, Quantity]:
    """`cpd-places=3` -> ('cpd-places', Quantity(3)); `outdoor-education/residential=30x5` -> 30 places, 5 days."""
    key, equals, value = text.partition("=")
    key, value = key.strip(), value.strip().lower()
    match = _QUANTITY.fullmatch(value)
    if not equals or not key or match is None:
        raise HandbookUserError(f"--quantity {text!r} should be written ITEM=N or ITEM=NxM (N of the counted thing, M periods), e.g. cpd-programme/cpd-places=3x2")
    count, periods = int(match[1]), None if match[2] is None else int(match[2])
    for number in (count, periods):
        if number is not None and number > MAX_QUANTITY:
            raise HandbookUserError(f"--quantity {text!r}: {number:,} is more than a school buys; give at most {MAX_QUANTITY:,}")
    return key, Quantity(count, periods)


def _known_keys(handbook: Handbook) -> list[str]:
    keys = item_keys(handbook)
    return sorted({s.id for s in public_services(handbook)} | set(keys) | {k.split("/")[1] for k in keys})


def selected_keys(handbook: Handbook, wanted: list[str]) -> list[str] | None:
    """`--service` values -> service ids and item keys for `views.quote.quote` (None: everything)."""
    if not wanted:
        return None
    services = {s.id for s in public_services(handbook)}
    keys: list[str] = []
    for key in wanted:
        key = key.strip().strip("/")
        found = [key] if key in services else resolve_key(handbook, key)
        if not found:
            raise HandbookUserError(f"--service {key!r} is not a service or item of the catalogue{_closest(key, _known_keys(handbook))}")
        if key not in services and len({k.split('/')[0] for k in found}) > 1:
            raise HandbookUserError(f"--service {key!r} is an offer of several services ({', '.join(sorted({k.split('/')[0] for k in found}))}); write it as service/offer")
        keys += [k for k in found if k not in keys]
    return keys


def chosen_quantities(handbook: Handbook, given: list[str]) -> dict[str, Quantity]:
    """`--quantity` values -> {item key: Quantity}; each must name exactly one item."""
    chosen: dict[str, Quantity] = {}
    for text in given:
        key, quantity = parse_quantity(text)
        found = resolve_key(handbook, key.strip("/"))
        if not found:
            raise HandbookUserError(f"--quantity {text!r}: {key!r} is not an item of the catalogue{_closest(key, _known_keys(handbook))}")
        if len(found) > 1:
            shown = ", ".join(found[:4]) + (", …" if len(found) > 4 else "")
            raise HandbookUserError(f"--quantity {text!r}: {key!r} matches {len(found)} items ({shown}); give one item's key")
        chosen[found[0]] = quantity
    return chosen


def school_quote(data_dir: Path | str, phase: str | None, setting: str | None, pupils: str | None,
                 services: list[str] | None = None, quantities: list[str] | None = None) -> Answer:
    """What the school pays, as the engine works it out (one call to `views.quote.quote`).

    The school's answers are checked before the data is read, so a typo costs no validation.
    """
    school = parse_school(phase, setting, pupils)
    for text in quantities or []:
        parse_quantity(text)
    handbook = cached_handbook(data_dir)  # HandbookUserError, status 1, listing the problems
    keys = selected_keys(handbook, services or [])
    chosen = chosen_quantities(handbook, quantities or [])
    return Answer(handbook, quote(handbook, school, chosen, keys), chosen, keys is not None)
