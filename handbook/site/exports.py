"""Downloads: `services.json` and `charges.csv`, from the same views as the pages.

Input: a validated `Handbook`. Output: text (JSON, CSV). No file I/O here (the MkDocs adapter
adds them to the site at `downloads/`). Only public services; amounts as plain decimals; the
kinds of school a price or service is for by the one rule (`types.kinds_covered`), and each unit's
facts (`per`, `period`, `quantity_from`) beside its phrase. Every
cell and every JSON document goes through `handbook.presentation.escape` (`csv_cell`, `json_text`): a cell
that starts like a spreadsheet formula gets a leading `'`, as the downloads page says.
"""

from __future__ import annotations

import csv
import io
import itertools

from handbook.data.model import Handbook
from handbook.data.model.units import Source
from handbook.presentation import escape, wording as filters
from handbook.site import reuse
from handbook.views import catalogue, prices

CSV_COLUMNS = [
    "service_id", "service_name", "provision", "category", "offer_id", "offer_name", "offer_kind",
    "item", "settings", "payer", "pupils_from", "pupils_to", "phase", "amount_gbp",
    "price_on_application", "unit", "per", "period", "quantity_from", "vat", "minimum_gbp", "cap_gbp",
    "discount", "valid_from", "valid_to",
]


def service_url(site_url: str, service_id: str) -> str:
    return f"{site_url.rstrip('/')}/services/{service_id}/" if site_url else f"services/{service_id}/"


def _unit(unit) -> dict:
    """The unit's facts: the counted thing ("" for a flat fee), the period ("" for none), and where
    the quantity comes from (`roll`: the school's number on roll, `one`: the school, `chosen`)."""
    return {
        "per": unit.per.value if unit.per else "",
        "period": unit.period.value if unit.period else "",
        "quantity_from": unit.per.source.value if unit.per else Source.ONE.value,
    }


def _charge(c) -> dict:
    return {
        "label": c.label,
        "amount": filters.plain_amount(c.amount) or None,
        "price_on_application": c.price_on_application,
        "unit": c.unit.value,
        **_unit(c.unit),
        # Every kind of school the price is for, by the one rule: `academy` covers free schools.
        "settings": [s.value for s in filters.covered_kinds(c.settings)],
        "payer": c.payer.value,
        "pupils_from": c.band.pupils_from if c.band else None,
        "pupils_to": c.band.pupils_to if c.band else None,
        "phase": c.phase.value if c.phase else None,
        "minimum": filters.plain_amount(c.minimum) or None,
        "cap": filters.plain_amount(c.cap) or None,
        "discount": c.discount,
        "vat": c.vat.value,
        "valid_from": filters.iso_date(c.valid_from),
        "valid_to": filters.iso_date(c.valid_to) or None,
    }


def _service_entry(handbook: Handbook, s, site_url: str) -> dict:
    charges = [{"offer_id": o.id, "offer_name": o.name, **_charge(c)} for o in s.offers for c in o.charges]
    return {
        "id": s.id,
        "name": s.name,
        "summary": s.summary,
        "provision": s.provision.value,
        "category": s.category,
        "category_name": catalogue.category_of(handbook, s).name,
        "phases": [p.value for p in s.audience.phases],
        "settings": [x.value for x in catalogue.kinds_of(s)],
        "url": service_url(site_url, s.id),
        "last_reviewed": filters.iso_date(s.last_reviewed),
        "charges": charges,
    }


def services_json(handbook: Handbook, site_url: str = "") -> str:
    """Every public service with id, name, provision, category, url and its offers' charges.

    In `make serve`, a service's line is kept between builds while the service and the other
    data files are the same (`site.reuse`)."""
    edition = handbook.authority.edition
    public = catalogue.public_services(handbook)
    head = {
        "authority": handbook.authority.authority.name,
        "edition": edition.id,
        "published": filters.iso_date(edition.published),
    }
    # One service per line: readable and diff-friendly, and written by the C encoder (an
    # indented dump takes json's pure-Python path, a tenth of a second per 200 services).
    lines = ",\n".join(reuse.made("services.json", handbook, s, lambda s=s: escape.json_text(_service_entry(handbook, s, site_url)), site_url) for s in public)
    reuse.forget("services.json", {s.id for s in public})
    return escape.json_text(head)[:-1] + ', "services": [\n' + lines + "\n]}\n"


def _csv_rows(rows: list) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    for r in rows:
        c = _charge(r.charge)
        writer.writerow(map(escape.csv_cell, [
            r.service.id, r.service.name, r.service.provision.value, r.service.category, r.offer.id, r.offer.name,
            r.offer.kind.value, r.label, " ".join(c["settings"]), c["payer"], _blank(c["pupils_from"]), _blank(c["pupils_to"]),
            _blank(c["phase"]), _blank(c["amount"]), "yes" if c["price_on_application"] else "no", c["unit"],
            c["per"], c["period"], c["quantity_from"], c["vat"],
            _blank(c["minimum"]), _blank(c["cap"]), _blank(c["discount"]), c["valid_from"], _blank(c["valid_to"]),
        ]))
    return out.getvalue()


def charges_csv(handbook: Handbook) -> str:
    """One row per charge of every public service, after a header row (UTF-8, CRLF as CSV wants).

    Every cell, numbers included, goes through `escape.csv_cell`: one rule for the whole file.
    In `make serve`, a service's rows are kept between builds while the service and the other
    data files are the same (`site.reuse`).
    """
    out = io.StringIO()
    csv.writer(out).writerow(CSV_COLUMNS)
    chunks = [out.getvalue()]
    services = []
    for _, rows in itertools.groupby(prices.charges_rows(handbook), key=lambda r: id(r.service)):
        rows = list(rows)
        services.append(rows[0].service.id)
        chunks.append(reuse.made("charges.csv", handbook, rows[0].service, lambda rows=rows: _csv_rows(rows)))
    reuse.forget("charges.csv", set(services))
    return "".join(chunks)


def _blank(value) -> str:
    return "" if value is None else str(value)
