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


def test_the_plain_build_is_the_prepared_config_without_macros(tmp_path, root, sample_data):
    """The ratio measures the data layer only: same theme features, extensions and checks."""
    from bench.site import prepare_plain
    from handbook.core.project import load_config

    project = prepare_plain(sample_data, tmp_path)
    plain = load_config(project / "mkdocs.yml", environ={})
    real = load_config(root / "mkdocs.yml", environ={})
    assert "hooks" not in plain and not (project / "macros").exists()
    assert plain["plugins"] == [p for p in real["plugins"] if not (isinstance(p, dict) and "macros" in p)]
    for key in ("validation", "not_in_nav", "strict"):
        assert plain[key] == real[key], key

    def names(extensions):  # prepare gives the abbreviations extension the glossary as its config
        return [next(iter(e)) if isinstance(e, dict) else e for e in extensions]

    assert names(plain["markdown_extensions"]) == names(real["markdown_extensions"])
    assert plain["theme"]["features"] == real["theme"]["features"]
    import yaml

    assert yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.Loader)["site_name"] != real["site_name"]  # from the data
    assert "{{" not in (project / "docs" / "prices.md").read_text(encoding="utf-8")
    assert (project / "docs" / "downloads" / "charges.csv").is_file()


def test_the_plain_build_and_the_data_driven_build_make_the_same_pages(tmp_path, sample_data):
    from bench.site import build_plain

    plain = build_plain(sample_data, tmp_path / "plain")
    assert plain["pages"] > 60 and plain["search_index_kb"] > 0
