"""What a price is multiplied by: a counted thing and a period, written as officers say it.

A unit is `per <thing>`, `per <thing> per <period>` or `flat fee`: "per pupil per day", "per
delegate per half day", "per academy per year". The thing says where its number comes from (the
school's roll, the school itself, or a number the school chooses); the period says how often.
`handbook.views.quote` does the arithmetic from these facts, and the site's calculator reads the
same facts from the data the engine writes, so both follow one set of rules.
"""

import difflib
import functools
import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Annotated, Any

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema


class Source(str, Enum):
    """Where the number of a counted thing comes from."""

    ROLL = "roll"  # the school's number on roll
    ONE = "one"  # the school itself: one
    CHOSEN = "chosen"  # a number the school chooses (days, delegates, places…)


class Counted(str, Enum):
    PUPIL = "pupil"
    PLACE = "place"
    DELEGATE = "delegate"
    VISIT = "visit"
    HOUR = "hour"
    DAY = "day"
    HALF_DAY = "half day"
    TWILIGHT = "twilight"
    SESSION = "session"
    MEAL = "meal"
    CASE = "case"
    LICENCE = "licence"
    ITEM = "item"
    SCHOOL = "school"
    ACADEMY = "academy"

    @property
    def source(self) -> Source:
        return _SOURCES.get(self, Source.CHOSEN)


# Asked for every charge of every quote: a lookup, not a chain of comparisons.
_SOURCES = {Counted.PUPIL: Source.ROLL, Counted.SCHOOL: Source.ONE, Counted.ACADEMY: Source.ONE}


class Period(str, Enum):
    YEAR = "year"
    TERM = "term"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"
    HALF_DAY = "half day"  # "£50 per delegate per half day": a course priced by its half days

    @property
    def per_year(self) -> int | None:
        """How many of these a school buys in a year unless it says otherwise; None: it chooses.

        Why defaults for terms and months: a school budgets by the year, and a termly or monthly
        subscription runs all year (three terms, twelve months). Days and weeks vary too much.
        """
        return {Period.YEAR: 1, Period.TERM: 3, Period.MONTH: 12}.get(self)


# Phrases earlier editions used that the grammar reads differently: phrase -> (the unit it is
# read as, what to write). Kept so that archived editions still validate; a warning asks for
# the new words (`handbook.data.checks.units`).
LEGACY = {
    "per pupil": ("per pupil per year", "write `per pupil per year` for a yearly rate for each pupil on roll, or give the period the rate is for, e.g. `per pupil per term`; a price for each meal, place or item the school chooses counts that instead, e.g. `per meal`, `per place per day`"),
}

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Unit:
    """A parsed unit; `per is None` is a flat fee. `written` keeps an old phrase (for its warning)."""

    per: Counted | None = None
    period: Period | None = None
    written: str | None = field(default=None, compare=False)

    @property
    def value(self) -> str:
        """The canonical phrase: `per pupil per day`, `flat fee`."""
        if self.per is None:
            return "flat fee"
        return f"per {self.per.value}" + (f" per {self.period.value}" if self.period else "")

    @property
    def legacy(self) -> bool:
        return self.written is not None

    def __str__(self) -> str:
        return self.value


def all_units() -> list[str]:
    """Every unit the grammar accepts, in a stable order (for the schema and the officers' guide).

    An old phrase (`LEGACY`) is not among them: it is read as another unit, so it would not print
    back as written.
    """
    return list(_all_units())


@functools.cache  # asked twice as the module loads (the schema's list, the longest unit)
def _all_units() -> tuple[str, ...]:
    phrases = ["flat fee"]
    for thing in Counted:
        if f"per {thing.value}" not in LEGACY:
            phrases.append(f"per {thing.value}")
        phrases.extend(f"per {thing.value} per {p.value}" for p in Period if _parts(f"per {thing.value} per {p.value}"))
    return tuple(phrases)


@functools.lru_cache(maxsize=1024)  # a catalogue repeats a few dozen phrases thousands of times
def parse_unit(text: str) -> Unit:
    """`per delegate per half day` -> Unit(DELEGATE, None)… raises ValueError('unit:<nearest>')."""
    words = _SPACES.sub(" ", text.strip().lower())
    if words in LEGACY:
        per, period = _parts(LEGACY[words][0])
        return Unit(per, period, written=words)
    parts = _parts(words)
    if parts is None:
        # Nothing much longer than the longest unit is a misspelt unit, and difflib is slow on a long text.
        near = len(words) <= 2 * _LONGEST and difflib.get_close_matches(words, all_units(), n=1, cutoff=0.6)
        nearest = near or [""]
        raise ValueError(f"unit:{nearest[0]}")
    return Unit(*parts)


def _parts(words: str) -> tuple[Counted | None, Period | None] | None:
    if words == "flat fee":
        return None, None
    if not words.startswith("per "):
        return None
    rest = words[4:]
    for thing in _THINGS:
        if rest == thing:
            return Counted(thing), None
        if rest.startswith(thing + " per "):
            period = rest[len(thing) + 5:]
            if period in _PERIODS and period != thing and {period, thing} != {"day", "half day"}:
                return Counted(thing), Period(period)
    return None


_THINGS = sorted((c.value for c in Counted), key=len, reverse=True)  # 'half day' before 'day'
_PERIODS = frozenset(p.value for p in Period)


_LONGEST = max(map(len, all_units()))


def _validate(value: Any) -> Unit:
    if isinstance(value, Unit):
        return value
    if not isinstance(value, str):
        raise ValueError("unit:")
    return parse_unit(value)


UnitField = Annotated[
    Unit,
    PlainValidator(_validate),
    PlainSerializer(lambda unit: unit.value, return_type=str),
    WithJsonSchema({
        "type": "string",
        "enum": all_units() + sorted(LEGACY),
        "description": "What the price is multiplied by: `per <thing>` or `per <thing> per <period>`, or `flat fee`. "
        "Things: " + ", ".join(c.value for c in Counted) + ". Periods: " + ", ".join(p.value for p in Period) + ". "
        "E.g. `per pupil per day`, `per delegate per half day`, `per academy per year`.",
    }),
]
