import datetime as dt

from handbook.data.model.publications import Month
from handbook.views.calendar import EventKind, events, school_year_month


def test_events_come_from_buy_back_windows_meetings_and_releases_of_public_records_only(sample_handbook):
    found = events(sample_handbook)
    kinds = {e.kind for e in found}
    assert kinds == set(EventKind)
    internal = {s.id for s in sample_handbook.services.services if not s.is_public}
    assert not any(e.service is not None and e.service.id in internal for e in found)
    keys = [e.key for e in found]
    assert len(keys) == len(set(keys))
    meeting = next(e for e in found if e.kind is EventKind.MEETINGS)
    assert meeting.start == dt.datetime(2026, 10, 8, 16, 0) and meeting.end == dt.datetime(2026, 10, 8, 18, 0)


def test_a_release_month_falls_in_the_school_year_the_edition_covers(sample_handbook):
    assert school_year_month(sample_handbook, Month.SEPTEMBER) == dt.date(2026, 9, 1)
    assert school_year_month(sample_handbook, Month.FEBRUARY) == dt.date(2027, 2, 1)
