"""The edition's identity as the outputs name their files (its wording is `presentation.wording.edition_label`)."""

from __future__ import annotations

from handbook.data.model import Handbook


def pdf_filename(handbook: Handbook) -> str:
    """`<authority-slug>-handbook-<edition>.pdf`, the PDF's fixed name inside `pdf/`."""
    return f"{handbook.authority.authority.slug}-handbook-{handbook.authority.edition.id}.pdf"

