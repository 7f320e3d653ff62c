"""The school view's bench: it reads the real catalogue page's data and times real changes in Chromium."""

from __future__ import annotations

import pytest

from bench.school import over_target, payload, rows
from handbook.views.catalogue import public_services


def test_the_payload_is_the_script_and_the_catalogues_data_gzipped(built_site, sample_handbook):
    size = payload(built_site)
    assert size["services"] == len(public_services(sample_handbook))
    assert 0 < size["script_kb"] < (built_site / "assets/javascripts/school.js").stat().st_size / 1024
    assert 0 < size["data_kb"] < size["data_raw_kb"]


@pytest.mark.browser
def test_rows_name_each_site_with_a_figure_and_its_target(built_site):
    found = rows(built_site, built_site)
    assert len(found) == 4 and all(len(row) == 3 for row in found)
    assert found[0][1].endswith(" KB") and found[1][1].endswith(" ms") and "target < 100 ms" in found[1][2]
    assert not any(over_target(row) for row in found)  # the sample's page is far under both targets


def test_over_target_reads_the_figure_against_its_own_target():
    assert over_target(("size", "120.0 KB", "")) and not over_target(("size", "99.9 KB", ""))
    assert over_target(("time", "1,250.0 ms", "")) and not over_target(("time", "3.2 ms", ""))
