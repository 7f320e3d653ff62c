"""views.changes: two validated editions -> what changed between them, as plain data.

Input: the older and the newer `Handbook`. Output: a `ChangeReport` (services added, withdrawn
and renamed; provision changes; every charge changed, with its percentage and whether the rise
is above the threshold; contacts and chairs changed). `render_text` and `render_markdown` (in
`handbook.views.changes_render`) turn it into words for the CLI, the site page and the PDF.

It must never report an internal record: a service, contact or group that is internal in an
edition counts as absent from that edition. It reads no files: `handbook.diff` loads the
editions (`edition_changes` compares the current one with the previous one its data names).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from handbook.model import Handbook
from handbook.model.services import Charge, Service
from handbook.model.types import PHASE_LABELS, SETTING_LABELS, Visibility

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
class ChargeChange:
    """One charge in both editions (or only one: `old`/`new` is then `None` and `status` says so).

    `old_amount`/`new_amount` are `None` for "price on application".
    """

    service_id: str
    service_name: str
    offer_id: str
    offer_name: str
    charge: str  # what the price is for, in words: label, unit, settings, band, phase
    status: str  # "changed", "added" or "removed"
    old_amount: Decimal | None = None
    new_amount: Decimal | None = None
    percent: float | None = None
    above_threshold: bool = False


@dataclass(frozen=True)
class ContactChange:
    id: str
    name: str  # the role's title (or contact point's name) in the newer edition
    field: str  # "title", "holder", "email", "phone", "name", or "added" / "removed"
    old: str | None
    new: str | None


@dataclass(frozen=True)
class ChairChange:
    group_id: str
    group_name: str
    old: str
    new: str


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


def _public_services(handbook: Handbook) -> dict[str, Service]:
    return {s.id: s for s in handbook.services.services if s.visibility is Visibility.PUBLIC}


def describe_charge(charge: Charge) -> str:
    """What a price is for, in words: `Additional visit, per day, academies, 211 pupils and over`."""
    parts = [charge.label] if charge.label else []
    parts.append(charge.unit.value)
    parts.append(", ".join(SETTING_LABELS[s].lower() for s in charge.settings))
    if charge.band is not None:
        band = charge.band
        parts.append(f"{band.pupils_from} pupils and over" if band.pupils_to is None else f"{band.pupils_from} to {band.pupils_to} pupils")
    if charge.phase is not None:
        parts.append(PHASE_LABELS[charge.phase].lower())
    return ", ".join(parts)


def _charges_by_identity(charges: list[Charge]) -> dict[ChargeKey, Charge]:
    """Key each charge by what it is for; a repeated identity gets its occurrence number.

    Why not by position: officers reorder and insert charges; what a school pays for a given
    thing is what must be compared.
    """
    keyed: dict[ChargeKey, Charge] = {}
    seen: dict[tuple, int] = {}
    for c in charges:
        base = (c.label, c.unit.value, tuple(sorted(s.value for s in c.settings)), (c.band.pupils_from, c.band.pupils_to) if c.band else None, c.phase.value if c.phase else None)
        seen[base] = seen.get(base, 0) + 1
        keyed[(*base, seen[base])] = c
    return keyed


def _percent(old: Decimal | None, new: Decimal | None) -> float | None:
    if old is None or new is None or old == 0:
        return None
    return float((new - old) * 100 / old)


def _service_charges(old: Service, new: Service, threshold: float) -> list[ChargeChange]:
    out: list[ChargeChange] = []
    old_offers = {o.id: o for o in old.offers}
    new_offer_ids = {o.id for o in new.offers}
    for offer in new.offers:
        before = _charges_by_identity(old_offers[offer.id].charges) if offer.id in old_offers else {}
        after = _charges_by_identity(offer.charges)
        for key, charge in after.items():
            common = dict(service_id=new.id, service_name=new.name, offer_id=offer.id, offer_name=offer.name, charge=describe_charge(charge))
            if key not in before:
                out.append(ChargeChange(**common, status="added", new_amount=charge.amount))
                continue
            was = before[key]
            if (was.amount, was.price_on_application) == (charge.amount, charge.price_on_application):
                continue
            pct = _percent(was.amount, charge.amount)
            out.append(ChargeChange(**common, status="changed", old_amount=was.amount, new_amount=charge.amount, percent=pct, above_threshold=pct is not None and pct > threshold))
        for key, charge in before.items():
            if key not in after:
                out.append(ChargeChange(new.id, new.name, offer.id, offer.name, describe_charge(charge), "removed", old_amount=charge.amount))
    for offer in old.offers:  # offers withdrawn from a service that stays
        if offer.id not in new_offer_ids:
            out += [ChargeChange(new.id, new.name, offer.id, offer.name, describe_charge(c), "removed", old_amount=c.amount) for c in offer.charges]
    return out


def _holder(role) -> str:
    """The holder as the public may see it: a name only with consent."""
    if role.vacant:
        return "vacant"
    return role.public_name or "not named"


def _contact_changes(old: Handbook, new: Handbook) -> list[ContactChange]:
    out: list[ContactChange] = []
    fields = {"title": lambda r: r.title, "holder": _holder, "email": lambda r: r.email, "phone": lambda r: r.phone}
    point_fields = {"name": lambda p: p.name, "email": lambda p: p.email, "phone": lambda p: p.phone}
    for records, getters, label in ((lambda h: h.contacts.roles, fields, "title"), (lambda h: h.contacts.contact_points, point_fields, "name")):
        before = {r.id: r for r in records(old) if r.visibility is Visibility.PUBLIC}
        after = {r.id: r for r in records(new) if r.visibility is Visibility.PUBLIC}
        for rid, record in after.items():
            name = getattr(record, label)
            if rid not in before:
                out.append(ContactChange(rid, name, "added", None, name))
                continue
            for fname, get in getters.items():
                was, now = get(before[rid]), get(record)
                if was != now:
                    out.append(ContactChange(rid, name, fname, None if was is None else str(was), None if now is None else str(now)))
        out += [ContactChange(rid, getattr(r, label), "removed", getattr(r, label), None) for rid, r in before.items() if rid not in after]
    return out


def _chair(handbook: Handbook, group) -> tuple[tuple, str]:
    """(identity, words) for a group's chair; an internal role is never named."""
    chair = group.chair
    if chair.vacant:
        return ("vacant",), "vacant"
    if chair.person is not None:
        return ("person", chair.person), chair.person
    role = handbook.roles_by_id.get(chair.role)
    public = role is not None and role.visibility is Visibility.PUBLIC
    return ("role", chair.role), (role.title if public else "a council officer")


