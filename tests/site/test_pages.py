"""Service pages: generated Markdown, written only when changed, stale pages removed, data escaped."""

from __future__ import annotations

from handbook.site.pages import service_markdown, write_service_pages
from handbook.validate import load_handbook
from handbook.views import catalogue


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
