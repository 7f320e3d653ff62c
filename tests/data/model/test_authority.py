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
