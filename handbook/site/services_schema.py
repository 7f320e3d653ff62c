"""services_schema: the published JSON Schema of `downloads/services.json`.

Input: nothing but the export's shape (`site.exports`). Output: the schema as text, written by
`prepare` to `downloads/services.schema.json` and named by the downloads page, so a program that
reads the handbook's services can check what it received. A test validates the built export
against it, so the two cannot drift apart; the enumerations come from the models.
"""

from __future__ import annotations

from typing import Any

from handbook.data.model.services import OfferKind, Payer, Provision, Vat
from handbook.data.model.types import Phase, Setting
from handbook.data.model.units import Counted, Period, Source
from handbook.presentation import escape

FILE = "services.schema.json"
_DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_AMOUNT = {"type": ["string", "null"], "pattern": r"^\d+\.\d{2}$", "description": "Pounds as a decimal with two places, e.g. `1450.00`; null when there is none."}


def _values(enum: Any) -> list[str]:
    return [e.value for e in enum]


def _object(properties: dict[str, Any], description: str) -> dict[str, Any]:
    return {"type": "object", "description": description, "required": list(properties), "additionalProperties": False, "properties": properties}


def schema(id_url: str = "") -> dict[str, Any]:
    """The schema; `id_url` is its own published address, when the site has one."""
    charge = _object({
        "offer_id": {"type": "string", "description": "The offer's id within its service."},
        "offer_name": {"type": "string"},
        "label": {"type": ["string", "null"], "description": "What the price is for, where an offer has several prices."},
        "amount": _AMOUNT,
        "price_on_application": {"type": "boolean", "description": "True when the price is quoted on request (amount is null)."},
        "unit": {"type": "string", "description": "What the price is multiplied by, in words: `per pupil per year`, `flat fee`."},
        "per": {"type": "string", "enum": ["", *_values(Counted)], "description": "The thing counted; empty for a flat fee."},
        "period": {"type": "string", "enum": ["", *_values(Period)], "description": "How often; empty for once."},
        "quantity_from": {"type": "string", "enum": _values(Source), "description": "`roll` (pupils on roll), `one` (the school, or a flat fee) or `chosen` (a number the school chooses)."},
        "settings": {"type": "array", "items": {"enum": _values(Setting)}, "description": "Every kind of school the price is for (academy covers free schools)."},
        "payer": {"type": "string", "enum": _values(Payer)},
        "pupils_from": {"type": ["integer", "null"], "minimum": 0},
        "pupils_to": {"type": ["integer", "null"], "minimum": 0, "description": "Null: and over."},
        "phase": {"type": ["string", "null"], "enum": [None, *_values(Phase)]},
        "minimum": _AMOUNT,
        "cap": _AMOUNT,
        "discount": {"type": ["string", "null"]},
        "vat": {"type": "string", "enum": _values(Vat)},
        "valid_from": _DATE,
        "valid_to": {**_DATE, "type": ["string", "null"]},
    }, "One price of one of the service's offers.")
    service = _object({
        "id": {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$", "description": "The service's id; its page is at services/<id>/."},
        "name": {"type": "string"},
        "summary": {"type": "string"},
        "provision": {"type": "string", "enum": _values(Provision), "description": "`mixed`: a statutory core without charge, and traded offers."},
        "category": {"type": "string"},
        "category_name": {"type": "string"},
        "phases": {"type": "array", "items": {"enum": _values(Phase)}},
        "settings": {"type": "array", "items": {"enum": _values(Setting)}, "description": "The kinds of school the service is for, by the one rule."},
        "url": {"type": "string", "description": "The service's page on the site."},
        "last_reviewed": _DATE,
        "charges": {"type": "array", "items": charge},
    }, "One public service.")
    document = _object({
        "authority": {"type": "string"},
        "edition": {"type": "string", "pattern": r"^\d{4}-\d{2}$"},
        "published": _DATE,
        "services": {"type": "array", "items": service},
    }, "Every public service of one edition of the handbook, with its charges.")
    head = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Services to schools: services.json"}
    if id_url:
        head["$id"] = id_url
    return {**head, **document}


def schema_json(site_url: str = "") -> str:
    id_url = f"{site_url.rstrip('/')}/downloads/{FILE}" if site_url else ""
    return escape.json_text(schema(id_url)) + "\n"
