"""The organisation chart: an inline SVG of the public structure, with an accessible name."""

from __future__ import annotations

from handbook.data.model.types import Visibility
from handbook.presentation.chart import dot_source, org_chart_svg
from handbook.views.structure import structure_tree


def test_chart_is_inline_svg_named_by_its_caption(sample_handbook):
    svg = org_chart_svg(sample_handbook)
    assert svg.startswith("<svg ") and 'role="img"' in svg and 'aria-labelledby="org-chart-caption"' in svg
    assert "<?xml" not in svg and "<!--" not in svg and "\n\n" not in svg


def test_chart_shows_every_public_unit_and_no_internal_one(sample_handbook):
    source = dot_source(structure_tree(sample_handbook))
    for unit in sample_handbook.structure.units:
        assert (f'"{unit.id}" [' in source) == (unit.visibility is Visibility.PUBLIC)


def test_the_drawing_is_kept_in_the_cache_and_read_back(sample_handbook, handbook_cache):
    from handbook.presentation.chart import render_svg

    source = dot_source(structure_tree(sample_handbook))
    first = render_svg.__wrapped__(source)  # past the in-process memo
    charts = list((handbook_cache / "charts").glob("*.svg"))
    assert charts, "the drawing was not cached"
    assert render_svg.__wrapped__(source) == first
