"""The dates schools act on, as events: buy-back windows, renewal deadlines, meetings, data releases.

Input: a validated `Handbook`. Output: `Event` records (what, when, about which record), in date
order. No I/O, no wording (`presentation.opendata` words each kind), no file format
(`site.calendar` writes RFC 5545). Internal services, offers of internal services, internal
groups and internal releases never become events.

Each event has a `key` that names what it is about, not where it sits in a file (`buy-back/payroll/
payroll-sla`): the calendar's UIDs derive from it, so an event keeps its UID across builds and
editions while its record keeps its id, and a calendar application updates it instead of adding
a second copy.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from handbook.data.model import Handbook
from handbook.data.model.partnerships import Group, Meeting
from handbook.data.model.publications import DataRelease, Month
from handbook.data.model.services import Offer, Service
from handbook.views import catalogue
from handbook.views.partnerships import public_groups
from handbook.views.publications import data_releases


class EventKind(str, Enum):
    """The kinds of date, each also a calendar of its own (`calendar-<kind>.ics`)."""

    BUY_BACK = "buy-back"  # the days a buy-back window is open
    DEADLINES = "deadlines"  # the last day to buy or renew; the last day a price applies
    MEETINGS = "meetings"  # a dated meeting of a partnership or group
    DATA = "data"  # the month a data release reaches schools


@dataclass(frozen=True)
class Event:
    kind: EventKind
    key: str  # stable: what the event is about, by ids (see the module docstring)
    start: dt.date | dt.datetime  # a date: an all-day event; a datetime: UK local time
    end: dt.date | dt.datetime  # exclusive for dates (the day after the last), as RFC 5545 has it
    service: Service | None = None
    offer: Offer | None = None
    group: Group | None = None
    meeting: Meeting | None = None
    release: DataRelease | None = None
    charge_label: str | None = None  # a price's end: what the price is for


def _day_after(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=1)


def _service_events(service: Service) -> list[Event]:
    events = []
    for offer in service.offers:
        window = offer.terms.buy_back_window if offer.terms else None
        key = f"{service.id}/{offer.id}"
        if window is not None:
            events.append(Event(EventKind.BUY_BACK, f"buy-back/{key}", window.opens, _day_after(window.closes), service=service, offer=offer))
            events.append(Event(EventKind.DEADLINES, f"buy-back-closes/{key}", window.closes, _day_after(window.closes), service=service, offer=offer))
        ends = sorted({c.valid_to for c in offer.charges if c.valid_to is not None})
        for day in ends:
            events.append(Event(EventKind.DEADLINES, f"prices-end/{key}/{day.isoformat()}", day, _day_after(day), service=service, offer=offer))
    return events


def _time(day: dt.date, text: str) -> dt.datetime:
    hours, minutes = text.split(":")
    return dt.datetime.combine(day, dt.time(int(hours), int(minutes)))


def _meeting_events(group: Group) -> list[Event]:
    events = []
    for meeting in group.meetings:
        key = f"meeting/{group.id}/{meeting.date.isoformat()}"
        if meeting.starts is None:
            start, end = meeting.date, _day_after(meeting.date)
        else:
            start = _time(meeting.date, meeting.starts)
            # A meeting without an end time is shown as an hour long.
            end = _time(meeting.date, meeting.ends) if meeting.ends else start + dt.timedelta(hours=1)
        events.append(Event(EventKind.MEETINGS, key, start, end, group=group, meeting=meeting))
    return events


MONTH_NUMBER = {m: i for i, m in enumerate(Month, start=1)}


def school_year_month(handbook: Handbook, month: Month) -> dt.date:
    """The first day of `month` in the school year the edition covers (September to August)."""
    first = int(handbook.authority.edition.covers.academic_year[:4])
    number = MONTH_NUMBER[month]
    return dt.date(first if number >= 9 else first + 1, number, 1)


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + 1, 1, 1) if day.month == 12 else dt.date(day.year, day.month + 1, 1)


def _release_events(handbook: Handbook, release: DataRelease) -> list[Event]:
    events = []
    for month in release.months:
        start = school_year_month(handbook, month)
        # All month long: the data says the month, never the day (exact dates go on the Schools Portal).
        events.append(Event(EventKind.DATA, f"release/{release.id}/{start:%Y-%m}", start, _next_month(start), release=release))
    return events


def events(handbook: Handbook) -> list[Event]:
    """Every public event of the edition, in date order (then by kind and key)."""
    found: list[Event] = []
    for service in catalogue.public_services(handbook):
        found += _service_events(service)
    for view in public_groups(handbook):
        found += _meeting_events(view.group)
    for release in data_releases(handbook):
        found += _release_events(handbook, release.release)
    return sorted(found, key=lambda e: (_sort_day(e.start), e.kind.value, e.key))


def _sort_day(value: dt.date | dt.datetime) -> tuple:
    return (value.date(), value.time()) if isinstance(value, dt.datetime) else (value, dt.time())


def events_of(handbook: Handbook, kind: EventKind) -> list[Event]:
    return [e for e in events(handbook) if e.kind is kind]
