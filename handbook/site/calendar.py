"""calendar: the dates schools act on as iCalendar files (RFC 5545), one for all and one per kind.

Input: a validated `Handbook` and the site's address. Output: text of `calendar.ics` and
`calendar-<kind>.ics` (`views.calendar.EventKind`), which `prepare` writes into `downloads/`.
No file I/O here. Written with `icalendar` (pinned), which folds lines and escapes every TEXT
value (commas, semicolons, backslashes and new lines in officers' text), so a value cannot
start a property or an event of its own.

Each event has a UID derived from its key (`site.identifiers`), so a calendar application that
subscribed keeps one copy of it across builds and editions; a time zone (timed meetings carry
`TZID=Europe/London`, described by a VTIMEZONE for the edition's years; the other events are
whole days, which have none); and a URL back to the page that explains it. DTSTAMP is the
edition's publication date, so two builds write the same bytes.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar

from handbook.data.model import Handbook
from handbook.presentation import opendata, wording
from handbook.site.identifiers import stable_uuid
from handbook.views.calendar import Event, EventKind, events

TIME_ZONE = "Europe/London"
ALL = "calendar.ics"


def file_name(kind: EventKind | None = None) -> str:
    """`calendar.ics`, or `calendar-deadlines.ics` for one kind."""
    return ALL if kind is None else f"calendar-{kind.value}.ics"


def page_of(event: Event) -> str:
    """The site address (from the root) of the page that explains the event."""
    if event.service is not None:
        return f"services/{event.service.id}/"
    if event.group is not None:
        return f"partnerships/#group-{event.group.id}"
    return f"appendix-a/#release-{event.release.id}"


def _url(site_url: str, path: str) -> str:
    return f"{site_url.rstrip('/')}/{path}" if site_url else path


def _local(value: dt.date | dt.datetime) -> dt.date | dt.datetime:
    return value.replace(tzinfo=ZoneInfo(TIME_ZONE)) if isinstance(value, dt.datetime) else value


def _component(event: Event, stamp: dt.datetime, site_url: str) -> icalendar.Event:
    item = icalendar.Event()
    item.add("uid", stable_uuid(f"calendar:{event.key}"))
    item.add("dtstamp", stamp)
    item.add("dtstart", _local(event.start))
    item.add("dtend", _local(event.end))
    item.add("summary", opendata.event_summary(event))
    item.add("description", opendata.event_description(event))
    item.add("categories", [opendata.CALENDAR_KIND_NAMES[event.kind]])
    if event.meeting is not None and event.meeting.place:
        item.add("location", event.meeting.place)
    url = _url(site_url, page_of(event))
    if url.startswith(("https://", "http://")):
        item.add("url", url)
    # Whole-day events do not block time in the school's diary; meetings do.
    item.add("transp", "OPAQUE" if isinstance(event.start, dt.datetime) else "TRANSPARENT")
    return item


def calendar_ics(handbook: Handbook, site_url: str = "", kind: EventKind | None = None) -> str:
    """The calendar of every public event (or of one kind), as RFC 5545 text (CRLF line ends)."""
    edition = handbook.authority.edition
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{handbook.authority.authority.slug}//handbook {edition.id}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    name = opendata.calendar_name(handbook.authority.authority.name, wording.edition_label(handbook), kind)
    # As TEXT, explicitly: icalendar does not escape these two by itself (a new line in the
    # authority's name would end the property; the hostile-input test found it).
    calendar.add("x-wr-calname", icalendar.vText(name))
    calendar.add("name", icalendar.vText(name))
    calendar.add("x-wr-timezone", TIME_ZONE)
    stamp = dt.datetime.combine(edition.published, dt.time(), tzinfo=dt.timezone.utc)
    chosen = [e for e in events(handbook) if kind is None or e.kind is kind]
    for event in chosen:
        calendar.add_component(_component(event, stamp, site_url))
    if any(isinstance(e.start, dt.datetime) for e in chosen):
        first = int(edition.covers.academic_year[:4])
        calendar.add_missing_timezones(first_date=dt.date(first - 1, 1, 1), last_date=dt.date(first + 3, 1, 1))
    return calendar.to_ical().decode("utf-8")


def calendars(handbook: Handbook, site_url: str = "") -> dict[str, str]:
    """Every calendar file by name: the whole calendar, then one per kind (a kind without events
    this edition still has its file, so a school's subscription keeps working)."""
    return {file_name(): calendar_ics(handbook, site_url), **{file_name(k): calendar_ics(handbook, site_url, k) for k in EventKind}}
