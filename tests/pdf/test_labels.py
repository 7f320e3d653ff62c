"""labels: officers' Markdown reaches the PDF templates as safe HTML."""

from handbook.pdf.labels import markdown


def test_markdown_from_data_shows_typed_html_as_text():
    html = str(markdown("Hello <script>alert(1)</script> **world**"))
    assert "<script>" not in html and "&lt;script&gt;" in html and "<strong>world</strong>" in html
