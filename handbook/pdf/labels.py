"""labels: the PDF templates' filters: the shared wording, plus officers' Markdown as safe HTML."""

from __future__ import annotations

from markupsafe import Markup

from handbook.presentation import wording as filters
from handbook.presentation.markdown import to_html, to_inline_html


def markdown(text: str | None) -> Markup:
    """An officer's Markdown field as safe HTML (raw HTML shown as typed)."""
    return to_html(text) if text else Markup("")


FILTERS = {
    **filters.FILTERS,
    "markdown": markdown,
    "inline_markdown": to_inline_html,
}
