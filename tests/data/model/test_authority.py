import pytest
from pydantic import ValidationError

from handbook.data.validate import validate
from tests.cases import MINIMAL


def _authority(**changes):
    from handbook.data.load import load_file
    from handbook.data.model.authority import AuthorityFile

    doc, _ = load_file(MINIMAL / "authority.yaml")
    value = doc.value
    for dotted, new in changes.items():
        target = value
        *parents, last = dotted.split(".")
        for key in parents:
            target = target[key]
        target[last] = new
    return AuthorityFile.model_validate(value)


def test_edition_and_academic_year_must_agree():
    with pytest.raises(ValidationError, match="edition-years"):
        _authority(**{"edition.covers.academic_year": "2025/26"})


def test_brand_colours_are_hex():
    with pytest.raises(ValidationError):
        _authority(**{"branding.accent_colour": "orange"})


def test_minimal_authority_is_valid():
    assert validate(MINIMAL).handbook.authority.edition.id == "2026-27"


def test_the_council_website_on_http_must_say_why():
    with pytest.raises(ValidationError, match="http-needs-reason:website"):
        _authority(**{"authority.website": "http://www.westmarch.example/"})
    assert _authority(**{"authority.website": "http://www.westmarch.example/", "authority.http_reason": "the council's site has no https yet"}).authority.http_reason


@pytest.mark.parametrize("path", ["../secret.svg", "/etc/logo.svg", "assets/../../../usr/share/logo.png", "assets/.hidden.svg", "assets//logo.svg"])
def test_the_logo_is_a_path_inside_docs(path):
    with pytest.raises(ValidationError):
        _authority(**{"branding.logo": path})
    assert _authority(**{"branding.logo": "assets/brand.v2/logo-dark_1.png"}).branding.logo == "assets/brand.v2/logo-dark_1.png"


STATEMENT = {
    "status": "partial",
    "contact": "schools-contact-centre",
    "reply_within_days": 10,
    "prepared": "2026-08-20",
    "last_reviewed": "2026-08-20",
    "last_tested": "2026-08-18",
    "tested_by": "the digital team",
    "known_issues": [{"content": "The PDF edition", "problem": "It does not reflow.", "criteria": ["1.4.10"], "reason": "non-compliance"}],
}


def test_the_accessibility_statement_is_optional_and_read_when_given():
    assert _authority().accessibility is None
    facts = _authority(accessibility=STATEMENT).accessibility
    assert facts.status.value == "partial" and facts.known_issues[0].criteria == ["1.4.10"]


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"last_reviewed": "2026-08-01"}, "accessibility-review-order"),
        ({"status": "full"}, "accessibility-full-with-issues"),
        ({"known_issues": []}, "accessibility-issues-missing"),
    ],
)
def test_the_statement_s_facts_must_agree(changes, code):
    with pytest.raises(ValidationError, match=code):
        _authority(accessibility=STATEMENT | changes)


def test_a_fully_compliant_site_may_list_only_content_out_of_scope():
    out_of_scope = [{"content": "Other sites", "problem": "Not ours.", "reason": "out-of-scope"}]
    assert _authority(accessibility=STATEMENT | {"status": "full", "known_issues": out_of_scope}).accessibility.status.value == "full"


@pytest.mark.parametrize("criterion", ["1.4", "5.1.1", "1.4.10.2", "SC 1.4.10"])
def test_a_criterion_is_written_as_its_number(criterion):
    issue = STATEMENT["known_issues"][0] | {"criteria": [criterion]}
    with pytest.raises(ValidationError):
        _authority(accessibility=STATEMENT | {"known_issues": [issue]})
