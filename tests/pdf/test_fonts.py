"""The PDF's font folders, found on this machine's real fontconfig and Noto fonts (no mocks)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
import typst

from handbook.core.errors import HandbookUserError
from handbook.pdf import fonts
from handbook.pdf.fonts import book_families, font_folders

NOTO_SANS = Path(subprocess.run(["fc-match", "--format", "%{file}", "Noto Sans:style=Regular"], capture_output=True, text=True, check=True).stdout)


@pytest.fixture(autouse=True)
def fresh_answer(monkeypatch):
    """Each test asks afresh, with HANDBOOK_FONTS unset unless it sets it."""
    monkeypatch.delenv("HANDBOOK_FONTS", raising=False)
    fonts._font_folders.cache_clear()
    yield
    fonts._font_folders.cache_clear()


def assert_names_the_remedy(message: str) -> None:
    for name in ("fonts-noto-core", "fonts-noto-cjk", "fontconfig", "HANDBOOK_FONTS"):
        assert name in message


def test_book_families_are_the_quoted_names_in_book_typ_not_in_its_comments(tmp_path):
    assert book_families()[0] == "Noto Sans"
    assert {"Noto Serif", "Noto Sans CJK SC", "Noto Sans Arabic"} <= set(book_families())
    style = tmp_path / "book.typ"
    style.write_text('// "Noto Sans Mono" was tried here\n#let f = ("Noto Sans", "Noto Serif")\n#text(font: "Noto Sans")[x]\n', encoding="utf-8")
    assert book_families(style) == ["Noto Sans", "Noto Serif"]


def test_the_rule_finds_the_folder_of_every_family_the_book_names():
    folders = font_folders()
    assert folders == sorted(folders)
    assert NOTO_SANS.parent in folders
    for family in book_families():
        files = subprocess.run(["fc-list", "--format", "%{file}\n", family], capture_output=True, text=True, check=True).stdout.split()
        assert files, f"fontconfig has no {family} here"
        assert {Path(file).parent for file in files} <= set(folders), family


def test_typst_finds_every_face_of_the_book_in_the_folders_found(tmp_path):
    source = tmp_path / "probe.typ"
    source.write_text(
        "".join(f'#text(font: "{family}", fallback: false)[Aa]\n' for family in book_families()) + '#text(font: "Noto Sans CJK SC", fallback: false)[漢字]\n',
        encoding="utf-8",
    )
    _pdf, warnings = typst.compile_with_warnings(str(source), font_paths=[str(folder) for folder in font_folders()], ignore_system_fonts=True)
    assert [warning.message for warning in warnings] == []


def test_a_family_fontconfig_does_not_have_is_refused_not_replaced_by_another():
    # fc-match would answer DejaVu Sans or another face for this name; the rule must not.
    with pytest.raises(HandbookUserError) as caught:
        fonts._folders_from_fontconfig(["Noto Sans", "Noto Sans Nowhere"])
    assert "Noto Sans Nowhere" in str(caught.value)
    assert_names_the_remedy(str(caught.value))


def test_handbook_fonts_overrides_fontconfig_in_its_own_order(tmp_path, monkeypatch):
    (tmp_path / "nested").mkdir()
    os.symlink(NOTO_SANS, tmp_path / "nested" / NOTO_SANS.name)
    cjk = sorted(subprocess.run(["fc-list", "--format", "%{file}\n", "Noto Sans CJK SC"], capture_output=True, text=True, check=True).stdout.split())[0]
    monkeypatch.setenv("HANDBOOK_FONTS", os.pathsep.join([str(tmp_path), str(Path(cjk).parent)]))
    assert font_folders() == [tmp_path, Path(cjk).parent]


def test_a_handbook_fonts_folder_without_noto_sans_is_named_in_the_error(tmp_path, monkeypatch):
    (tmp_path / "DejaVuSans.ttf").write_bytes(b"")
    monkeypatch.setenv("HANDBOOK_FONTS", os.pathsep.join([str(NOTO_SANS.parent), str(tmp_path)]))
    with pytest.raises(HandbookUserError) as caught:
        font_folders()
    assert repr(str(tmp_path)) in str(caught.value)
    assert "no Noto Sans" in str(caught.value)
    assert_names_the_remedy(str(caught.value))


def test_a_handbook_fonts_folder_that_does_not_exist_is_named_in_the_error(tmp_path, monkeypatch):
    monkeypatch.setenv("HANDBOOK_FONTS", str(tmp_path / "gone"))
    with pytest.raises(HandbookUserError) as caught:
        font_folders()
    assert repr(str(tmp_path / "gone")) in str(caught.value)
    assert_names_the_remedy(str(caught.value))


def test_without_fontconfig_the_error_says_what_to_install(monkeypatch):
    monkeypatch.setenv("PATH", "")
    with pytest.raises(HandbookUserError) as caught:
        font_folders()
    assert "fc-list" in str(caught.value)
    assert caught.value.status == 1
    assert_names_the_remedy(str(caught.value))


def test_the_answer_is_kept_for_the_process(monkeypatch):
    first = font_folders()
    # With fontconfig out of reach, only a kept answer can still be given.
    monkeypatch.setenv("PATH", "")
    assert font_folders() == first
