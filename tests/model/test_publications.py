import pytest
from pydantic import ValidationError

from handbook.model.publications import DataRelease

BASE = {"id": "profile", "title": "Profile", "description": "d", "audience": ["Heads"], "format": "PDF", "owner": "head-of-x"}


def test_months_are_written_in_full():
    assert DataRelease(**BASE, months=["October"]).months[0].value == "October"
    with pytest.raises(ValidationError):
        DataRelease(**BASE, months=["Oct"])
