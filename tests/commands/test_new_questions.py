"""new_questions: what is asked for each kind of entry, in what order, and the entry it makes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from handbook.commands import new_questions
from handbook.commands.asking import Asker
from handbook.commands.new import known_data

SAMPLE = Path(__file__).resolve().parents[2] / "data"
TODAY = dt.date(2026, 11, 1)


def _interview(kind: str, replies: list[str], given: dict | None = None):
    prompts: list[str] = []
    said: list[str] = []
    queue = iter(replies)
    asker = Asker(True, dict(given or {}), lambda prompt: prompts.append(prompt) or next(queue), said.append)
    entry = getattr(new_questions, kind)(asker, known_data(SAMPLE)[0], TODAY)
    assert next(queue, None) is None, "every reply was asked for"
    return entry, prompts, said


SERVICE = {"id": "music-tuition", "name": "Music Tuition", "summary": "Lessons in school from specialist teachers.", "description": "Lessons.",
           "category": "enrichment", "provision": "traded", "phases": "primary", "offer_name": "Lessons", "offer_kind": "package",
           "how_to_buy": "Ask.", "contacts": "head-of-music-service", "owner": "music-service"}


def test_a_price_is_asked_for_each_group_of_kinds_of_school_and_academy_covers_free_schools():
    replies = ["", "", "maintained", "30", "per hour", "", "outside-scope", "2026-09-01",
               "free-school", "academy, free-school", "35", "per hour", "trust", "standard", "",
               "other-authority", "40", "per hour", "", "standard", "2026-04-01",
               "", "", "", "", ""]
    entry, prompts, said = _interview("service", replies, dict(SERVICE, settings="maintained, academy, free-school, other-authority"))
    charges = entry["offers"][0]["charges"]
    assert [c["settings"] for c in charges] == [["maintained"], ["academy", "free-school"], ["other-authority"]]
    assert [c["vat"] for c in charges] == ["outside-scope", "standard", "standard"] and charges[1]["payer"] == "trust"
    assert [c["valid_from"] for c in charges] == ["2026-09-01", "2026-09-01", "2026-04-01"]
    assert said[0].startswith("A free school pays what an academy pays")  # free-school alone is refused in validation's words
    assert not any("Kinds of school that pay the next price" in p and "free-school]" in p for p in prompts[-8:])  # covered by academy
    assert prompts[2].startswith("Kinds of school that pay this price, separated by commas [maintained, academy, free-school, other-authority]")


def test_the_first_price_for_every_kind_of_school_is_the_default():
    entry, prompts, _ = _interview("service", ["", "", "", "poa", "flat fee", "", "exempt", "2026-09-01", "", "", "", "", ""], dict(SERVICE, settings="maintained, academy"))
    (charge,) = entry["offers"][0]["charges"]
    assert (charge["settings"], charge["price_on_application"], charge["unit"]) == (["maintained", "academy"], "true", "flat fee")
    assert entry["offers"][0]["id"] == "lessons" and "terms" not in entry["offers"][0]


def test_a_contact_without_a_mailbox_needs_a_phone_and_a_holder_is_asked_for_consent():
    entry, prompts, said = _interview("contact", ["head-of-art", "Head of Art", "school-improvement", "", "", "01632 960 999", "Jo Bloggs", "maybe", "n", "", "", ""])
    assert entry["phone"] == "01632 960 999" and "email" not in entry
    assert entry["holder"] == {"name": "Jo Bloggs", "consent_to_publish": "false"}
    assert "This one is needed." in said and "'maybe' is not yes or no; answer y or n." in said


def test_a_charge_offers_the_services_that_sell_and_the_kinds_of_school_the_service_is_for():
    entry, prompts, _ = _interview("charge", ["payroll", "", "", "", "poa", "per academy per year", "trust", "standard", "2026-04-01"])
    service, offer, charge = entry
    assert (service, offer) == ("payroll", "payroll-sla") and charge["price_on_application"] == "true" and "amount" not in charge
    assert "(Enter: payroll-sla)" in prompts[1] and "What this price is for" in prompts[3]
