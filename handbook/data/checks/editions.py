"""The previous edition the data names exists, so 'What has changed' can be built.

A warning, not an error: copies of one edition's files (a git ref read for `handbook diff`, the
scratch copy `handbook new` validates) legitimately lack the archive beside them. The site build
still stops with a clear message if the folder is missing when it needs it.
"""

from __future__ import annotations

from collections.abc import Iterator

from handbook.core.errors import Level, Problem
from handbook.data.checks import Context
from handbook.data.messages import shown


def check(ctx: Context) -> Iterator[Problem]:
    if not ctx.has("authority") or ctx.data_dir is None:
        return
    edition = ctx.models["authority"].edition
    previous = edition.previous
    if previous is None:
        return
    folder = ctx.data_dir / previous
    if not (folder / "authority.yaml").is_file():
        yield ctx.problem("authority", ("edition", "previous"), f"there is no previous edition's data in {shown(previous)} (looked for authority.yaml in that folder, inside the data folder); correct the folder name or remove `previous`", "missing-previous", Level.WARNING)
    elif (folder.resolve() == ctx.data_dir.resolve()):
        yield ctx.problem("authority", ("edition", "previous"), "the previous edition cannot be this edition's own folder", "missing-previous", Level.WARNING)
