"""The glossary explains every acronym the handbook uses, each once.

A term given twice is an error (the second would hide the first). An acronym written in any data
file, or in a prose page of the project's `docs/` folder beside the data folder, that the glossary
does not explain is a warning, reported once, where it is first used: the site would show it
without its meaning and the PDF could not spell it out. Only where `glossary.yaml` exists: a data
folder without one has chosen to keep no glossary. Code (`` `…` `` and fenced blocks), web and
e-mail addresses, ids and phone numbers are not prose and are not read.
"""

from __future__ import annotations

import bisect
import itertools
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from handbook.core.errors import Level, Problem
from handbook.data.checks import Context
from handbook.data.load import Path_
from handbook.data.model.glossary import ACRONYM

# Fields whose values are not prose: addresses, ids and numbers, where capitals are not acronyms.
NOT_PROSE = {"id", "email", "phone", "url", "website", "address", "logo", "term", "meaning", "http_reason"}
# A prose page's code, which is not read: fenced blocks, inline code, `{{ macro() }}` calls, HTML tags, abbreviation definitions.
_CODE = re.compile(r"^```.*?^```|`[^`\n]*`|\{\{.*?\}\}|\{%.*?%\}|<[^>\n]*>|^\*\[.*$|\]\([^)\s]*\)", re.S | re.M)
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
# Folders of docs/ the build writes from the data (read through the data itself).
GENERATED = {"services", "schools", "downloads", "pdf"}


def _prose(value: Any, path: Path_, paths: list[Path_], texts: list[str]) -> None:
    """Appends each string of `value` that is prose to `texts`, and where it is to `paths`."""
    if isinstance(value, str):
        paths.append(path)
        texts.append(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in NOT_PROSE:
                _prose(item, (*path, key), paths, texts)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _prose(item, (*path, i), paths, texts)


def _prose_pages(data_dir: Path | None) -> list[Path]:
    docs = data_dir.resolve().parent / "docs" if data_dir is not None else None
    return sorted(docs.glob("*.md")) if docs is not None and docs.is_dir() else []


def _blank_code(text: str) -> str:
    """The page with its code replaced by spaces, so positions still count from the original."""
    text = _FRONT_MATTER.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text, count=1)
    return _CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)


def check(ctx: Context) -> Iterator[Problem]:
    """Errors: a term given twice."""
    known: dict[str, int] = {}
    for i, term in ctx.items("glossary", "terms"):
        if term.term in known:
            line = ctx.documents["glossary"].locate(("terms", known[term.term], "term"))[0]
            yield ctx.problem("glossary", ("terms", i, "term"), f"{term.term!r} is already in the glossary on line {line}; give each term once", "duplicate-term")
        else:
            known[term.term] = i


def missing(ctx: Context) -> Iterator[Problem]:
    """Warnings: an acronym in the data or the prose that the glossary does not explain."""
    if "glossary" not in ctx.documents:
        return
    reported: set[str] = {term.term for _, term in ctx.items("glossary", "terms")}
    for stem, doc in ctx.documents.items():
        if stem == "glossary":
            continue
        # Why one search over the file's prose joined by new lines: a search per value cost a
        # quarter of validating 100 services. A new line is a boundary to the acronym rule, as the
        # start or end of a value is, so the matches are the same; bisect finds their value.
        paths: list[Path_] = []
        texts: list[str] = []
        _prose(doc.value, (), paths, texts)
        starts = list(itertools.accumulate((len(text) + 1 for text in texts[:-1]), initial=0))
        for match in ACRONYM.finditer("\n".join(texts)):
            found = match.group(1)
            if found not in reported:
                reported.add(found)
                path = paths[bisect.bisect_right(starts, match.start()) - 1]
                yield ctx.problem(stem, path, _message(found), "acronym-not-in-glossary", Level.WARNING)
    for page in _prose_pages(ctx.data_dir):
        text = page.read_text(encoding="utf-8", errors="replace")
        for match in ACRONYM.finditer(_blank_code(text)):
            found = match.group(1)
            if found not in reported:
                reported.add(found)
                line = text.count("\n", 0, match.start()) + 1
                col = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
                yield Problem(_shown(page), line, col, "", _message(found), Level.WARNING, "acronym-not-in-glossary")


def _message(acronym: str) -> str:
    return f"{acronym!r} looks like an acronym but is not in glossary.yaml; add it with its meaning (`- term: {acronym}` and `meaning: …`) so readers can look it up"


def _shown(path: Path) -> str:
    """As `validate.display_path` shows a data file: relative to the working folder where possible."""
    rel = os.path.relpath(path)
    return str(path) if rel.startswith("..") else rel
