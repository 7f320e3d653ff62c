from handbook.data.model.contacts import Role

BASE = {"id": "head-of-x", "title": "Head of X", "team": "team-x", "email": "x@westmarch.example"}


def test_holder_is_named_only_with_consent():
    assert Role(**BASE, holder={"name": "Ann Lee", "consent_to_publish": True}).public_name == "Ann Lee"
    assert Role(**BASE, holder={"name": "Ann Lee", "consent_to_publish": False}).public_name is None
    assert Role(**BASE).public_name is None


import pytest
from pydantic import ValidationError

from handbook.data.model.contacts import ContactPoint

POINT = {"id": "helpdesk", "name": "Helpdesk", "purpose": "Help", "email": "help@westmarch.example"}


def test_a_contact_point_on_http_must_say_why():
    assert str(ContactPoint(**POINT, url="https://help.westmarch.example/").url) == "https://help.westmarch.example/"
    assert ContactPoint(**POINT, url="http://old.westmarch.example/", http_reason="the supplier's portal has no https").url.scheme == "http"
    with pytest.raises(ValidationError, match="http-needs-reason:url"):
        ContactPoint(**POINT, url="http://old.westmarch.example/")
    with pytest.raises(ValidationError, match="http-reason-unused:url"):
        ContactPoint(**POINT, url="https://help.westmarch.example/", http_reason="no reason")
