"""Reporters: the only place problems are turned into text (plain, GitHub annotations, JSON)."""

from __future__ import annotations

import json
from collections.abc import Iterable

from handbook.core.errors import Level, Problem

FORMATS = ("text", "github", "json")


def _escape_github(value: str, *, property_value: bool = False) -> str:
    # GitHub workflow commands treat %, CR and LF (and , : in properties) as syntax.
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_problem(problem: Problem) -> str:
    where = f"{problem.file}:{problem.line}:{problem.col}"
    field = f" {problem.path}:" if problem.path else ""
    prefix = "" if problem.level is Level.ERROR else "warning: "
    return f"{where}:{field} {prefix}{problem.message}"


def render(problems: Iterable[Problem], fmt: str = "text") -> str:
    """All problems, sorted by file, line and column, in the chosen format."""
    ordered = sorted(problems, key=Problem.sort_key)
    if fmt == "json":
        return json.dumps(
            [
                {
                    "file": p.file,
                    "line": p.line,
                    "col": p.col,
                    "path": p.path,
                    "level": p.level.value,
                    "code": p.code,
                    "message": p.message,
                    "suggestion": p.suggestion,
                }
                for p in ordered
            ],
            indent=2,
        )
    if fmt == "github":
        lines = []
        for p in ordered:
            kind = "error" if p.level is Level.ERROR else "warning"
            title = _escape_github(p.path or p.code, property_value=True)
            props = f"file={_escape_github(p.file, property_value=True)},line={p.line},col={p.col},title={title}"
            lines.append(f"::{kind} {props}::{_escape_github(p.message)}")
        return "\n".join(lines)
    return "\n".join(format_problem(p) for p in ordered)


def summary(problems: Iterable[Problem]) -> str:
    problems = list(problems)
    errors = sum(p.level is Level.ERROR for p in problems)
    warnings = len(problems) - errors
    if not problems:
        return "The data is valid."

    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    return f"{plural(errors, 'error')}, {plural(warnings, 'warning')}."
