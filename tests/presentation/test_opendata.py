from handbook.presentation.opendata import amount_description, calendar_name, cost_option, event_summary, file_size
from handbook.views.calendar import EventKind, events


def test_prices_are_worded_as_the_handbook_words_them(sample_handbook):
    payroll = sample_handbook.services_by_id["payroll"]
    offer = payroll.offers[0]
    academy = next(c for c in offer.charges if "academy" in [s.value for s in c.settings])
    assert amount_description(academy).startswith("£8.95 per pupil per year; plus VAT")
    assert cost_option(offer, academy).startswith("Payroll service level agreement; Academies and free schools")


def test_each_kind_of_event_has_a_title_and_each_calendar_a_name(sample_handbook):
    titles = {e.kind: event_summary(e) for e in events(sample_handbook)}
    assert set(titles) == set(EventKind)
    assert titles[EventKind.MEETINGS].startswith("Meeting: ")
    assert calendar_name("Westmarch County Council", "2026-27 edition", EventKind.DEADLINES).endswith("deadlines to buy, renew or re-price")
    assert (file_size(46_107), file_size(1_234_567)) == ("46 KB", "1.2 MB")
