"""Targeted edits of a data file: only the named values change, every other byte stays."""

from __future__ import annotations

import pytest

from handbook.core.errors import HandbookUserError
from handbook.data.edits import Edit, apply_edits

TEXT = """\
# A comment that stays
edition:
  id: "2026-27"   # keep the quotes
  number: 4
  covers:
    academic_year: 2026/27
charges:
  - amount: 2150  # agreed by finance
    valid_from: 2026-04-01
  - {amount: 1.10, unit: per day}
foreword: |
  Welcome, £ and é.
"""


def test_only_the_named_values_change_and_quotes_and_comments_stay():
    out = apply_edits(TEXT, [Edit(("edition", "id"), "2027-28"), Edit(("charges", 0, "amount"), "2230"), Edit(("charges", 1, "amount"), "1.15"), Edit(("edition", "covers", "academic_year"), "2027/28")])
    assert out == TEXT.replace('"2026-27"', '"2027-28"').replace("2150", "2230").replace("1.10", "1.15").replace("2026/27", "2027/28")


def test_a_key_is_added_as_the_last_entry_of_its_mapping_at_its_indentation():
    out = apply_edits(TEXT, [Edit(("edition", "previous"), "archive/2026-27", add=True)])
    assert out == TEXT.replace("    academic_year: 2026/27\n", "    academic_year: 2026/27\n  previous: archive/2026-27\n")


def test_a_missing_value_or_a_block_of_text_is_refused_and_nothing_changes():
    with pytest.raises(HandbookUserError, match="is not in the file"):
        apply_edits(TEXT, [Edit(("edition", "number"), "5"), Edit(("charges", 7, "amount"), "1")])
    with pytest.raises(HandbookUserError, match="not a single value"):
        apply_edits(TEXT, [Edit(("foreword",), "x")])


def test_a_value_that_would_change_the_files_structure_is_refused():
    with pytest.raises(ValueError):
        apply_edits(TEXT, [Edit(("edition", "number"), "5\nevil: true")])
    with pytest.raises(ValueError):
        apply_edits(TEXT, [Edit(("charges", 0, "amount"), "=1+1")])
