"""A quote in words: the school, how each figure was worked out, reasons, CSV and JSON."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest

from handbook.data.model.types import Phase, Setting
from handbook.presentation import quote as words
from handbook.views.quote import Quantity, Reason, School, quote
from tests.views.test_quote import PRIMARY_ACADEMY, charge, handbook_with, service


def _role(handbook):
    return next(r for r in handbook.contacts.roles if r.visibility.value == "public" and r.email)


@pytest.fixture()
def handbook(sample_handbook):
    """One service of each kind a quote words: priced, limited, on application, statutory, mixed, closed."""
    role = _role(sample_handbook)
    return handbook_with(
        sample_handbook,
        service(id="duty", provision="statutory"),
        service(id="eal", offers=[
            {"id": "buy-in", "name": "Academy buy-in", "kind": "package", "charges": [charge("4.60", unit="per pupil per year", settings=["academy"], minimum="450", vat="standard", payer="trust")]},
            {"id": "courses", "name": "Courses", "kind": "course", "charges": [charge("45", unit="per delegate per half day")]},
            {"id": "hours", "name": "Hours", "kind": "pay-as-you-go", "charges": [charge("42", unit="per hour", minimum="84")]},
            {"id": "payroll", "name": "Payroll", "kind": "sla", "charges": [charge("7.60", unit="per pupil per year", cap="500", discount="Ten per cent off for two years")]},
            {"id": "projects", "name": "Projects", "kind": "package", "charges": [charge(None)]},
            {"id": "maintained-only", "name": "Maintained only", "kind": "package", "charges": [charge("10", settings=["maintained"])]},
            {"id": "council", "name": "Council pays", "kind": "placement", "charges": [charge("10", payer="authority")]},
        ], contacts=[role.id]),
        service(charge("100"), id="mixed", provision="mixed"),
        service(charge("100"), id="secondary-only", phases=["secondary"]),
        service(charge("100"), id="maintained-service", settings=["maintained"]),
    )


def _quote(handbook, school=PRIMARY_ACADEMY, chosen=None, keys=None):
    return quote(handbook, school, chosen or {}, keys)


def test_the_heading_names_the_school_and_its_roll():
    assert words.school_heading(PRIMARY_ACADEMY) == "Primary academy, 210 pupils on roll"
    assert words.school_heading(School(Phase.SECONDARY, Setting.OTHER_AUTHORITY, 1)) == "Secondary school in another authority, 1 pupil on roll"
    assert words.school_heading(School(Phase.SPECIAL, Setting.MAINTAINED, 1250)) == "Special maintained school, 1,250 pupils on roll"


def test_a_free_school_is_told_once_that_it_pays_academy_prices():
    assert words.kind_rule(School(Phase.PRIMARY, Setting.FREE_SCHOOL, 90)).startswith("A free school pays what an academy pays")
    assert words.kind_rule(PRIMARY_ACADEMY) is None


def test_workings_show_the_numbers_the_price_was_multiplied_by(handbook):
    lines = {l.item.key: l for l in _quote(handbook, chosen={"eal/courses": Quantity(3, 2), "eal/hours": Quantity(5)}).lines}
    assert words.workings(lines["eal/buy-in"]) == "210 pupils × £4.60 per pupil per year = £966.00"
    assert words.workings(lines["eal/courses"]) == "3 delegates × 2 half days × £45 per delegate per half day = £270.00"
    assert words.workings(lines["eal/hours"]) == "5 hours × £42 per hour = £210.00"
    assert words.workings(lines["eal/payroll"]) == "210 pupils × £7.60 per pupil per year = £1,596.00, capped at the maximum charge of £500.00"


def test_workings_say_when_a_minimum_raised_the_figure(handbook):
    small = School(Phase.PRIMARY, Setting.ACADEMY, 50)
    lines = {l.item.key: l for l in _quote(handbook, small).lines}
    assert words.workings(lines["eal/buy-in"]) == "50 pupils × £4.60 per pupil per year = £230.00, raised to the minimum charge of £450.00"


def test_a_number_the_school_did_not_give_is_said_to_be_assumed_with_how_to_give_it(handbook):
    lines = {l.item.key: l for l in _quote(handbook).lines}
    assert words.choice_hint(lines["eal/courses"], None) == "1 delegate and 1 half day assumed; give yours with --quantity eal/courses=NxM"
    assert words.choice_hint(lines["eal/hours"], None) == "1 hour assumed; give yours with --quantity eal/hours=N"
    assert words.choice_hint(lines["eal/hours"], Quantity(4)) is None
    assert words.choice_hint(lines["eal/buy-in"], None) is None


@pytest.mark.parametrize(("reason", "expected"), [
    (Reason.NOT_FOR_PHASE, "Not for primary schools"),
    (Reason.NOT_FOR_KIND, "Not for academies"),
    (Reason.NOT_OFFERED_KIND, "Not offered to academies"),
    (Reason.NOT_OFFERED_PHASE, "Not offered to primary schools"),
    (Reason.NO_BAND, "No published price for 210 pupils on roll"),
    (Reason.ON_APPLICATION, "Price on application"),
    (Reason.PAID_BY_COUNCIL, "Paid by the council"),
    (Reason.STATUTORY, "Provided without charge"),
])
def test_every_reason_has_its_words(reason, expected):
    assert words.reason_words(reason, PRIMARY_ACADEMY) == expected


def test_text_gives_each_service_its_figures_or_reason_and_says_what_to_do(handbook, sample_handbook):
    role = _role(sample_handbook)
    text = words.render_text(_quote(handbook), handbook)
    assert text.startswith("Primary academy, 210 pupils on roll\n")
    assert "Service duty [duty]\n  Provided without charge: a statutory service, nothing to buy." in text
    assert "Service mixed [mixed]\n  Its statutory part is provided without charge; the offers below are charged." in text
    assert "Not for primary schools: it is for primary and secondary schools." not in text
    assert "Service secondary-only [secondary-only]\n  Not for primary schools: it is for secondary schools." in text
    assert "Service maintained-service [maintained-service]\n  Not for academies: it is for maintained schools." in text
    assert f"Price on application: ask the {role.title}" in text and role.email in text
    assert "Not offered to academies" in text
    assert "Paid by the council: the school pays nothing" in text
    assert "net £966.00 + VAT £193.20 = £1,159.20 (VAT 20%); paid by the trust" in text
    assert "discount not included: Ten per cent off for two years" in text
    assert f"Rounding: {words.ROUNDING_RULE}" in text


def test_the_total_adds_every_priced_item_and_says_alternatives_may_be_among_them(handbook):
    result = _quote(handbook)
    text = words.render_text(result, handbook)
    priced = [l for l in result.lines if l.priced]
    assert result.gross == sum((l.gross for l in priced), Decimal(0))
    assert f"Total of the {len(priced)} priced items listed: net {words.figure(result.net)} + VAT {words.figure(result.vat)} = {words.figure(result.gross)}." in text
    assert "alternatives" in text
    picked = words.render_text(_quote(handbook, keys=["eal/buy-in"]), handbook, picked=True)
    assert "Total of the 1 priced item chosen: net £966.00 + VAT £193.20 = £1,159.20." in picked
    assert "alternatives" not in picked


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_csv_has_the_shared_columns_a_row_per_item_and_the_total_row(handbook):
    rows = _rows(words.render_csv(_quote(handbook)))
    assert rows[0] == list(words.CSV_COLUMNS) == "service_id,service_name,item_key,item,unit,price_gbp,count,periods,net_gbp,vat_gbp,gross_gbp,note".split(",")
    by_key = {r[2]: r for r in rows[1:] if r[2]}
    assert by_key["eal/buy-in"] == ["eal", "Service eal", "eal/buy-in", "Academy buy-in", "per pupil per year", "4.60", "210", "1", "966.00", "193.20", "1159.20", ""]
    assert by_key["eal/hours"][-1] == "raised to the minimum charge"
    assert by_key["eal/projects"][3:] == ["Projects", "per school per year", "", "", "", "", "", "", "Price on application"]
    assert by_key["eal/maintained-only"][4:] == ["", "", "", "", "", "", "", "Not offered to academies"]
    services = {r[0]: r for r in rows[1:] if not r[2]}
    assert services["duty"] == ["duty", "Service duty", "", "", "", "", "", "", "", "", "", "Provided without charge"]
    assert services["secondary-only"][-1] == "Not for primary schools"
    priced = [r for r in rows[1:-1] if r[8]]
    total = rows[-1]
    assert total[:8] == ["total"] + [""] * 7 and total[-1] == ""
    assert [Decimal(total[i]) for i in (8, 9, 10)] == [sum(Decimal(r[i]) for r in priced) for i in (8, 9, 10)]
    assert words.render_csv(_quote(handbook)).endswith("\r\n")


def test_csv_cells_from_the_data_cannot_run_as_formulas(sample_handbook):
    hostile = service(charge("10", label="=HYPERLINK(\"http://evil\")"), charge("20", label="+cmd"), id="svc")
    rows = _rows(words.render_csv(_quote(handbook_with(sample_handbook, hostile))))
    assert {r[3] for r in rows[1:-1]} == {"'=HYPERLINK(\"http://evil\")", "'+cmd"}


def test_json_has_the_shared_shape_with_amounts_as_strings(handbook):
    document = json.loads(words.render_json(_quote(handbook, chosen={"eal/courses": Quantity(3, 2)}), handbook))
    assert set(document) == {"school", "rounding", "services", "total"}
    assert document["school"] == {"phase": "primary", "setting": "academy", "pupils": 210}
    assert document["rounding"] == words.ROUNDING_RULE
    services = {s["id"]: s for s in document["services"]}
    assert services["duty"] == {"id": "duty", "name": "Service duty", "reason": "statutory", "note": "Provided without charge: a statutory service, nothing to buy.", "items": []}
    assert services["mixed"]["reason"] is None and services["mixed"]["note"] == words.MIXED_NOTE
    items = {i["key"]: i for i in services["eal"]["items"]}
    assert items["eal/courses"] == {
        "key": "eal/courses", "label": "Courses", "unit": "per delegate per half day", "price": "45.00", "count": 3, "periods": 2,
        "net": "270.00", "vat": "0.00", "gross": "270.00", "limited_by": None, "reason": None, "note": None,
    }
    assert items["eal/hours"]["limited_by"] == "minimum" and items["eal/hours"]["note"] == "raised to the minimum charge"
    assert items["eal/projects"]["reason"] == "on-application" and items["eal/projects"]["net"] is None
    assert items["eal/projects"]["note"].startswith("Price on application: ask the ")
    lines = [i for s in document["services"] for i in s["items"] if i["net"] is not None]
    assert document["total"]["net"] == str(sum(Decimal(i["net"]) for i in lines))
    assert document["total"]["gross"] == str(sum(Decimal(i["gross"]) for i in lines))


def test_text_from_the_data_cannot_drive_the_terminal():
    assert words.safe("Name\x1b[2J\u202eevil\tok") == "Name\ufffd[2J\ufffdevil\ufffdok"
    assert words.safe("Ysgol Gymraeg 学校 اسکول") == "Ysgol Gymraeg 学校 اسکول"
