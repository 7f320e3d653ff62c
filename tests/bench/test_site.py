from bench.site import project_copy, site_figures


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


def test_the_plain_build_uses_the_projects_config_without_hooks_or_macros(tmp_path, root, sample_data):
    """The ratio measures the data layer only: same theme features, extensions and checks."""
    from bench.site import prepare_plain
    from handbook.core.project import load_config

    project = prepare_plain(sample_data, tmp_path)
    plain = load_config(project / "mkdocs.yml", environ={})
    real = load_config(root / "mkdocs.yml", environ={})
    assert "hooks" not in plain and not (project / "macros").exists()
    assert plain["plugins"] == [p for p in real["plugins"] if not (isinstance(p, dict) and "macros" in p)]
    for key in ("theme", "markdown_extensions", "validation", "not_in_nav", "nav", "strict"):
        assert plain[key] == real[key] or key == "theme" and plain[key]["features"] == real[key]["features"], key
    assert plain["site_name"] != real["site_name"]  # the title the hooks would set, written in
    assert "{{" not in (project / "docs" / "prices.md").read_text(encoding="utf-8")
