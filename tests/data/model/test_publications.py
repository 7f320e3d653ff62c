import pytest
from pydantic import ValidationError

from handbook.data.model.publications import DataRelease

BASE = {"id": "profile", "title": "Profile", "description": "d", "audience": ["Heads"], "format": "PDF", "owner": "head-of-x"}


def test_months_are_written_in_full():
    assert DataRelease(**BASE, months=["October"]).months[0].value == "October"
    with pytest.raises(ValidationError):
        DataRelease(**BASE, months=["Oct"])


def test_a_channel_on_http_must_say_why():
    from handbook.data.model.publications import Channel

    channel = {"id": "portal", "name": "Portal", "description": "d"}
    with pytest.raises(ValidationError, match="http-needs-reason:url"):
        Channel(**channel, url="http://portal.westmarch.example/")
    assert Channel(**channel, url="http://portal.westmarch.example/", http_reason="the exam board's portal has no https").http_reason
