"""The school's own view in Chromium: the browser's figures are the engine's to the penny, the basket
is `handbook quote`'s, nothing leaves the page, and without JavaScript the charge tables remain.

The property test drives the real built pages: it sets the form in the page, many schools per load,
and reads the figures school.js writes into data attributes (`data-net-pence`…), then compares
each with `views.quote` for the same school and quantities.
"""

from __future__ import annotations

import csv
import io
import math
import subprocess
from pathlib import Path

import pytest

from handbook.core.limits import MAX_PUPILS
from handbook.data.model.types import Phase, Setting
from handbook.data.model.units import Period, Source
from handbook.views.catalogue import public_services
from handbook.views.quote import Quantity, Reason, School, items, line_for, service_reason
from tests.browser.conftest import axe_violations
from tests.conftest import SAMPLE_DATA

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]

# In the page: set the school for each of `schools`, dispatch the form's event, read what was drawn.
# `cases` (count, periods) are typed into the quantity fields of the rows `keys` for the schools marked true.
DRIVE = """([schools, cases, keys]) => {
  const form = document.querySelector('[data-hb-school-form]');
  const fire = (el) => el.dispatchEvent(new Event('input', {bubbles: true}));
  const pays = document.querySelector('[data-hb-pays]');
  const figures = (el) => [el.dataset.reason || null, el.dataset.netPence || null, el.dataset.vatPence || null, el.dataset.grossPence || null];
  const read = () => {
    if (pays) return pays.dataset.reason ? {service: pays.dataset.reason}
      : {rows: [...pays.querySelectorAll('tr[data-key]')].map(tr => [tr.dataset.key, ...figures(tr)])};
    return {cards: [...document.querySelectorAll('[data-hb-card-school]')].map(p => [p.closest('li').id.slice(8), p.dataset.open, ...figures(p)])};
  };
  const out = [];
  for (const [phase, kind, roll, withCases] of schools) {
    form.elements['school-phase'].value = phase; form.elements['school-kind'].value = kind; form.elements.roll.value = String(roll);
    fire(form.elements.roll);
    const result = {school: [phase, kind, roll], drawn: read(), cases: []};
    if (withCases && pays && !pays.dataset.reason) {
      for (const tr of [...pays.querySelectorAll('tr[data-key]')].filter(tr => keys.includes(tr.dataset.key))) {
        const [count, periods] = tr.querySelectorAll('input[data-hb-qty]');
        for (const [c, p] of cases) {
          count.value = c; fire(count); periods.value = p; fire(periods);
          result.cases.push([tr.dataset.key, c, p, ...figures(tr)]);
        }
        count.value = ''; fire(count); periods.value = ''; fire(periods);
      }
    }
    out.push(result);
  }
  return out;
}"""

# Quantities typed into each row whose price counts something the school chooses or periods (both
# fields, shown or not: the engine ignores what a price does not count, and so must the page): none,
# zero, at and either side of the sample's minimums, and the most.
CASES = [("", ""), ("0", ""), ("1", ""), ("2", ""), ("10", ""), ("11", ""), ("3", "2"), ("1", "0"), ("", "5"), ("100000", "100000")]


def rolls(handbook) -> list[int]:
    """0, every band edge in the data and one either side, and where a per-pupil price meets its minimum or cap."""
    found = {0}
    for service in public_services(handbook):
        for offer in service.offers:
            for c in offer.charges:
                edges = [c.band.pupils_from, c.band.pupils_to] if c.band else []
                if c.amount and c.unit.per is not None and c.unit.per.source is Source.ROLL:
                    edges += [math.ceil(limit / c.amount) for limit in (c.minimum, c.cap) if limit is not None]
                found.update(e + d for e in edges if e is not None for d in (-1, 0, 1))
    return sorted(r for r in found if 0 <= r <= MAX_PUPILS)


def schools(handbook) -> list[School]:
    return [School(p, k, r) for p in Phase for k in Setting for r in rolls(handbook)]


def expected_figures(line) -> list:
    if not line.priced:
        return [line.reason.value, None, None, None]
    return [None, str(line.net_pence), str(line.vat_pence), str(line.net_pence + line.vat_pence)]


def _quantity(text: str) -> int | None:
    return None if text == "" else int(text)


def _asks_quantities(item) -> bool:
    return any(c.unit.per is not None and c.unit.per.source is Source.CHOSEN or c.unit.period not in (None, Period.YEAR) for c in item.charges)


def _drive(page, grid: list[School], with_cases=lambda school: False, keys: list[str] = ()) -> list[dict]:
    args = [[s.phase.value, s.kind.value, s.pupils, with_cases(s)] for s in grid]
    return page.evaluate(DRIVE, [args, CASES, list(keys)])


