from handbook.views.edition import pdf_filename


def test_pdf_name_is_authority_slug_handbook_and_edition(sample_handbook):
    assert pdf_filename(sample_handbook) == "westmarch-handbook-2026-27.pdf"
