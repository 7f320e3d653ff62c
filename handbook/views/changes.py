"""views.changes: two validated editions -> what changed between them, as plain data.

Input: the older and the newer `Handbook`. Output: a `ChangeReport` (services added, withdrawn
and renamed; provision changes; every charge changed, with its percentage and whether the rise
is above the threshold; contacts and chairs changed). No wording: what a price is for is a
`ChargeIdentity` and a chair a `partnerships.Chair`; `render_text` and `render_markdown` (in
`handbook.presentation.changes`) turn the report into words for the CLI, the site page and the PDF.

The rule: the newer edition's outputs may contain only what the newer edition publishes. So the
report compares two *published projections*, never the raw records, and the older edition's
projection is further filtered by the newer edition's privacy:

- Each side is read through the published views (`catalogue.public_services`,
  `contacts.public_roles`/`entry_for`, `contacts.contact_points`, `partnerships.public_groups`),
  so anything internal in an edition was never published and never appears from that side (a
  service internal before and public now is simply "added").
- A record internal in the newer edition is absent from both sides: it is not "withdrawn", not
  "no longer listed", and no count hints at it (beside the named withdrawals, a count would let
  a reader of the old edition pick out which record is still kept internally).
- People are named only as the newer edition names them: a holder by `Role.public_name` (their
  consent), a chair as the partnerships page shows it. A former holder or former chair is never
  named, whatever the older edition printed: the newer edition holds no consent of theirs, and a
  person who has left cannot withdraw consent in data that no longer lists them. So a holder
  change says "now <name>", "now vacant" or "filled, holder not named"; a holder who stops being
  named (consent withdrawn, or a successor who has not consented) is not reported at all.
- Last, a net under the rules above (`handbook.views.withheld`): no text of the older side (a
  withdrawn service's name, an old title, e-mail, offer or price label) is reported if it
  contains, as words, a text the newer edition withholds (a value of one of its internal
  records, or a name given without consent, that none of its public records carries; a lone
  word only where it is the whole text). A coincidence drops one line of the report; a leak
  cannot be taken back.

It reads no files: `handbook.data.editions` loads the editions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from handbook.data.model import Handbook
from handbook.data.model.services import Band, Charge, Service
from handbook.data.model.units import Unit
from handbook.data.model.types import Phase, Setting
from handbook.views import catalogue, contacts, partnerships
from handbook.views.partnerships import Chair
from handbook.views.withheld import Withheld

ChargeKey = tuple[str | None, str, tuple[str, ...], tuple[int, int | None] | None, str | None, int]


@dataclass(frozen=True)
class ServiceRef:
    id: str
    name: str
    provision: str


@dataclass(frozen=True)
class Renamed:
    id: str
    old_name: str
    new_name: str


@dataclass(frozen=True)
class ProvisionChange:
    id: str
    name: str
    old: str
    new: str


@dataclass(frozen=True)
class ChargeIdentity:
    """What a price is for (`presentation.wording.describe_charge` words it): the charge's label,
    unit, kinds of school, band and phase; nothing else of the charge, so no other text of an
    older edition travels in the report."""

    label: str | None
    unit: Unit
    settings: tuple[Setting, ...]
    band: Band | None
    phase: Phase | None

    @classmethod
    def of(cls, charge: Charge) -> ChargeIdentity:
        return cls(charge.label, charge.unit, tuple(charge.settings), charge.band, charge.phase)


@dataclass(frozen=True)
class ChargeChange:
    """One charge in both editions (or only one: `old`/`new` is then `None` and `status` says so).

    `old_amount`/`new_amount` are `None` for "price on application".
    """

    service_id: str
    service_name: str
    offer_id: str
    offer_name: str
    charge: ChargeIdentity  # what the price is for
    status: str  # "changed", "added" or "removed"
    old_amount: Decimal | None = None
    new_amount: Decimal | None = None
    percent: float | None = None
    above_threshold: bool = False


@dataclass(frozen=True)
class ContactChange:
    """One change to a public role or contact point.

    For `title`, `email`, `phone` and `name`, `old`/`new` are the published values (`None`: not
    given, or the old value is withheld). For `holder`, `new` is the holder's public name,
    "vacant", or `None` when the post is filled by someone not named; `old` is only ever
    "vacant" or `None`, because a former holder is never named (see the module's rule).
    """

    id: str
    name: str  # the role's title (or contact point's name) in the newer edition
    field: str  # "title", "holder", "email", "phone", "name", or "added" / "removed"
    old: str | None
    new: str | None


@dataclass(frozen=True)
class ChairChange:
    """A public group whose chair changed: `new` as the partnerships page shows it; `old` only a
    vacancy or the chairing role's title (never its holder), else `None` (never a person)."""

    group_id: str
    group_name: str
    old: Chair | None
    new: Chair


@dataclass(frozen=True)
class ChangeReport:
    old_edition: str
    new_edition: str
    threshold: float
    services_added: list[ServiceRef] = field(default_factory=list)
    services_withdrawn: list[ServiceRef] = field(default_factory=list)
    services_renamed: list[Renamed] = field(default_factory=list)
    provision_changes: list[ProvisionChange] = field(default_factory=list)
    charges: list[ChargeChange] = field(default_factory=list)
    contacts: list[ContactChange] = field(default_factory=list)
    chairs: list[ChairChange] = field(default_factory=list)

    @property
    def charges_changed(self) -> list[ChargeChange]:
        return [c for c in self.charges if c.status == "changed"]

    @property
    def charges_added(self) -> list[ChargeChange]:
        return [c for c in self.charges if c.status == "added"]

    @property
    def charges_removed(self) -> list[ChargeChange]:
        return [c for c in self.charges if c.status == "removed"]

    @property
    def rises_above_threshold(self) -> list[ChargeChange]:
        return [c for c in self.charges if c.above_threshold]

    @property
    def is_empty(self) -> bool:
        return not any((self.services_added, self.services_withdrawn, self.services_renamed, self.provision_changes, self.charges, self.contacts, self.chairs))


def _charges_by_identity(charges: list[Charge]) -> dict[ChargeKey, Charge]:
    """Key each charge by what it is for; a repeated identity gets its occurrence number.

    Why not by position: officers reorder and insert charges; what a school pays for a given
    thing is what must be compared.
    """
    keyed: dict[ChargeKey, Charge] = {}
    seen: dict[tuple, int] = {}
    for c in charges:
        base = (c.label, c.unit.value, *_whom(c))
        seen[base] = seen.get(base, 0) + 1
        keyed[(*base, seen[base])] = c
    return keyed


def _whom(c: Charge) -> tuple:
    """Which schools a price is for: kinds of school by the one rule (so `[academy]` and
    `[academy, free-school]` are the same schools), band and phase."""
    return (tuple(sorted(k.value for k in c.kinds)), (c.band.pupils_from, c.band.pupils_to) if c.band else None, c.phase.value if c.phase else None)


def _pair_reworded(before: dict, after: dict) -> list[tuple]:
    """(old key, new key) pairs for a price whose wording changed but whose schools did not.

    Why: an officer who rewrites a label or puts a unit right (`per pupil` -> `per meal`) has not
    withdrawn one price and added another; a rise hidden by the rewording must still be reported.
    Only an unambiguous pair counts: one leftover on each side for the same schools.
    """
    gone = [k for k in before if k not in after]
    new = [k for k in after if k not in before]
    pairs = []
    for key in new:
        whom = _whom(after[key])
        olds = [k for k in gone if _whom(before[k]) == whom]
        if len(olds) == 1 and sum(_whom(after[k]) == whom for k in new) == 1:
            pairs.append((olds[0], key))
    return pairs


def _percent(old: Decimal | None, new: Decimal | None) -> float | None:
    if old is None or new is None or old == 0:
        return None
    return float((new - old) * 100 / old)


def _service_charges(old: Service, new: Service, threshold: float, withheld: Withheld) -> list[ChargeChange]:
    """Charges of a service published in both editions; a removed price whose label the newer
    edition withholds is left out (the label is the older side's only text in it: unit, kinds
    of school, band and phase are the handbook's fixed vocabulary and numbers)."""
    out: list[ChargeChange] = []
    old_offers = {o.id: o for o in old.offers}
    new_offer_ids = {o.id for o in new.offers}
    for offer in new.offers:
        before = _charges_by_identity(old_offers[offer.id].charges) if offer.id in old_offers else {}
        after = _charges_by_identity(offer.charges)
        reworded = _pair_reworded(before, after)
        was_for = {new_key: old_key for old_key, new_key in reworded}
        matched = {old_key for old_key, _ in reworded}
        for key, charge in after.items():
            common = dict(service_id=new.id, service_name=new.name, offer_id=offer.id, offer_name=offer.name, charge=ChargeIdentity.of(charge))
            if key not in before and key not in was_for:
                out.append(ChargeChange(**common, status="added", new_amount=charge.amount))
                continue
            was = before[was_for.get(key, key)]
            if (was.amount, was.price_on_application) == (charge.amount, charge.price_on_application):
                continue
            pct = _percent(was.amount, charge.amount)
            out.append(ChargeChange(**common, status="changed", old_amount=was.amount, new_amount=charge.amount, percent=pct, above_threshold=pct is not None and pct > threshold))
        for key, charge in before.items():
            if key not in after and key not in matched and not withheld.hides(charge.label):
                out.append(ChargeChange(new.id, new.name, offer.id, offer.name, ChargeIdentity.of(charge), "removed", old_amount=charge.amount))
    for offer in old.offers:  # offers withdrawn from a service that stays
        if offer.id not in new_offer_ids and not withheld.hides(offer.name):
            out += [ChargeChange(new.id, new.name, offer.id, offer.name, ChargeIdentity.of(c), "removed", old_amount=c.amount) for c in offer.charges if not withheld.hides(c.label)]
    return out


def _holder_change(was: contacts.DirectoryEntry, now: contacts.DirectoryEntry) -> tuple[str | None, str | None] | None:
    """(old, new) words for a changed holder as each edition published it, or `None`.

    The old side is only ever "vacant" or `None`: a former holder is never named. A holder who
    stops being named is no change to report (it would point at a withdrawn consent).
    """
    if (was.vacant, was.name) == (now.vacant, now.name):
        return None
    old = "vacant" if was.vacant else None
    if now.vacant:
        return old, "vacant"
    if now.name is not None:
        return old, now.name
    return (old, None) if was.vacant else None  # filled by someone not named


def _role_changes(old: Handbook, new: Handbook, withheld: Withheld) -> list[ContactChange]:
    out: list[ContactChange] = []
    before = {r.id: contacts.entry_for(old, r) for r in contacts.public_roles(old) if r.id not in withheld.ids["roles"]}
    after = {r.id: contacts.entry_for(new, r) for r in contacts.public_roles(new)}
    for rid, now in after.items():
        if rid not in before:
            out.append(ContactChange(rid, now.title, "added", None, now.title))
            continue
        was = before[rid]
        for fname in ("title", "email", "phone"):
            if getattr(was, fname) != getattr(now, fname):
                out.append(ContactChange(rid, now.title, fname, withheld.shown(getattr(was, fname)), getattr(now, fname)))
        holder = _holder_change(was, now)
        if holder is not None:
            out.append(ContactChange(rid, now.title, "holder", *holder))
    out += [ContactChange(rid, e.title, "removed", e.title, None) for rid, e in before.items() if rid not in after and not withheld.hides(e.title)]
    return out


def _point_changes(old: Handbook, new: Handbook, withheld: Withheld) -> list[ContactChange]:
    out: list[ContactChange] = []
    before = {p.id: p for p in contacts.contact_points(old) if p.id not in withheld.ids["points"]}
    after = {p.id: p for p in contacts.contact_points(new)}
    for pid, now in after.items():
        if pid not in before:
            out.append(ContactChange(pid, now.name, "added", None, now.name))
            continue
        for fname in ("name", "email", "phone"):
            was, value = getattr(before[pid], fname), getattr(now, fname)
            if was != value:
                out.append(ContactChange(pid, now.name, fname, withheld.shown(None if was is None else str(was)), None if value is None else str(value)))
    out += [ContactChange(pid, p.name, "removed", p.name, None) for pid, p in before.items() if pid not in after and not withheld.hides(p.name)]
    return out


def _chair_identity(group) -> tuple:
    chair = group.chair
    return ("vacant",) if chair.vacant else ("person", chair.person) if chair.person is not None else ("role", chair.role)


def _chair_changes(old: Handbook, new: Handbook, withheld: Withheld) -> list[ChairChange]:
    """Chairs of groups published in both editions, as the newer partnerships page shows them;
    the old chair is given only as a vacancy or a role's title (never a person's name)."""
    out = []
    before = {v.group.id: v.group for v in partnerships.public_groups(old)}
    for view in partnerships.public_groups(new):
        group = view.group
        if group.id not in before or _chair_identity(before[group.id]) == _chair_identity(group):
            continue
        was = before[group.id].chair
        old_role = catalogue.public_role(old, was.role) if was.role and was.role not in withheld.ids["roles"] else None
        old_title = withheld.shown(old_role.title) if old_role is not None else None
        old_chair = Chair(vacant=True) if was.vacant else Chair(role_title=old_title) if old_title is not None else None
        out.append(ChairChange(group.id, group.name, old_chair, view.chair))
    return out


def compare(old: Handbook, new: Handbook, threshold: float | None = None) -> ChangeReport:
    """What changed from `old` to `new`, as each published it and as `new` may show it; rises
    above `threshold` percent (default: the new edition's `pricing.rise_threshold_percent`) are
    flagged."""
    if threshold is None:
        threshold = new.authority.pricing.rise_threshold_percent
    withheld = Withheld(old, new)
    before = {s.id: s for s in catalogue.public_services(old) if s.id not in withheld.ids["services"]}
    after = {s.id: s for s in catalogue.public_services(new)}
    report = ChangeReport(old.authority.edition.id, new.authority.edition.id, threshold)
    for sid, service in after.items():
        if sid not in before:
            report.services_added.append(ServiceRef(sid, service.name, service.provision.value))
            continue
        was = before[sid]
        if was.name != service.name and not withheld.hides(was.name):
            report.services_renamed.append(Renamed(sid, was.name, service.name))
        if was.provision is not service.provision:
            report.provision_changes.append(ProvisionChange(sid, service.name, was.provision.value, service.provision.value))
        report.charges.extend(_service_charges(was, service, threshold, withheld))
    report.services_withdrawn.extend(ServiceRef(sid, s.name, s.provision.value) for sid, s in before.items() if sid not in after and not withheld.hides(s.name))
    report.contacts.extend(_role_changes(old, new, withheld) + _point_changes(old, new, withheld))
    report.chairs.extend(_chair_changes(old, new, withheld))
    return report


__all__ = ["ChangeReport", "ChargeIdentity", "compare"]
