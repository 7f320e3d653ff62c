"""new_fields: the fields `handbook new --help` lists are the fields its questions ask, by name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from handbook.commands import new_fields, new_questions
from handbook.commands.asking import Asker
from handbook.commands.new import known_data

SAMPLE = Path(__file__).resolve().parents[2] / "data"


class _Recording(Asker):
    """Answers nothing, records every field asked (as `--no-input` would meet them)."""

    def __init__(self, answers: dict[str, str]) -> None:
        super().__init__(False, dict(answers))
        self.asked: list[str] = []

    def ask(self, name: str, prompt: str, **options) -> str:
        self.asked.append(name)
        return super().ask(name, prompt, **options)


@pytest.mark.parametrize(
    ("kind", "answers"),
    [
        ("service", {"provision": "mixed", "settings": "maintained", "charge_settings": "maintained", "amount": "1", "unit": "per day"}),
        ("contact", {"holder": "Jo Bloggs", "consent_to_publish": "y"}),
        ("charge", {"service": "payroll", "amount": "1", "unit": "per day"}),
    ],
)
def test_every_field_asked_is_listed_and_every_field_listed_is_asked(kind: str, answers: dict[str, str]):
    known, _ = known_data(SAMPLE)
    asker = _Recording(answers)
    getattr(new_questions, kind)(asker, known, dt.date(2026, 11, 1))
    listed = set(new_fields.FIELDS[kind]) - ({"vacant"} if kind == "contact" else set())  # asked only without a holder
    assert set(asker.asked) - {"last_reviewed", "review_due"} <= set(new_fields.FIELDS[kind])
    assert listed <= set(asker.asked)


def test_a_price_field_may_be_numbered_for_the_next_kinds_of_school():
    assert new_fields.known("service", "amount.2") and new_fields.known("service", "valid_from.3")
    assert not new_fields.known("service", "amount.1") and not new_fields.known("service", "name.2")
    assert not new_fields.known("contact", "amount.2") and not new_fields.known("service", "colour")


def test_the_help_lists_every_field_of_every_kind():
    text = new_fields.help_text()
    for fields in new_fields.FIELDS.values():
        for name in fields:
            assert f"    {name} " in text, name
