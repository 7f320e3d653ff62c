"""Which characters the data may hold: the printable scripts, minus invisible and meaningless ones."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from handbook.data import characters
from handbook.data.characters import PRINTABLE_RANGES, dangerous, find, name, suspects, why

REAL_TEXT = [
    "School Finance Support",
    "Café, naïve, Zażółć gęślą jaźń, Šťastný, Ærø, Đặng",  # Latin with accents (Polish, Czech, Vietnamese)
    "Καλημέρα",  # Greek
    "Добрий день",  # Cyrillic (Ukrainian)
    "שלום",  # Hebrew
    "آپ کیسے ہیں؟",  # Urdu in Arabic script
    "می\u200cخواهم",  # Persian with a zero-width non-joiner
    "नमस्ते, क्\u200dष",  # Devanagari, with a zero-width joiner
    "ਸਤ ਸ੍ਰੀ ਅਕਾਲ",  # Gurmukhi (Punjabi)
    "কেমন আছেন",  # Bengali
    "કેમ છો",  # Gujarati
    "வணக்கம்",  # Tamil
    "你好，欢迎。",  # Chinese with full-width punctuation
    "こんにちは、カタカナ",  # Japanese kana
    "안녕하세요",  # Korean
    "£1,250.50 – “quoted” — ‘single’ … • № ½ → ✓ ✗ ①",  # punctuation and symbols
    "co\u00adoperation",  # soft hyphen
    "English \u200fعربي\u200e English \u061c",  # direction marks
    "line one\nline two",
    "non\u00a0breaking and\u2009thin spaces",
]


@pytest.mark.parametrize("text", REAL_TEXT)
def test_real_text_in_every_printable_script_is_allowed(text: str) -> None:
    assert find(text) == -1, name(text[find(text)])
    assert all(why(char) is None for char in text)


@pytest.mark.parametrize(
    ("char", "words"),
    [
        ("\x07", "U+0007 BELL, an invisible control character"),
        ("\x1b", "U+001B ESCAPE, an invisible control character"),
        ("\x7f", "U+007F DELETE, an invisible control character"),
        ("\x85", "U+0085 NEXT LINE, an invisible control character"),
        ("\x9b", "U+009B, an invisible control character"),
        ("\u2028", "U+2028 LINE SEPARATOR, which some programs take for a line break"),
        ("\u2029", "U+2029 PARAGRAPH SEPARATOR, which some programs take for a line break"),
        ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE, a bidi control, which can make text read differently"),
        ("\u202a", "U+202A LEFT-TO-RIGHT EMBEDDING, a bidi control"),
        ("\u2066", "U+2066 LEFT-TO-RIGHT ISOLATE, a bidi control"),
        ("\u2069", "U+2069 POP DIRECTIONAL ISOLATE, a bidi control"),
        ("\u200b", "U+200B ZERO WIDTH SPACE, an invisible formatting character"),
        ("\u2060", "U+2060 WORD JOINER, an invisible formatting character"),
        ("\ufeff", "U+FEFF ZERO WIDTH NO-BREAK SPACE, an invisible formatting character"),
        ("\u0600", "U+0600 ARABIC NUMBER SIGN, an invisible formatting character"),
        ("\ufdd0", "U+FDD0, a noncharacter"),
        ("\ufffe", "U+FFFE, a noncharacter"),
        ("\U0001fffe", "U+1FFFE, a noncharacter"),
        ("\u0378", "U+0378, which is not an assigned Unicode character"),
        ("\ud800", "U+D800, half of a UTF-16 pair"),
        ("\ue000", "U+E000, a private-use character"),
        ("\U000f0000", "U+F0000, a private-use character"),
        ("\U0001f600", "U+1F600 GRINNING FACE, which the PDF edition cannot print; write it in words"),
        ("\u2600", "U+2600 BLACK SUN WITH RAYS, which the PDF edition cannot print; write it in words"),
        ("\u2705", "U+2705 WHITE HEAVY CHECK MARK, which the PDF edition cannot print"),
        ("\ufe0f", "U+FE0F VARIATION SELECTOR-16, which the PDF edition cannot print"),
        ("\u0e01", "U+0E01 THAI CHARACTER KO KAI, which is not in a script the handbook can print (see 'Limits and characters' in the officers' guide)"),
        ("\u10d0", "U+10D0 GEORGIAN LETTER AN, which is not in a script the handbook can print"),
        ("\U00020000", "U+20000 CJK UNIFIED IDEOGRAPH-20000, which is not in a script the handbook can print"),
    ],
)
def test_each_kind_of_refused_character_is_named_with_what_to_do(char: str, words: str) -> None:
    assert find(f"ab{char}cd") == 2
    reason = why(char)
    assert reason is not None and reason.startswith(words), reason
    assert "; " in reason  # and what to do about it


def test_a_tab_is_allowed_only_in_block_text() -> None:
    assert find("a\tb") == 1 and "allowed only in block text" in why("\t")
    assert find("a\tb", block=True) == -1 and why("\t", block=True) is None


def test_names_come_from_unicode_or_the_control_aliases() -> None:
    assert name("\u202e") == "U+202E RIGHT-TO-LEFT OVERRIDE"
    assert name("\t") == "U+0009 CHARACTER TABULATION"
    assert name("\ue000") == "U+E000"


def test_printable_ranges_are_the_table_the_pdf_proves() -> None:
    assert isinstance(PRINTABLE_RANGES, dict)
    for script, ranges in PRINTABLE_RANGES.items():
        assert ranges and all(isinstance(r, tuple) and len(r) == 2 and r[0] <= r[1] for r in ranges), script
    assert (0x061E, 0x06FF) in PRINTABLE_RANGES["Arabic"] and (0x4E00, 0x9FEF) in PRINTABLE_RANGES["CJK"]
    # Letters newer than Debian's Noto fonts are left out until a font prints them.
    assert not any(low <= 0x9FFF <= high for low, high in PRINTABLE_RANGES["CJK"])
    assert PRINTABLE_RANGES["Punctuation and symbols"][-2:] == [(0x2713, 0x2714), (0x2717, 0x2717)]


def _allowed_by_category() -> set[int]:
    """The rule as the brief writes it, one code point at a time (the module compiles it to one regex)."""
    allowed = {ord("\n")}
    for ranges in PRINTABLE_RANGES.values():
        for first, last in ranges:
            for cp in range(first, last + 1):
                char = chr(cp)
                noncharacter = 0xFDD0 <= cp <= 0xFDEF or (cp & 0xFFFE) == 0xFFFE
                if char in characters.FORMAT_ALLOWED or (unicodedata.category(char) not in {"Cc", "Cf", "Cn", "Co", "Cs", "Zl", "Zp"} and not noncharacter):
                    allowed.add(cp)
    return allowed


def test_the_compiled_rule_agrees_with_the_unicode_categories_for_every_code_point() -> None:
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    refused = {found.start() for found in characters._OUTSIDE.finditer(every)}
    assert set(range(sys.maxunicode + 1)) - refused == _allowed_by_category()


def test_dangerous_characters_are_those_that_mislead_even_in_a_comment() -> None:
    assert all(dangerous(c) for c in "\x07\x85\u2028\u202e\u200b\ufeff\ufffe")
    assert not any(dangerous(c) for c in "a\t\n\r\u200d\u00ad\U0001f600\ue000\u0e01")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec=None), max_size=60))
def test_suspects_finds_every_refused_character_of_a_file(text: str) -> None:
    """The bytes-first shortcut finds exactly what a plain scan with the file's rule finds."""
    expected = [i for i, char in enumerate(text) if char not in "\n\r" and why(char) is not None]
    assert suspects(text) == expected


def test_suspects_is_empty_for_plain_ascii_and_real_scripts() -> None:
    assert suspects("a: 1\r\nb: |\n  text\n") == []
    assert suspects("\n".join(f"k: {t}" for t in REAL_TEXT if "\t" not in t)) == []
    assert suspects("a:\tb") == [2]  # tabs are found, for the loader to tell block text apart
