"""The accessibility statement's facts: from authority.yaml, issues by reason, a public contact."""

from __future__ import annotations

import dataclasses

from handbook.data.model.authority import Reason
from handbook.data.model.types import Visibility
from handbook.data.validate import load_handbook
from handbook.views.accessibility import statement
from tests.cases import MINIMAL


def test_the_sample_statement_has_its_facts_and_its_contact_point(sample_handbook):
    s = statement(sample_handbook)
    facts = sample_handbook.authority.accessibility
    assert s.contact.id == facts.contact and s.contact.email
    assert (s.prepared, s.last_reviewed, s.last_tested) == (facts.prepared, facts.last_reviewed, facts.last_tested)
    assert list(s.issues) == list(Reason)
    assert sum(len(v) for v in s.issues.values()) == len(facts.known_issues)
    assert all(i.reason is reason for reason, issues in s.issues.items() for i in issues)


def test_no_statement_without_its_facts():
    assert statement(load_handbook(MINIMAL)) is None


def test_an_internal_contact_point_is_never_given(sample_handbook):
    points = [p.model_copy(update={"visibility": Visibility.INTERNAL}) for p in sample_handbook.contacts.contact_points]
    hidden = dataclasses.replace(sample_handbook, contacts=sample_handbook.contacts.model_copy(update={"contact_points": points}))
    assert statement(hidden).contact is None
