"""The limits are positive and ordered so that every field a model bounds has room."""

from __future__ import annotations

from handbook.core import limits


def test_limits_are_positive_whole_numbers() -> None:
    values = {name: value for name, value in vars(limits).items() if name.startswith("MAX_")}
    assert values and all(isinstance(v, int) and v > 0 for v in values.values())


def test_a_summary_fits_in_a_markdown_field_and_a_name_in_a_line() -> None:
    assert limits.MAX_NAME < limits.MAX_TEXT < limits.MAX_MARKDOWN
    assert limits.MAX_SUMMARY < limits.MAX_MARKDOWN


def test_the_printed_limits_leave_room_for_the_sample():
    """The sample has 155 charges for 53 services and a how-to-buy of 5 lines: a county's few
    hundred services must fit."""
    assert limits.MAX_TOTAL_CHARGES >= 10 * 155 and limits.MAX_HOW_TO_BUY_LINES >= 2 * 5
    assert limits.MAX_FILE_BYTES >= 5 * 158 * 1024
    # The sample's other printed files hold 43,762 characters of text and at most 43 records a list.
    assert limits.MAX_PRINTED_TEXT >= 5 * 43_762 and limits.MAX_RECORDS >= 5 * 43


def test_the_officers_guide_states_the_limits_as_they_are() -> None:
    """The guide's table is what officers read; a limit tuned here must be tuned there too."""
    from pathlib import Path

    guide = (Path(__file__).resolve().parents[2] / "docs" / "officers-guide.md").read_text(encoding="utf-8")
    for row in (
        f"| {limits.MAX_NAME:,} characters |",
        f"| {limits.MAX_SUMMARY:,} characters |",
        f"| {limits.MAX_TEXT:,} characters |",
        f"| {limits.MAX_MARKDOWN:,} characters |",
        f"inside each other in Markdown | {limits.MAX_NESTING:,} levels |",
        f"| {limits.MAX_LIST:,} |",
        f"| Services | {limits.MAX_SERVICES:,} |",
        f"| {limits.MAX_OFFERS:,}, {limits.MAX_CHARGES:,} |",
        f"| Charges of all the services together | {limits.MAX_TOTAL_CHARGES:,} |",
        f"(sentences or a list: no table, no heading) | {limits.MAX_HOW_TO_BUY_LINES:,} |",
        f"introduction to the levels of concern | {limits.MAX_PRINTED_LINES:,} |",
        f"| Columns of a table in the foreword or that introduction | {limits.MAX_TABLE_COLUMNS:,} |",
        f"categories) | {limits.MAX_RECORDS:,} |",
        f"| Text of contacts, partnerships, protocols, publications and structure together | {limits.MAX_PRINTED_TEXT:,} characters |",
        f"| A data file | {limits.MAX_FILE_BYTES // 1024:,} KB |" if limits.MAX_FILE_BYTES < 1024 * 1024 else f"| A data file | {limits.MAX_FILE_BYTES // 1024 // 1024:,} MB |",
    ):
        assert row in guide, f"docs/officers-guide.md should say {row!r} in 'Limits and characters'"