def test_the_browser_and_the_engine_agree_to_the_penny_on_every_service_page(page, site_url, sample_handbook):
    grid = schools(sample_handbook)
    assert len({s.pupils for s in grid}) > 20  # the band edges of the sample, either side, and limits
    compared = cases = 0
    for service in public_services(sample_handbook):
        if not service.offers:
            continue
        page.goto(site_url + f"services/{service.id}/")
        by_key = {i.key: i for i in items(service)}
        asking = [i.key for i in items(service) if _asks_quantities(i)]
        for result in _drive(page, grid, lambda s: s.pupils == 210, asking):
            school = School(Phase(result["school"][0]), Setting(result["school"][1]), result["school"][2])
            reason = service_reason(service, school)
            if reason is not None:
                assert result["drawn"] == {"service": reason.value}, (service.id, school)
                continue
            assert [row[0] for row in result["drawn"]["rows"]] == list(by_key)
            for key, *drawn in result["drawn"]["rows"]:
                assert drawn == expected_figures(line_for(by_key[key], school)), (key, school)
                compared += 1
            for key, count, periods, *drawn in result["cases"]:
                chosen = Quantity(_quantity(count), _quantity(periods))
                assert drawn == expected_figures(line_for(by_key[key], school, chosen)), (key, school, chosen)
                cases += 1
    assert compared > 10_000 and cases > 2_000


def test_the_catalogue_cards_show_each_services_lowest_figure_or_why_not(page, site_url, sample_handbook):
    page.goto(site_url + "catalogue/")
    services = {s.id: s for s in public_services(sample_handbook)}
    for result in _drive(page, schools(sample_handbook)):
        school = School(Phase(result["school"][0]), Setting(result["school"][1]), result["school"][2])
        assert sorted(card[0] for card in result["drawn"]["cards"]) == sorted(services)
        for sid, shown_open, *drawn in result["drawn"]["cards"]:
            service = services[sid]
            reason = service_reason(service, school) or (None if service.offers else Reason.STATUTORY)
            lines = [] if reason else [line_for(i, school) for i in items(service)]
            priced = [line for line in lines if line.priced]
            if priced:
                assert drawn == expected_figures(min(priced, key=lambda line: line.net_pence)), (sid, school)
            else:
                assert drawn[0] == (reason or lines[0].reason).value, (sid, school)
            assert shown_open == ("1" if reason in (None, Reason.STATUTORY) else "0")


def test_a_quantity_that_is_not_a_whole_number_is_refused_in_words(page, site_url):
    page.goto(site_url + "services/governor-training/?school-phase=primary&school-kind=maintained&roll=210")
    row = page.locator('tr[data-key="governor-training/governor-courses"]')
    row.get_by_role("textbox", name="Delegates").fill("2.5")
    assert row.get_attribute("data-reason") == "bad-quantity"
    assert row.get_by_role("textbox", name="Delegates").get_attribute("aria-invalid") == "true"
    assert "whole number" in row.inner_text()
    row.get_by_role("textbox", name="Delegates").fill("4")
    assert row.get_attribute("data-net-pence") == str(4 * 4500)


# The basket: four items chosen on their pages (a price per pupil with a minimum and a cap, one per
# delegate per half day with a quantity, one per hour with a minimum, an academy's banded price),
# then three schools in turn; the last is not offered most of them, so the CSV gives its reasons.
CHOICES = [("payroll/", "per pupil per year"), ("governor-training/governor-courses", "per delegate per half day"),
           ("clerking-service/clerking-single-meetings/additional-clerking-time", "per hour"), ("cpd-programme/cpd-subscription", "per academy per year")]
QUANTITY = ("3", "2")  # for the second: delegates, half days
SCHOOLS = [("primary", "academy", 210), ("secondary", "maintained", 1000), ("post-16", "other-authority", 601)]


def basket_keys(handbook) -> list[str]:
    """The item keys of `CHOICES` in this data (a key names a unit where a label has several; an
    item's price per school and per academy is one item)."""
    keys = []
    for prefix, unit in CHOICES:
        (key,) = [i.key for s in public_services(handbook) for i in items(s) if i.key.startswith(prefix) and any(c.unit.value == unit for c in i.charges)]
        keys.append(key)
    return keys


def _quote_csv(keys: list[str], phase: str, kind: str, pupils: int) -> str:
    command = [str(ROOT / ".venv" / "bin" / "handbook"), "quote", "--phase", phase, "--setting", kind, "--pupils", str(pupils), "--format", "csv", "--data", str(SAMPLE_DATA)]
    for key in keys:
        command += ["--service", key]
    command += ["--quantity", f"{keys[1]}={QUANTITY[0]}x{QUANTITY[1]}"]
    return subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT).stdout


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def _enter(page, phase: str, kind: str, pupils: int) -> None:
    page.locator("#hb-school-phase").select_option(phase)
    page.locator("#hb-school-kind").select_option(kind)
    page.get_by_label("Pupils on roll").fill(str(pupils))


def _figures(locator) -> list[str]:
    return [locator.get_attribute(f"data-{part}-pence") for part in ("net", "vat", "gross")]


