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
from handbook.site import reuse
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


def _written(handbook: Handbook, event: Event, stamp: dt.datetime, site_url: str) -> bytes:
    """The event as icalendar writes it; in `make serve`, a service's event is kept between
    builds while the service and the other data files are the same (`site.reuse`)."""
    if event.service is None:
        return _component(event, stamp, site_url).to_ical()
    return reuse.made(f"calendar {event.key}", handbook, event.service, lambda: _component(event, stamp, site_url).to_ical(),
                      site_url, stamp, event.kind, event.start, event.end, event.offer.id if event.offer else None, event.charge_label)


def _head(handbook: Handbook, kind: EventKind | None) -> icalendar.Calendar:
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
    return calendar


def _time_zone(handbook: Handbook) -> bytes:
    """Europe/London's VTIMEZONE for the years around the edition (not 1970 to 2038: shorter)."""
    first = int(handbook.authority.edition.covers.academic_year[:4])
    return icalendar.Timezone.from_tzid(TIME_ZONE, first_date=dt.date(first - 1, 1, 1), last_date=dt.date(first + 3, 1, 1)).to_ical()


def _assemble(head: icalendar.Calendar, parts: list[bytes]) -> str:
    """The calendar's own lines, then its components (each already written by icalendar)."""
    text = head.to_ical()
    end = b"END:VCALENDAR\r\n"
    assert text.endswith(end)
    return (text[: -len(end)] + b"".join(parts) + end).decode("utf-8")


def calendars(handbook: Handbook, site_url: str = "") -> dict[str, str]:
    """Every calendar file by name: the whole calendar, then one per kind (a kind without events
    this edition still has its file, so a school's subscription keeps working).

    Why each event is written once and the files assembled from those bytes: serialising (line
    folding above all) is most of the cost, and each event is in two files.
    """
    stamp = dt.datetime.combine(handbook.authority.edition.published, dt.time(), tzinfo=dt.timezone.utc)
    written = [(e, _written(handbook, e, stamp, site_url)) for e in events(handbook)]
    zone = _time_zone(handbook) if any(isinstance(e.start, dt.datetime) for e, _ in written) else None
    files = {}
    for kind in (None, *EventKind):
        chosen = [(e, text) for e, text in written if kind is None or e.kind is kind]
        timed = zone is not None and any(isinstance(e.start, dt.datetime) for e, _ in chosen)
        files[file_name(kind)] = _assemble(_head(handbook, kind), ([zone] if timed else []) + [text for _, text in chosen])
    return files


def calendar_ics(handbook: Handbook, site_url: str = "", kind: EventKind | None = None) -> str:
    """The calendar of every public event (or of one kind), as RFC 5545 text (CRLF line ends)."""
    return calendars(handbook, site_url)[file_name(kind)]
