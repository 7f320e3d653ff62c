"""How charging reads: prices on application with whom to ask, a mixed service's free core, payers, counts, kinds."""

from __future__ import annotations

from types import SimpleNamespace

from handbook.data.model.services import Payer, Provision, StatutoryBasis
from handbook.data.model.types import PAYS_AS, Setting, kinds_covered
from handbook.data.model.units import parse_unit
from handbook.presentation import charging, wording


def test_a_price_on_application_names_whom_to_ask_and_never_reads_as_a_price():
    role = SimpleNamespace(title="Schools HR Adviser", email="hr@westmarch.example", phone=None)
    assert charging.on_application_advice(role) == "Price on application: ask the Schools HR Adviser (hr@westmarch.example) for a quote."
    assert charging.on_application_advice(role, every=False).startswith("Where a price is on application, ask the Schools HR Adviser")
    assert charging.on_application_unit(parse_unit("per school per year")) == "quoted per school per year"
    assert charging.on_application_unit(parse_unit("flat fee")) == "quoted as a flat fee"
    assert wording.money(None, True) == charging.ON_APPLICATION


def test_a_mixed_service_says_its_statutory_core_is_free_and_names_the_law():
    bases = [StatutoryBasis(act="Education Act 1996", section="s.19"), StatutoryBasis(act="Children Act 2004")]
    assert charging.mixed_explanation(bases) == (
        "Its statutory core (Education Act 1996, s.19; Children Act 2004) is provided without charge; the offers below are charged."
    )


def test_payers_read_as_words_and_the_school_paying_needs_none():
    assert charging.payer_note(Payer.DE_DELEGATED) == "De-delegated from maintained schools' budgets"
    assert charging.payer_note("trust", start=False) == "paid by the trust"
    assert charging.payer_note(Payer.SCHOOL) == ""
    assert all(value not in charging.payer_note(p) for p in Payer for value in ("de-delegated ", "authority"))


def test_counts_say_that_mixed_services_count_under_both():
    assert charging.provision_count(Provision.STATUTORY, 28, 9) == ("28 statutory services", "the council must provide them; 9 of them are statutory and traded")
    assert charging.provision_count(Provision.TRADED, 1, 1)[1].endswith("1 of them is statutory and traded")
    text, note = charging.provision_count(Provision.MIXED, 9, 9)
    assert text == "9 statutory and traded services" and "under statutory and under traded" in note


def test_kinds_follow_the_one_rule_and_each_kind_has_a_title():
    assert charging.covered_kinds(["academy"]) == sorted(kinds_covered([Setting.ACADEMY]), key=list(Setting).index)
    assert wording.kinds_labels(["academy"]) == "Academies and free schools"
    assert set(charging.SCHOOL_KIND_TITLES) == set(Setting) == set(charging.SCHOOL_KIND_NOUNS)
    for kind, like in PAYS_AS.items():
        assert charging.SCHOOL_KIND_NOUNS[like][1] in charging.school_kind_rule(kind)
        assert charging.SCHOOL_KIND_NOUNS[kind][1] in charging.school_kind_rule(like)
    assert charging.school_kind_rule(Setting.MAINTAINED) == ""
