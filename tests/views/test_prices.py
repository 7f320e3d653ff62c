"""Charges as rows and as who-pays lines."""

from handbook.data.model.types import Setting
from handbook.views import catalogue, prices


def test_charges_rows_cover_every_charge_of_public_services(sample_handbook):
    rows = prices.charges_rows(sample_handbook)
    expected = sum(len(o.charges) for s in catalogue.public_services(sample_handbook) for o in s.offers)
    assert len(rows) == expected
    assert all(r.service.is_public for r in rows)


def test_price_lines_put_each_charge_under_its_kind_of_school(sample_handbook):
    for service in catalogue.public_services(sample_handbook):
        for line in prices.price_lines(service):
            for setting, charge in line.by_setting.items():
                assert setting in {Setting.MAINTAINED, Setting.ACADEMY, Setting.OTHER_AUTHORITY}
                assert charge in [c for o in service.offers for c in o.charges]
