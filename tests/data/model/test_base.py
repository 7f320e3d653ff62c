from decimal import Decimal

import pytest
from pydantic import ValidationError

from handbook.data.model.base import Record


class Thing(Record):
    name: str


def test_unknown_fields_are_refused():
    with pytest.raises(ValidationError, match="extra"):
        Thing(name="a", nmae="b")


def test_numbers_in_text_fields_keep_the_digits_written():
    assert Thing(name=Decimal("1.10")).name == "1.10"
    assert Thing(name=2026).name == "2026"


def test_records_are_frozen():
    with pytest.raises(ValidationError):
        Thing(name="a").name = "b"
