"""rollover: the current edition's data -> archived, and the data moved on to the next edition.

Input: the data folder, the new edition's id (`2027-28`) and, optionally, its publication date.
Output: a `Rollover` saying what was archived and every value changed, after the files are
written: `archive/<old id>/` holds the current edition's files as they were (its `previous`
pointing at its neighbour, `../2025-26`); `authority.yaml` gets the new id, number, publication
date, years and `previous: archive/<old id>`; a charge whose validity starts in the old
edition's year (from 1 April of its first year, for twelve months) starts the same day in the
new one, its end moved with it; a buy-back window that opened in the year before the old
edition was published moves the same way. Dates outside those spans were set by an officer for
another year and stay (the result lists them).

It refuses, changing nothing, when the data does not validate, the archive folder exists, or
git shows uncommitted changes to the data folder (`git status`): the archive must be exactly
the edition that was published. Everything is done and validated on a copy first; only a
valid result is written, and only by targeted edits (`handbook.data.edits`).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from handbook.core.errors import HandbookUserError
from handbook.data.edits import Edit, apply_edits
from handbook.data.gitsource import git
from handbook.data.model import Handbook
from handbook.data.report import render
from handbook.data.validate import display_path, load_handbook, validate

_EDITION_ID = re.compile(r"(\d{4})-(\d{2})")
_SCHEMA_LINE = re.compile(r"^(# yaml-language-server: \$schema=)(\.\./)")


@dataclass(frozen=True)
class Change:
    file: str  # as shown to the officer: data/authority.yaml
    path: str  # edition.id, services[3].offers[0].charges[1].valid_from
    old: str
    new: str


@dataclass
class Rollover:
    old_id: str
    new_id: str
    archive: str  # the archive folder, as shown
    archived_files: list[str]
    changes: list[Change] = field(default_factory=list)
    kept: list[Change] = field(default_factory=list)  # dates of another year, left as they were (old == new)
    warnings: int = 0


def _start_year(edition_id: str, what: str) -> int:
    match = _EDITION_ID.fullmatch(edition_id)
    if not match or (int(match[1]) + 1) % 100 != int(match[2]):
        raise HandbookUserError(f"{what} should be an edition id such as 2027-28 (a year and the next year's last two digits), not {edition_id!r}", status=2)
    return int(match[1])


def _moved(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _years(covers: str, years: int) -> str:
    first = int(covers[:4]) + years
    return f"{first}/{(first + 1) % 100:02d}"


def uncommitted(data_dir: Path) -> list[str] | None:
    """Files under `data_dir` that git shows as changed or new; None when it is not in a git working copy."""
    inside = git("rev-parse", "--is-inside-work-tree", cwd=data_dir)
    if inside.returncode != 0:
        return None
    status = git("status", "--porcelain", "--untracked-files=all", "--", ".", cwd=data_dir)
    return [line[3:] for line in status.stdout.decode("utf-8", "replace").splitlines() if line.strip()]


def _authority_edits(handbook: Handbook, new_id: str, years: int, published: dt.date | None) -> list[tuple[Edit, str]]:
    edition = handbook.authority.edition
    old_published = edition.published
    new_published = published or _moved(old_published, years)
    values = [
        (("edition", "id"), edition.id, new_id),
        (("edition", "number"), str(edition.number), str(edition.number + years)),
        (("edition", "published"), old_published.isoformat(), new_published.isoformat()),
        (("edition", "covers", "academic_year"), edition.covers.academic_year, _years(edition.covers.academic_year, years)),
        (("edition", "covers", "financial_year"), edition.covers.financial_year, _years(edition.covers.financial_year, years)),
    ]
    out = [(Edit(path, new), old) for path, old, new in values]
    previous = f"archive/{edition.id}"
    out.append((Edit(("edition", "previous"), previous, add=edition.previous is None), edition.previous or ""))
    return out


def _service_edits(handbook: Handbook, old_start: int, years: int) -> tuple[list[tuple[Edit, str]], list[tuple[tuple, str]]]:
    """(edits with the old value, dates kept) for charges and buy-back windows."""
    year_from, year_to = dt.date(old_start, 4, 1), dt.date(old_start + 1, 4, 1)
    published = handbook.authority.edition.published
    window_from = _moved(published, -1)
    edits, kept = [], []
    for s, service in enumerate(handbook.services.services):
        for o, offer in enumerate(service.offers):
            at = ("services", s, "offers", o)
            window = offer.terms.buy_back_window if offer.terms else None
            if window is not None:
                if window_from <= window.opens <= published:
                    for name in ("opens", "closes"):
                        day = getattr(window, name)
                        edits.append((Edit((*at, "terms", "buy_back_window", name), _moved(day, years).isoformat()), day.isoformat()))
                else:
                    kept.append(((*at, "terms", "buy_back_window", "opens"), window.opens.isoformat()))
            for c, charge in enumerate(offer.charges):
                path = (*at, "charges", c)
                if year_from <= charge.valid_from < year_to:
                    edits.append((Edit((*path, "valid_from"), _moved(charge.valid_from, years).isoformat()), charge.valid_from.isoformat()))
                    if charge.valid_to is not None:
                        edits.append((Edit((*path, "valid_to"), _moved(charge.valid_to, years).isoformat()), charge.valid_to.isoformat()))
                else:
                    kept.append(((*path, "valid_from"), charge.valid_from.isoformat()))
    return edits, kept


def _archived(data_dir: Path) -> dict[str, str]:
    """The edition's files as the archive keeps them: its `previous` and schema path made relative."""
    texts = {}
    for path in sorted(data_dir.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        # The archive is two folders deeper: its editors find the schema at ../../../schema/.
        text = _SCHEMA_LINE.sub(lambda m: m[1] + "../../../", text, count=1)
        if path.name == "authority.yaml":
            handbook_previous = re.search(r"^(\s+previous:\s*)archive/", text, re.M)
            if handbook_previous:
                text = text[: handbook_previous.start()] + handbook_previous[1] + "../" + text[handbook_previous.end():]
        texts[path.name] = text
    return texts


@dataclass
class _Plan:
    archive: dict[str, str]  # file name -> text, for archive/<old id>/
    files: dict[str, str]  # file name -> new text, for the data folder
    result: Rollover


def _plan(data_dir: Path, new_id: str, published: dt.date | None, handbook: Handbook) -> _Plan:
    """Every text to write, worked out once (the trial and the real write use the same texts)."""
    from handbook.data.load import format_path

    old_id = handbook.authority.edition.id
    old_start, new_start = _start_year(old_id, "the current edition's id"), _start_year(new_id, "the new edition's id")
    years = new_start - old_start
    if years <= 0:
        raise HandbookUserError(f"the new edition {new_id!r} must come after the current one, {old_id!r}", status=2)
    archive = _archived(data_dir)
    result = Rollover(old_id, new_id, display_path(data_dir / "archive" / old_id), sorted(archive))
    service_edits, kept = _service_edits(handbook, old_start, years)
    files = {}
    for stem, edits in (("authority", _authority_edits(handbook, new_id, years, published)), ("services", service_edits)):
        path = data_dir / f"{stem}.yaml"
        files[path.name] = apply_edits(path.read_text(encoding="utf-8"), [e for e, _ in edits])
        result.changes += [Change(display_path(path), format_path(e.path), old, e.text) for e, old in edits]
    result.kept = [Change(display_path(data_dir / "services.yaml"), format_path(p), day, day) for p, day in kept]
    return _Plan(archive, files, result)


def _write(data_dir: Path, plan: _Plan) -> None:
    archive = data_dir / "archive" / plan.result.old_id
    archive.mkdir(parents=True)
    for name, text in plan.archive.items():
        (archive / name).write_text(text, encoding="utf-8")
    for name, text in plan.files.items():
        (data_dir / name).write_text(text, encoding="utf-8")


def start_edition(data_dir: Path | str, new_id: str, published: dt.date | None = None, today: dt.date | None = None) -> Rollover:
    """Archive the current edition and move the data on to `new_id`; what changed (see the module).

    Raises `HandbookUserError` (nothing written) when the data has errors, the archive exists,
    the data folder has uncommitted changes, or the result would not validate.
    """
    data_dir = Path(data_dir)
    handbook = load_handbook(data_dir, today)
    old_id = handbook.authority.edition.id
    _start_year(new_id, "the new edition's id")
    archive = data_dir / "archive" / old_id
    if archive.exists():
        raise HandbookUserError(f"{display_path(archive)} already exists: the edition {old_id} has been archived before, so this edition was started already; nothing was changed", status=1)
    changed = uncommitted(data_dir)
    if changed:
        listed = ", ".join(changed[:5]) + (f" and {len(changed) - 5} more" if len(changed) > 5 else "")
        raise HandbookUserError(f"the data folder has changes git has not committed ({listed}); commit them (or undo them) first, so the archive is the edition as published; nothing was changed", status=1)
    plan = _plan(data_dir, new_id, published, handbook)
    with tempfile.TemporaryDirectory(prefix="handbook-edition-") as temp:
        trial = Path(temp) / "data"
        shutil.copytree(data_dir, trial)
        _write(trial, plan)
        checked = validate(trial, today)
        if not checked.ok:
            problems = render(checked.errors).replace(display_path(trial), display_path(data_dir))
            raise HandbookUserError(f"the new edition would not be valid, so nothing was changed:\n{problems}", status=1)
    _write(data_dir, plan)
    plan.result.warnings = len(checked.problems)  # the same texts: only warnings, since it validated
    return plan.result
