"""Data releases to schools, newsletters and channels: what arrives, when, and through what.

Input: a validated `Handbook`. Output: plain records. No I/O, no formatting. Internal releases
and internal owner roles are left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from handbook.data.model import Handbook
from handbook.data.model.publications import Channel, DataRelease, Month, Newsletter
from handbook.data.model.types import Visibility
from handbook.views.catalogue import public_role
from handbook.views.contacts import DirectoryEntry, entry_for

# The school year's order, September first: the order a school plans in.
SCHOOL_YEAR = [Month(m) for m in ("September", "October", "November", "December", "January", "February", "March", "April", "May", "June", "July", "August")]


@dataclass(frozen=True)
class ReleaseView:
    release: DataRelease
    owner: DirectoryEntry | None


@dataclass(frozen=True)
class MonthReleases:
    month: Month
    releases: list[ReleaseView]


@dataclass(frozen=True)
class NewsletterView:
    newsletter: Newsletter
    channel: Channel | None
    owner: DirectoryEntry | None


def _owner(handbook: Handbook, role_id: str) -> DirectoryEntry | None:
    role = public_role(handbook, role_id)
    return entry_for(handbook, role) if role else None


def data_releases(handbook: Handbook) -> list[ReleaseView]:
    return [ReleaseView(r, _owner(handbook, r.owner)) for r in handbook.publications.data_releases if r.visibility is Visibility.PUBLIC]


def release_schedule(handbook: Handbook) -> list[MonthReleases]:
    """The school year month by month (September first), with the releases due; empty months left out."""
    releases = data_releases(handbook)
    months = [MonthReleases(m, [r for r in releases if m in r.release.months]) for m in SCHOOL_YEAR]
    return [m for m in months if m.releases]


def channels(handbook: Handbook) -> list[Channel]:
    return list(handbook.publications.channels)


def newsletters(handbook: Handbook) -> list[NewsletterView]:
    by_id = {c.id: c for c in handbook.publications.channels}
    return [NewsletterView(n, by_id.get(n.channel), _owner(handbook, n.owner)) for n in handbook.publications.newsletters]
