from __future__ import annotations

import json

from handbook.core.errors import Level, Problem
from handbook.data.report import format_problem, render, summary

P1 = Problem("data/services.yaml", 42, 7, "services[3].charges[0].unit", "'per dya' is not a known unit; did you mean 'per day'?", suggestion="per day")
P2 = Problem("data/contacts.yaml", 3, 1, "roles[0].review_due", "the review was due, check it", Level.WARNING, "review-overdue")


def test_text_format_is_file_line_col_field_message() -> None:
    assert format_problem(P1) == "data/services.yaml:42:7: services[3].charges[0].unit: 'per dya' is not a known unit; did you mean 'per day'?"


def test_problems_are_sorted_by_file_then_line() -> None:
    assert render([P1, P2]).splitlines()[0].startswith("data/contacts.yaml:3:1:")


def test_github_format_is_an_annotation_per_problem() -> None:
    lines = render([P1, P2], "github").splitlines()
    assert lines[1] == "::error file=data/services.yaml,line=42,col=7,title=services[3].charges[0].unit::'per dya' is not a known unit; did you mean 'per day'?"
    assert lines[0].startswith("::warning file=data/contacts.yaml,line=3,col=1,")


def test_json_format_carries_every_field() -> None:
    rows = json.loads(render([P1], "json"))
    assert rows == [{"file": "data/services.yaml", "line": 42, "col": 7, "path": "services[3].charges[0].unit", "level": "error", "code": "invalid", "message": P1.message, "suggestion": "per day"}]
    assert json.loads(render([P2], "json"))[0]["suggestion"] is None


def test_summary_counts_errors_and_warnings() -> None:
    assert summary([P1, P2]) == "1 error, 1 warning."
    assert summary([]) == "The data is valid."
