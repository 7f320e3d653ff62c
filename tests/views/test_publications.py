"""The data release schedule runs through the school year, September first."""

from handbook.views import publications


def test_schedule_starts_in_september_order_and_lists_each_release_in_its_months(sample_handbook):
    months = [m.month.value for m in publications.release_schedule(sample_handbook)]
    order = [m.value for m in publications.SCHOOL_YEAR]
    assert months == [m for m in order if m in months]
    for m in publications.release_schedule(sample_handbook):
        assert all(m.month in r.release.months for r in m.releases)