def _sent_by_the_view(sent: list[str], page) -> list[str]:
    """What the page requested, less the browser's own: its favicon again when the address changes
    (the address keeps the school), and the CSV the page made itself (a `blob:` of this origin)."""
    icon = page.evaluate("document.querySelector('link[rel~=icon]').href")
    origin = page.evaluate("location.origin")
    return [url for url in sent if url != icon and not url.startswith("blob:" + origin)]


def test_a_basket_for_three_schools_totals_and_downloads_what_handbook_quote_says(browser, site_url, sample_handbook):
    keys = basket_keys(sample_handbook)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    sent: list[str] = []
    page.on("request", lambda r: sent.append(r.url))
    page.goto(site_url + "catalogue/", wait_until="networkidle")
    sent.clear()
    _enter(page, *SCHOOLS[0])  # kept in this browser, so each service page opens with it
    page.wait_for_timeout(400)  # the address is written when typing pauses
    assert sent == [] or _sent_by_the_view(sent, page) == [], sent
    for key in keys:  # each chosen on its own service page, as a school would
        page.goto(site_url + f"services/{key.split('/')[0]}/", wait_until="networkidle")
        sent.clear()
        row = page.locator(f'tr[data-key="{key}"]')
        if key == keys[1]:
            row.get_by_role("textbox", name="Delegates").fill(QUANTITY[0])
            row.get_by_role("textbox", name="Half days").fill(QUANTITY[1])
        row.get_by_role("button", name="Add to basket").click()
        assert row.get_by_role("button", name="Remove from basket").is_visible()
        page.wait_for_timeout(400)
        assert _sent_by_the_view(sent, page) == [], "the school's view sent a request"
    page.goto(site_url + "catalogue/", wait_until="networkidle")
    sent.clear()
    basket = page.locator("[data-hb-basket]")
    assert basket.locator("tbody tr").count() == len(keys)
    for phase, kind, pupils in SCHOOLS:
        _enter(page, phase, kind, pupils)
        expected = _quote_csv(keys, phase, kind, pupils)
        total = _rows(expected)[-1]
        assert _figures(basket.locator("[data-hb-basket-total]")) == [str(round(float(v) * 100)) for v in total[8:11]], (phase, kind, pupils)
        assert basket.locator("[data-hb-total-gross]").inner_text() == f"£{float(total[10]):,.2f}"
        with page.expect_download() as download:
            basket.get_by_role("button", name="Download the basket (CSV)").click()
        got = Path(download.value.path()).read_bytes().decode("utf-8")
        assert _rows(got) == _rows(expected), (phase, kind, pupils)
        assert got.startswith(",".join(_rows(expected)[0]) + "\r\n")
    page.wait_for_timeout(400)
    assert _sent_by_the_view(sent, page) == [], "the school's view sent a request"
    context.close()


def test_printing_the_basket_prints_the_basket_only(page, site_url):
    page.goto(site_url + "services/payroll/?school-phase=primary&school-kind=academy&roll=210")
    page.locator('[data-hb-add="payroll/payroll-sla"]').click()
    page.evaluate("document.documentElement.classList.add('hb-print-basket')")  # what "Print the basket" sets
    page.emulate_media(media="print")
    assert page.locator("[data-hb-basket] tbody tr").is_visible()
    assert not page.locator("h1").is_visible() and not page.locator("table.hb-charges").is_visible()
    assert not page.get_by_role("button", name="Print the basket").is_visible()
    page.evaluate("document.documentElement.classList.remove('hb-print-basket')")  # a plain print: the page, no basket controls
    assert page.locator("h1").is_visible() and not page.locator("[data-hb-school-form]").is_visible()


def test_without_javascript_the_charge_tables_remain_and_the_view_stays_hidden(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site_url + "services/payroll/?school-phase=primary&school-kind=academy&roll=210")
    assert tab.locator("table.hb-charges").is_visible() and not tab.locator(".hb-school").is_visible()
    context.close()


@pytest.mark.parametrize("address", [
    "catalogue/?school-phase=primary&school-kind=academy&roll=210",
    "services/governor-training/?school-phase=secondary&school-kind=free-school&roll=1000",
    "services/cpd-programme/?school-phase=post-16&school-kind=other-authority&roll=601",
])
def test_axe_finds_nothing_with_a_school_entered_and_a_basket_filled(page, site_url, address):
    page.goto(site_url + "services/payroll/?school-phase=primary&school-kind=academy&roll=210")
    page.locator('[data-hb-add="payroll/payroll-sla"]').click()
    page.goto(site_url + address)
    page.get_by_label("Pupils on roll").fill("abc")  # the error message and invalid field too
    assert axe_violations(page) == []
    page.get_by_label("Pupils on roll").fill(address.rsplit("=", 1)[1])
    assert page.locator("[data-hb-basket] tbody tr").count() == 1
    assert axe_violations(page) == []
