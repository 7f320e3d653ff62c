"""reuse: in a `make serve` process only, what a build made from one service, kept for the next
build while everything it was made from is the same, byte for byte.

Input: the validated `Handbook` a build is made from, one of its services, what else the output
reads (`extra`: the site's address, the templates' version, the services a page names), and the
function that makes the output. Output: the output, made again only when its key changed.

Why: `make serve` writes every generated page and download again after each edit (`prepare.
write_generated`), and at 1,000 services making them (service pages, the Open Referral file,
the calendars) was most of the wait between saving services.yaml and seeing the page, although
an edit changes one service or a few. Why only in serve (`keep_between_builds`, from
`adapter.on_startup`): a one-off build makes each output once, and the key holds the data, not
the engine's code (a test that swaps an escaping function would meet an output made before).

The key of an output: its kind and its service's id; then the service's own record (as JSON),
every data file but the services list itself (the authority, the contacts, the categories, the
glossary…: `_context`), and `extra`. So an edit of any other file makes every output again,
and an edit of one service makes only that service's outputs again (and, through `extra`, the
pages that name it). The caller names in `extra` whatever else its output reads.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable
from typing import TypeVar

from handbook.data.model import FILES, Handbook

T = TypeVar("T")

_keeping = False
# (kind, service id) -> (what it was made from, the output)
_kept: dict[tuple[str, str], tuple[tuple, object]] = {}
# The last handbook's digests: (handbook, its context digest, service object id -> digest).
_last: list = [None, "", {}]


def keep_between_builds() -> None:
    """Called once by a serving process (`handbook.site.adapter.on_startup`)."""
    global _keeping
    _keeping = True


def keeping() -> bool:
    return _keeping


def _digest(*texts: str) -> str:
    digest = hashlib.blake2b(digest_size=20)
    for text in texts:
        digest.update(b"\0" + text.encode("utf-8"))
    return digest.hexdigest()


def _for(handbook: Handbook) -> list:
    if _last[0] is not handbook:
        files = [getattr(handbook, stem) for stem in FILES if stem != "services"]
        context = _digest(*(f.model_dump_json() for f in files), handbook.services.model_dump_json(exclude={"services"}))
        _last[:] = [handbook, context, {}]
    return _last


def record_digest(handbook: Handbook, service) -> str:
    """The digest of one service's record as validated (computed once per handbook)."""
    last = _for(handbook)
    known = last[2].get(id(service))
    if known is None or known[0] is not service:
        known = last[2][id(service)] = (service, _digest(service.model_dump_json()))
    return known[1]


def made(kind: str, handbook: Handbook, service, make: Callable[[], T], *extra: Hashable) -> T:
    """`make()`, or in serve the output kept from a build whose key was the same (see the module).

    `kind` names one output of one service, unique across the callers (a file's path): two
    outputs under one kind would be handed each other's text."""
    if not _keeping:
        return make()
    made_from = (record_digest(handbook, service), _for(handbook)[1], extra)
    known = _kept.get((kind, service.id))
    if known is None or known[0] != made_from:
        known = _kept[(kind, service.id)] = (made_from, make())
    return known[1]  # type: ignore[return-value]


def forget(kind: str, kept_ids: set[str]) -> None:
    """Drops the outputs of `kind` of services not in `kept_ids` (gone, or no longer public)."""
    for key in [k for k in _kept if k[0] == kind and k[1] not in kept_ids]:
        del _kept[key]
