from handbook.model.contacts import Role

BASE = {"id": "head-of-x", "title": "Head of X", "team": "team-x", "email": "x@westmarch.example"}


def test_holder_is_named_only_with_consent():
    assert Role(**BASE, holder={"name": "Ann Lee", "consent_to_publish": True}).public_name == "Ann Lee"
    assert Role(**BASE, holder={"name": "Ann Lee", "consent_to_publish": False}).public_name is None
    assert Role(**BASE).public_name is None
