"""What each kind of school receives: free services and purchases, by the one kind-of-school rule."""

from __future__ import annotations

from handbook.data.model.services import Provision
from handbook.data.model.types import PAYS_AS, Setting, kinds_covered
from handbook.views import catalogue, schools


def test_every_required_kind_has_a_page_and_another_only_when_something_is_for_it(sample_handbook):
    kinds = [k.kind for k in schools.school_kinds(sample_handbook)]
    assert kinds == schools.kinds_with_pages(sample_handbook)  # the nav's list (`pages.school_page_paths`)
    assert set(schools.ALWAYS) <= set(kinds)
    assert kinds == [k for k in Setting if k in kinds]
    public = catalogue.public_services(sample_handbook)
    for kind in set(Setting) - set(schools.ALWAYS):
        reached = any(kind in kinds_covered(s.audience.settings) or any(kind in c.kinds for o in s.offers for c in o.charges) for s in public)
        assert (kind in kinds) == reached


def test_free_services_are_the_statutory_and_mixed_ones_for_that_kind(sample_handbook):
    public = catalogue.public_services(sample_handbook)
    for page in schools.school_kinds(sample_handbook):
        expected = [s.id for s in public if s.provision is not Provision.TRADED and page.kind in kinds_covered(s.audience.settings)]
        assert [s.id for s in page.free] == expected
    mixed = [s for s in public if s.provision is Provision.MIXED]
    assert mixed and any(s in page.free for page in schools.school_kinds(sample_handbook) for s in mixed)


def test_purchases_hold_exactly_the_prices_for_that_kind(sample_handbook):
    public = catalogue.public_services(sample_handbook)
    for page in schools.school_kinds(sample_handbook):
        listed = {(p.service.id, o.offer.id, id(c)) for p in page.purchases for o in p.offers for c in o.charges}
        expected = {(s.id, o.id, id(c)) for s in public for o in s.offers for c in o.charges if page.kind in c.kinds}
        assert listed == expected and listed, page.kind


def test_a_kind_that_pays_as_another_receives_and_may_buy_the_same(sample_handbook):
    """Free schools are academies in law: their page and the academies' list the same services."""
    for kind, like in PAYS_AS.items():
        one, other = schools.kind_of_school(sample_handbook, kind), schools.kind_of_school(sample_handbook, like)
        assert [s.id for s in one.free] == [s.id for s in other.free]
        assert [(p.service.id, [o.offer.id for o in p.offers]) for p in one.purchases] == [(p.service.id, [o.offer.id for o in p.offers]) for p in other.purchases]


def test_a_price_for_academies_only_is_offered_to_free_schools(sample_handbook):
    academy_only = [
        (s, o) for s in catalogue.public_services(sample_handbook) for o in s.offers
        if any(Setting.ACADEMY in c.settings and Setting.FREE_SCHOOL not in c.settings for c in o.charges)
    ]
    page = schools.kind_of_school(sample_handbook, Setting.FREE_SCHOOL)
    offered = {(p.service.id, o.offer.id) for p in page.purchases for o in p.offers}
    assert {(s.id, o.id) for s, o in academy_only} <= offered
