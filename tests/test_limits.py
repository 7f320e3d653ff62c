"""The limits are positive and ordered so that every field a model bounds has room."""

from __future__ import annotations

from handbook import limits


def test_limits_are_positive_whole_numbers() -> None:
    values = {name: value for name, value in vars(limits).items() if name.startswith("MAX_")}
    assert values and all(isinstance(v, int) and v > 0 for v in values.values())


def test_a_summary_fits_in_a_markdown_field_and_a_name_in_a_line() -> None:
    assert limits.MAX_NAME < limits.MAX_TEXT < limits.MAX_MARKDOWN
    assert limits.MAX_SUMMARY < limits.MAX_MARKDOWN