def _chair_changes(old: Handbook, new: Handbook) -> list[ChairChange]:
    out = []
    before = {g.id: g for g in old.partnerships.groups if g.visibility is Visibility.PUBLIC}
    for group in new.partnerships.groups:
        if group.visibility is not Visibility.PUBLIC or group.id not in before:
            continue
        (was_id, was), (now_id, now) = _chair(old, before[group.id]), _chair(new, group)
        if was_id != now_id:
            out.append(ChairChange(group.id, group.name, was, now))
    return out


def compare(old: Handbook, new: Handbook, threshold: float | None = None) -> ChangeReport:
    """What changed from `old` to `new`; rises above `threshold` percent (default: the new
    edition's `pricing.rise_threshold_percent`) are flagged."""
    if threshold is None:
        threshold = new.authority.pricing.rise_threshold_percent
    before, after = _public_services(old), _public_services(new)
    report = ChangeReport(old.authority.edition.id, new.authority.edition.id, threshold)
    for sid, service in after.items():
        if sid not in before:
            report.services_added.append(ServiceRef(sid, service.name, service.provision.value))
            continue
        was = before[sid]
        if was.name != service.name:
            report.services_renamed.append(Renamed(sid, was.name, service.name))
        if was.provision is not service.provision:
            report.provision_changes.append(ProvisionChange(sid, service.name, was.provision.value, service.provision.value))
        report.charges.extend(_service_charges(was, service, threshold))
    report.services_withdrawn.extend(ServiceRef(sid, s.name, s.provision.value) for sid, s in before.items() if sid not in after)
    report.contacts.extend(_contact_changes(old, new))
    report.chairs.extend(_chair_changes(old, new))
    return report


# Rendering lives in its own module to keep this one about the comparison; re-exported so
# callers have one place to import the report and its words from.
from handbook.views.changes_render import render_markdown, render_text  # noqa: E402

__all__ = ["ChangeReport", "compare", "describe_charge", "render_markdown", "render_text"]
