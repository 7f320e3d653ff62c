from handbook.site.bench import project_copy, site_figures


def test_site_figures_count_pages_and_measure_the_search_index(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "search").mkdir()
    (site / "index.html").write_text("x" * 2048)
    (site / "a" / "index.html").write_text("y" * 1024)
    (site / "search" / "search_index.json").write_text("z" * 4096)
    assert site_figures(site) == {"pages": 2, "search_index_kb": 4.0, "largest_page_kb": 2.0}


def test_project_copy_leaves_generated_pages_behind(tmp_path, root):
    project = project_copy(tmp_path / "p", root)
    assert (project / "mkdocs.yml").is_file() and (project / "docs" / "index.md").is_file()
    assert not (project / "docs" / "services").exists() and not (project / "docs" / "pdf").exists()
