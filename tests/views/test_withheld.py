"""views.withheld: what the newer edition withholds, on the privacy fixture pair of editions."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook.data.validate import load_handbook
from handbook.views.withheld import Withheld, edition_texts

PRIVACY = Path(__file__).resolve().parent.parent / "cases" / "editions" / "privacy"


@pytest.fixture(scope="module")
def pair():
    return load_handbook(PRIVACY / "2025-26"), load_handbook(PRIVACY / "2026-27")


def test_ids_are_the_records_the_newer_edition_holds_but_does_not_publish(pair):
    withheld = Withheld(*pair)
    assert withheld.ids == {
        "services": {"attendance-support", "fraud-review", "staff-absence-scheme"},
        "roles": {"attendance-lead", "investigations-officer"},
        "points": {"attendance-helpline"},
    }


def test_a_name_without_consent_is_withheld_even_in_a_public_role(pair):
    old, new = pair
    public, private = edition_texts(new)
    assert {"Dr Helen Marsh", "Tom Ellis", "Grace Lin"} <= private - public
    assert "Tom Ellis" in edition_texts(old)[0] and "Tom Ellis" not in edition_texts(old)[1]
    assert "Attendance Support" in private and "per day" in public  # an internal record's name; the fixed vocabulary


def test_a_withheld_phrase_hides_any_text_holding_it_as_words_whatever_the_case(pair):
    withheld = Withheld(*pair)
    assert withheld.hides("Ask DR HELEN MARSH first") and withheld.hides("Attendance Support (traded)")
    assert not withheld.hides("Attendance Supporters") and not withheld.hides("Governor Services")
    assert withheld.shown("Attendance Lead") is None and withheld.shown("Head of School Improvement") == "Head of School Improvement"


def test_what_the_newer_edition_publishes_is_never_withheld(pair):
    withheld = Withheld(*pair)
    # "Samuel Okafor" was never named; "Headteachers" is a member of an internal group and of public ones.
    assert withheld.hides("Samuel Okafor")
    assert not withheld.hides("Headteachers") and not withheld.hides("Councillor Priya Anand")
