"""Service pages: generated Markdown, written only when changed, stale pages removed, data escaped."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from handbook.data.validate import load_handbook
from handbook.presentation import escape
from handbook.site.pages import service_markdown, write_service_pages
from handbook.views import catalogue

# Any string a UTF-8 file can hold (no lone surrogates).
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)


def test_pages_are_written_once_and_stale_ones_removed(tmp_path, sample_handbook):
    docs = tmp_path / "docs"
    (docs / "services").mkdir(parents=True)
    (docs / "services" / "withdrawn-service.md").write_text("old", encoding="utf-8")
    first = write_service_pages(sample_handbook, docs)
    names = sorted(p.name for p in (docs / "services").glob("*.md"))
    assert names == sorted(f"{s.id}.md" for s in catalogue.public_services(sample_handbook))
    assert docs / "services" / "withdrawn-service.md" in first
    assert write_service_pages(sample_handbook, docs) == []


def test_internal_services_get_no_page(tmp_path, sample_handbook):
    write_service_pages(sample_handbook, tmp_path)
    internal = [s.id for s in sample_handbook.services.services if not s.is_public]
    assert internal and not any((tmp_path / "services" / f"{i}.md").exists() for i in internal)


def test_data_text_is_escaped_and_never_evaluated(data_copy):
    services = data_copy / "services.yaml"
    text = services.read_text(encoding="utf-8")
    first = catalogue.public_services(load_handbook(data_copy))[0]
    text = text.replace(f"name: {first.name}\n", "name: Café <script>alert(1)</script> {{ 7 * 7 }}\n", 1)
    services.write_text(text, encoding="utf-8")
    handbook = load_handbook(data_copy)
    markdown = service_markdown(handbook, handbook.services_by_id[first.id])
    assert "<script>" not in markdown
    assert "{{ 7 * 7 }}" in markdown and "49" not in markdown.split("---")[1]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=ANY_TEXT, summary=ANY_TEXT)
def test_the_front_matter_mkdocs_reads_holds_any_name_and_summary(sample_handbook, name, summary):
    """A C1 control (U+0085) once made MkDocs drop the front matter, and read the title as Markdown."""
    service = catalogue.public_services(sample_handbook)[0].model_copy(update={"name": name, "summary": summary})
    body, meta = get_data(service_markdown(sample_handbook, service))
    assert meta["title"] == str(escape.html(name)) and meta["description"] == str(escape.html(summary))
    assert meta["template"] == "service.html"
    assert not body.startswith("---")


def test_terms_and_vat_on_a_service_page_are_the_shared_wording(sample_handbook):
    from handbook.presentation import wording

    for service in catalogue.public_services(sample_handbook):
        text = service_markdown(sample_handbook, service)
        for offer in service.offers:
            if offer.terms is not None:
                assert f"<dt>Contract year</dt><dd>{wording.CONTRACT_YEAR_LABELS[offer.terms.contract_year]}</dd>" in text
        standard = [c for o in service.offers for c in o.charges if c.vat.value == "standard"]
        assert (f", {wording.vat_label('standard')}<" in text or f", {wording.vat_label('standard')}</td>" in text) == bool(standard), service.id
