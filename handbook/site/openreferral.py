"""openreferral: every public service in the Open Referral UK shape, for other councils' directories.

Input: a validated `Handbook` and the site's address. Output: the text of
`downloads/openreferral-uk/services.json` (`prepare` writes it). No file I/O here.

The shape is Open Referral UK 3.0's `service` (its compiled schema is vendored in
`tests/site/openreferral-uk/`, and a test validates this file against it), in a page as the
standard's API returns one (`contents`, with the page counts): the authority as `organization`;
the public contact roles as `contacts` (a holder's name only where they agreed to be named, else
the role's title alone); each price as a `cost_options` entry (amount in pounds, `option` and
`amount_description` in the handbook's own words from `presentation.opendata`, `valid_from`,
`valid_to`), and a statutory core as a free option; the phases and kinds of school a service is
for as `attributes` under two taxonomies of the handbook's own (the standard has no field for a
school's eligibility); `url`, the service's page on the site. Ids are UUIDs derived from the
records' ids (`site.identifiers`), so they stay the same across builds and editions.
Only public services, public roles; every value goes through `escape.json_text`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from handbook.data.model import Handbook
from handbook.data.model.services import Provision
from handbook.presentation import escape, opendata, wording
from handbook.site import reuse
from handbook.site.identifiers import stable_uuid
from handbook.views import catalogue

FOLDER = "openreferral-uk"
FILE = "services.json"
# The handbook's own taxonomies for eligibility (Open Referral UK links terms to services as attributes).
PHASE_TAXONOMY = "handbook:phase"
SETTING_TAXONOMY = "handbook:kind-of-school"


def _url(site_url: str, path: str) -> str:
    return f"{site_url.rstrip('/')}/{path}" if site_url else path


def organization(handbook: Handbook) -> dict[str, Any]:
    a = handbook.authority
    return {
        "id": stable_uuid(f"organization:{a.authority.slug}"),
        "name": a.authority.name,
        "description": a.handbook.subtitle or a.handbook.title,
        "website": str(a.authority.website),
        "uri": str(a.authority.website),
    }


def _contacts(handbook: Handbook, service) -> list[dict[str, Any]]:
    contacts = []
    for role in catalogue.service_contacts(handbook, service):
        contact = {"id": stable_uuid(f"contact:{service.id}/{role.id}"), "service_id": stable_uuid(f"service:{service.id}"), "title": role.title}
        if role.public_name:  # only a holder who agreed to be named
            contact["name"] = role.public_name
        contacts.append(contact)
    return contacts


def _amount(value) -> int | float:
    """Pounds as a JSON number: whole pounds as an integer, else to the penny."""
    return int(value) if value == value.to_integral_value() else float(value)


def _cost_options(service) -> list[dict[str, Any]]:
    service_id = stable_uuid(f"service:{service.id}")
    options = []
    if service.provision is not Provision.TRADED:
        free = opendata.FREE_OF_CHARGE if service.provision is Provision.STATUTORY else opendata.FREE_CORE
        options.append({"id": stable_uuid(f"cost:{service.id}/statutory"), "service_id": service_id, "option": wording.PROVISION_LABELS[Provision.STATUTORY], "amount": 0, "amount_description": free})
    used: set[str] = set()
    for offer in service.offers:
        for charge in offer.charges:
            # What the price is for, by ids and words that stay while the amount and the year change,
            # so next year's price updates this option; two prices for the same thing in one edition
            # (a change during the year) are told apart by their first day.
            kinds = ",".join(sorted(k.value for k in charge.kinds))  # by the one rule: `[academy]` = `[academy, free-school]`
            band = f"{charge.band.pupils_from}-{charge.band.pupils_to}" if charge.band else ""
            key = f"cost:{service.id}/{offer.id}/{charge.label or ''}/{charge.unit.value}/{kinds}/{band}/{charge.phase.value if charge.phase else ''}"
            key = f"{key}/{charge.valid_from.isoformat()}" if key in used else key
            used.add(key)
            option = {"id": stable_uuid(key), "service_id": service_id, "option": opendata.cost_option(offer, charge)}
            if charge.amount is not None:
                option["amount"] = _amount(charge.amount)
            option["amount_description"] = opendata.amount_description(charge)
            option["valid_from"] = charge.valid_from.isoformat()
            if charge.valid_to is not None:
                option["valid_to"] = charge.valid_to.isoformat()
            options.append(option)
    return options


def _term(taxonomy: str, value: str, label: str) -> dict[str, Any]:
    return {"id": stable_uuid(f"term:{taxonomy}/{value}"), "name": value, "description": label, "taxonomy": taxonomy, "term": value}


def _attributes(service) -> list[dict[str, Any]]:
    service_id = stable_uuid(f"service:{service.id}")
    terms = [_term(PHASE_TAXONOMY, p.value, wording.phase_label(p)) for p in service.audience.phases]
    terms += [_term(SETTING_TAXONOMY, s.value, wording.setting_label(s)) for s in catalogue.kinds_of(service)]
    return [
        {"id": stable_uuid(f"attribute:{service.id}/{t['taxonomy']}/{t['name']}"), "link_id": service_id, "link_type": "eligibility", "taxonomy_term_id": t["id"], "taxonomy_term": t}
        for t in terms
    ]


def service_record(handbook: Handbook, service, site_url: str = "") -> dict[str, Any]:
    """One public service as Open Referral UK's `service`."""
    org = organization(handbook)
    contacts = catalogue.service_contacts(handbook, service)
    record: dict[str, Any] = {
        "id": stable_uuid(f"service:{service.id}"),
        "organization_id": org["id"],
        "name": service.name,
        "description": service.summary,
        "url": _url(site_url, f"services/{service.id}/"),
        "status": "active",
        "assured_date": service.last_reviewed.isoformat(),
        "last_modified": dt.datetime.combine(service.last_reviewed, dt.time(), tzinfo=dt.timezone.utc).isoformat().replace("+00:00", "Z"),
    }
    if contacts and contacts[0].email:
        record["email"] = str(contacts[0].email)
    record["organization"] = org
    record["contacts"] = _contacts(handbook, service)
    record["cost_options"] = _cost_options(service)
    record["attributes"] = _attributes(service)
    return record


def _page(services: list) -> dict[str, Any]:
    """One page of the standard's API holding `services`, with its counts."""
    return {
        "total_items": len(services), "total_pages": 1, "page_number": 1, "size": len(services),
        "first_page": True, "last_page": True, "empty": not services,
        "contents": services,
    }


def services_document(handbook: Handbook, site_url: str = "") -> dict[str, Any]:
    return _page([service_record(handbook, s, site_url) for s in catalogue.public_services(handbook)])


def services_json(handbook: Handbook, site_url: str = "") -> str:
    """The file's text: one service a line, as `exports.services_json` writes its own. In `make
    serve`, a service's line is kept between builds while the service and the other data files
    are the same (`site.reuse`)."""
    public = catalogue.public_services(handbook)
    lines = [reuse.made(f"{FOLDER}/{FILE}", handbook, s, lambda s=s: escape.json_text(service_record(handbook, s, site_url)), site_url) for s in public]
    reuse.forget(f"{FOLDER}/{FILE}", {s.id for s in public})
    head = escape.json_text({k: v for k, v in _page(lines).items() if k != "contents"})[:-1]
    return head + ', "contents": [\n' + ",\n".join(lines) + "\n]}\n"
