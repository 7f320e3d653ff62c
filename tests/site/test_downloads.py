def test_the_downloads_page_lists_every_file_with_format_size_and_the_licence(built_site):
    html = (built_site / "downloads" / "index.html").read_text(encoding="utf-8")
    for address in ["/downloads/charges.csv", "/downloads/services.json", "/downloads/services.schema.json", "/downloads/openreferral-uk/services.json",
                    "/downloads/calendar.ics", "/downloads/calendar-deadlines.ics", "/downloads/calendar-meetings.ics", "/pdf/westmarch-handbook-2026-27.pdf"]:
        assert f"<code>{address}</code>" in html, address
        assert (built_site / address.lstrip("/")).is_file(), address
    assert "Open Government Licence v3.0" in html and "nationalarchives.gov.uk/doc/open-government-licence/version/3/" in html
    assert " KB</td>" in html and " MB</td>" in html  # sizes beside each file (the PDF in MB)
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'href="downloads/"' in home and 'href="appendix-c/"' in home
