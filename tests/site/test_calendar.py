import datetime as dt

import icalendar
import pytest

from handbook.site.calendar import calendar_ics, calendars, file_name
from handbook.views.calendar import EventKind
from tests.edit import validate_edited


@pytest.fixture(scope="module")
def parsed(built_site):
    return {name: icalendar.Calendar.from_ical((built_site / "downloads" / name).read_bytes()) for name in [file_name(), *(file_name(k) for k in EventKind)]}


def test_the_built_calendar_parses_with_unique_stable_uids_times_in_london_and_links_to_pages(parsed, built_site, sample_handbook):
    events = parsed["calendar.ics"].walk("VEVENT")
    assert len(events) > 50
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids))
    timed = [e for e in events if isinstance(e.decoded("DTSTART"), dt.datetime)]
    assert timed and all(e["DTSTART"].params["TZID"] == "Europe/London" and e.decoded("DTSTART").utcoffset() is not None for e in timed)
    assert [tz["TZID"] for tz in parsed["calendar.ics"].walk("VTIMEZONE")] == ["Europe/London"]
    forum = next(e for e in timed if "Schools Forum" in str(e["SUMMARY"]))
    assert forum.decoded("DTSTART") == dt.datetime(2026, 10, 8, 15, 0, tzinfo=dt.timezone.utc)  # 16:00 BST
    for event in events:
        url = str(event["URL"])
        assert url.startswith("https://handbook.westmarch.example/")
        path, _, anchor = url.removeprefix("https://handbook.westmarch.example/").partition("#")
        page = (built_site / path / "index.html").read_text(encoding="utf-8")
        assert not anchor or f'id="{anchor}"' in page, url
    assert calendars(sample_handbook, "https://handbook.westmarch.example/")["calendar.ics"] == (built_site / "downloads" / "calendar.ics").read_text(encoding="utf-8").replace("\n", "\r\n").replace("\r\r\n", "\r\n")


def test_each_kind_has_its_own_calendar_holding_only_its_events(parsed):
    everything = {str(e["UID"]) for e in parsed["calendar.ics"].walk("VEVENT")}
    parts = [{str(e["UID"]) for e in parsed[file_name(k)].walk("VEVENT")} for k in EventKind]
    assert all(parts) and set().union(*parts) == everything and sum(map(len, parts)) == len(everything)
    deadlines = [str(e["SUMMARY"]) for e in parsed["calendar-deadlines.ics"].walk("VEVENT")]
    assert all(s.startswith("Last day") for s in deadlines)


def test_officers_text_cannot_break_out_of_its_value(tmp_path):
    # Control characters (a new line in a one-line value, a carriage return) are refused at validation;
    # what is accepted is escaped by icalendar: commas, semicolons, backslashes, property names.
    hostile = "Hall, Room 2; END:VEVENT BEGIN:VEVENT UID:x \\\\ DTSTART:19700101"
    result = validate_edited(tmp_path, {"partnerships": [("    meets: five times a year\n", f'    meets: five times a year\n    meetings:\n      - date: 2026-10-08\n        starts: "16:00"\n        place: "{hostile}"\n')]})
    assert result.ok, result.problems
    text = calendar_ics(result.handbook, "https://x.example/")
    events = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert text.count("\r\nBEGIN:VEVENT\r\n") == len(events)  # one per event: none started by the text
    (meeting,) = [e for e in events if "LOCATION" in e]
    assert str(meeting["LOCATION"]) == result.handbook.partnerships.groups[0].meetings[0].place
    assert "LOCATION:Hall\\, Room 2\\; END:VEVENT" in text.replace("\r\n ", "")


def test_a_new_line_in_the_authoritys_name_cannot_end_the_calendars_name(tmp_path):
    result = validate_edited(tmp_path, {})
    handbook = result.handbook
    authority = handbook.authority.model_copy(update={"authority": handbook.authority.authority.model_copy(update={"name": "Westmarch\nBEGIN:VEVENT\nUID:x"})})
    text = calendar_ics(type(handbook)(**{**{k: getattr(handbook, k) for k in ("structure", "contacts", "services", "partnerships", "protocols", "publications", "glossary")}, "authority": authority}))
    assert "\r\nBEGIN:VEVENT\r\nUID:x" not in text and "NAME:Westmarch\\nBEGIN:VEVENT\\nUID:x" in text.replace("\r\n ", "")
