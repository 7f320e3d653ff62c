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


class Later(Record):
    name: str
    note: str | None = None


def test_a_pickled_record_comes_back_equal_frozen_and_knowing_which_fields_were_given():
    import pickle

    given = Later(name="a")
    again = pickle.loads(pickle.dumps(given, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == given and again is not given
    assert again.model_fields_set == {"name"} and again.model_dump() == {"name": "a", "note": None}
    with pytest.raises(ValidationError):
        again.name = "b"


def test_the_sample_handbook_survives_a_pickle_round_trip(sample_handbook):
    import pickle

    again = pickle.loads(pickle.dumps(sample_handbook, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == sample_handbook
    assert again.services.services[0].model_dump() == sample_handbook.services.services[0].model_dump()
