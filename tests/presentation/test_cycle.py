"""The yearly cycle's reports: what edition start changed, a price import's rejected rows and changes."""

from __future__ import annotations

from decimal import Decimal

from handbook.data.model.types import Setting
from handbook.data.model.units import parse_unit
from handbook.data.prices import Rejected
from handbook.data.rollover import Change, Rollover
from handbook.presentation.cycle import render_init, render_prices, render_rollover
from handbook.views.changes import ChangeReport, ChargeChange, ChargeIdentity


def test_rollover_lists_the_edition_values_and_counts_the_dates_moved():
    r = Rollover("2026-27", "2027-28", "data/archive/2026-27", ["a.yaml", "b.yaml"], [
        Change("data/authority.yaml", "edition.id", "2026-27", "2027-28"),
        Change("data/authority.yaml", "edition.previous", "", "archive/2026-27"),
        Change("data/services.yaml", "services[0].offers[0].charges[0].valid_from", "2026-04-01", "2027-04-01"),
        Change("data/services.yaml", "services[1].offers[0].charges[0].valid_from", "2026-04-01", "2027-04-01"),
    ], [Change("data/services.yaml", "services[2].offers[0].charges[0].valid_from", "2025-04-01", "2025-04-01")], warnings=1)
    text = render_rollover(r)
    assert text.startswith("Started the 2027-28 edition. The 2026-27 edition is archived, unchanged, in data/archive/2026-27/ (2 files).")
    assert "  edition.previous: (none) -> archive/2026-27" in text
    assert "data/services.yaml: 2 dates moved to the new year:\n  2 × valid_from: 2026-04-01 -> 2027-04-01" in text
    assert "  services[2].offers[0].charges[0].valid_from: 2025-04-01" in text and "1 warning;" in text


def test_price_report_names_rejected_rows_then_the_changes_in_the_diffs_words():
    identity = ChargeIdentity(None, parse_unit("per day"), (Setting.MAINTAINED,), None, None)
    report = ChangeReport("2026-27", "2026-27", 3.8, charges=[ChargeChange("s", "Service", "o", "Offer", identity, "changed", Decimal(100), Decimal(110), 10.0, True)])
    text = render_prices("Imported p.csv", 1, [Rejected(7, "matches no charge (service 'x')")], report)
    assert text.splitlines()[:4] == ["Imported p.csv: 1 price changed, 1 row not applied.", "", "Rows not applied (fix them in the sheet and import it again; rows already applied stay as they are):", "  row 7: matches no charge (service 'x')"]
    assert "  ! Service / Offer / per day, maintained schools: £100 -> £110 (+10.0%)" in text and "What changed from" not in text


def test_init_report_says_what_to_do_next():
    text = render_init("wessex", "Wessex County Council", ["data/authority.yaml"])
    assert text.startswith("Created a handbook for Wessex County Council in wessex/ (1 file).") and "  cd wessex" in text and "handbook build" in text
