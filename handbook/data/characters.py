"""characters: which characters the handbook's data may hold, and what to say about the others.

Input: text (a whole data file, or one value). Output: the index of the first character that is
not allowed, and a sentence naming it (`U+202E RIGHT-TO-LEFT OVERRIDE`) with what to do. It never
changes text and never reads files.

Why: every value reaches HTML, front matter, CSV, JSON, the search index and Typst. Control
characters break some of those silently (a C1 control made MkDocs drop a page's front matter),
bidi controls make text read differently from what it is, and a character with no font in the
PDF edition fails the PDF build far from its line. So the rule is one allow-list: the scripts the
PDF can print (`PRINTABLE_RANGES`, proved by the PDF's tests), minus invisible or meaningless
characters inside them. The check is one precompiled regex search per text; a per-character loop
runs only to describe a character already found.
"""

from __future__ import annotations

import re
import unicodedata

# Script -> inclusive code point ranges the PDF edition has fonts for (Noto families). The PDF's
# tests print every character these allow; a range added here needs its font there first. The
# gaps are letters added in Unicode 11-14 that Debian's Noto fonts have no glyph for yet.
PRINTABLE_RANGES: dict[str, list[tuple[int, int]]] = {
    "Latin": [(0x0020, 0x007E), (0x00A0, 0x024F), (0x0250, 0x02FF), (0x0300, 0x036F), (0x1E00, 0x1EFF)],
    "Greek": [(0x0370, 0x03FF), (0x1F00, 0x1FFF)],
    "Cyrillic": [(0x0400, 0x052F)],
    "Hebrew": [(0x0590, 0x05EE), (0x05F0, 0x05FF)],
    "Arabic": [
        (0x0600, 0x061C), (0x061E, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08B4), (0x08B6, 0x08BE), (0x08C9, 0x08FF),
        (0xFB50, 0xFBC1), (0xFBC3, 0xFD3F), (0xFD50, 0xFDCE), (0xFDF0, 0xFDFD), (0xFE70, 0xFEFE),
    ],
    "Devanagari": [(0x0900, 0x097F)],
    "Bengali": [(0x0980, 0x09FF)],
    "Gurmukhi": [(0x0A00, 0x0A7F)],
    "Gujarati": [(0x0A80, 0x0AFF)],
    "Tamil": [(0x0B80, 0x0BFF)],
    "Punctuation and symbols": [
        (0x2000, 0x206F), (0x2070, 0x209F), (0x20A0, 0x20BF), (0x2100, 0x214F), (0x2150, 0x218F),
        (0x2190, 0x21FF), (0x2200, 0x22FF), (0x2460, 0x24FF), (0x25A0, 0x25FF), (0x2713, 0x2714), (0x2717, 0x2717),
    ],
    "CJK": [(0x3000, 0x303F), (0x3040, 0x309F), (0x30A0, 0x30FF), (0x4E00, 0x9FEF), (0xAC00, 0xD7AF), (0xFF00, 0xFFEF)],
}

# Invisible format characters that real text needs: the soft hyphen, the joiners that shape
# Arabic, Urdu and Indic letters, and the marks that set the direction of mixed-script text.
FORMAT_ALLOWED = frozenset("\u00ad\u200c\u200d\u200e\u200f\u061c")
BIDI_CONTROLS = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
_EMOJI = ((0x2300, 0x23FF), (0x2600, 0x27BF), (0x2B00, 0x2BFF), (0xFE00, 0xFE0F), (0x1F000, 0x1FFFF))
_REJECTED_CATEGORIES = {"Cc", "Cf", "Cn", "Co", "Cs", "Zl", "Zp"}

# Names Unicode gives only as aliases (unicodedata.name knows none for controls).
_CONTROL_NAMES = dict(enumerate(
    "NULL,START OF HEADING,START OF TEXT,END OF TEXT,END OF TRANSMISSION,ENQUIRY,ACKNOWLEDGE,BELL,"
    "BACKSPACE,CHARACTER TABULATION,LINE FEED,LINE TABULATION,FORM FEED,CARRIAGE RETURN,SHIFT OUT,"
    "SHIFT IN,DATA LINK ESCAPE,DEVICE CONTROL ONE,DEVICE CONTROL TWO,DEVICE CONTROL THREE,"
    "DEVICE CONTROL FOUR,NEGATIVE ACKNOWLEDGE,SYNCHRONOUS IDLE,END OF TRANSMISSION BLOCK,CANCEL,"
    "END OF MEDIUM,SUBSTITUTE,ESCAPE,FILE SEPARATOR,GROUP SEPARATOR,RECORD SEPARATOR,UNIT SEPARATOR".split(",")
)) | {0x7F: "DELETE", 0x85: "NEXT LINE"}


def _noncharacter(cp: int) -> bool:
    return 0xFDD0 <= cp <= 0xFDEF or (cp & 0xFFFE) == 0xFFFE


# Spaces are not "printable" to Python but are ordinary text (Unicode category Zs).
_SPACES = frozenset(" \u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B))))


def _allowed_spans() -> list[tuple[int, int]]:
    """The allowed code points inside the printable ranges, merged into spans.

    Why `str.isprintable`: it is False for exactly the rejected categories (controls, format,
    unassigned with the noncharacters, private use, surrogates, line and paragraph separators)
    and for spaces, so with the spaces and allowed format characters put back it is the rule, at
    a tenth of the start-up cost of asking `unicodedata.category` 45,000 times. The runs of
    allowed characters are found by a regex over one byte per character (1 = allowed), a C loop.
    """
    spans: list[tuple[int, int]] = []
    for first, last in sorted(r for ranges in PRINTABLE_RANGES.values() for r in ranges):
        flags = bytearray(map(str.isprintable, map(chr, range(first, last + 1))))
        for char in _SPACES | FORMAT_ALLOWED:
            if first <= ord(char) <= last:
                flags[ord(char) - first] = 1
        for run in re.finditer(b"\x01+", flags):
            start, end = first + run.start(), first + run.end() - 1
            if spans and spans[-1][1] >= start - 1:
                spans[-1] = (spans[-1][0], max(spans[-1][1], end))
            else:
                spans.append((start, end))
    return spans


# Every character outside the allowed spans but the new line, which any value may hold. Why one
# regex and not one per context (block text also allows tabs; a whole file, carriage returns):
# compiling a class of 125 ranges costs about 13 ms of every command's start-up, so the contexts
# skip their extra character among its matches instead.
_OUTSIDE = re.compile("[^" + re.escape("\n") + "".join(
    re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in _allowed_spans()
) + "]")


def find(text: str, *, block: bool = False) -> int:
    """Index of the first character of `text` the data may not hold, or -1 when there is none."""
    for found in _OUTSIDE.finditer(text):
        if not (block and found.group() == "\t"):
            return found.start()
    return -1


def name(char: str) -> str:
    """`U+202E RIGHT-TO-LEFT OVERRIDE`: the code point and, where Unicode has one, its name."""
    cp = ord(char)
    known = unicodedata.name(char, "") or _CONTROL_NAMES.get(cp, "")
    return f"U+{cp:04X} {known}" if known else f"U+{cp:04X}"


def dangerous(char: str) -> bool:
    """Whether a character misleads or breaks whatever reads it, wherever in a file it is.

    Why apart from `why`: outside values (in comments) a character the PDF cannot print does no
    harm, but a bidi control there can still make a reviewer read the line wrongly.
    """
    if char in "\t\n\r" or char in FORMAT_ALLOWED:
        return False
    return unicodedata.category(char) in {"Cc", "Cf", "Cs", "Zl", "Zp"} or _noncharacter(ord(char))


def why(char: str, *, block: bool = False) -> str | None:
    """Why `char` may not be in a value, naming it and saying what to do; None if it may.

    The sentence follows "the value holds …": `U+202E RIGHT-TO-LEFT OVERRIDE, a bidi control, …`.
    """
    if char == "\n" or (block and char == "\t") or not _OUTSIDE.match(char):
        return None
    cp, category, shown = ord(char), unicodedata.category(char), name(char)
    if char == "\t":
        return f"{shown} (a tab), which is allowed only in block text (after | or >); use spaces instead"
    if category == "Cc":
        return f"{shown}, an invisible control character that breaks the web page or the PDF; delete it"
    if category in ("Zl", "Zp"):
        return f"{shown}, which some programs take for a line break and some do not; use an ordinary new line or a space"
    if char in BIDI_CONTROLS:
        return f"{shown}, a bidi control, which can make text read differently from what it is; delete it"
    if category == "Cf":
        return f"{shown}, an invisible formatting character; delete it"
    if category == "Cs":
        return f"{shown}, half of a UTF-16 pair and not a character; delete it and type the character again"
    if category == "Co":
        return f"{shown}, a private-use character, which has no agreed meaning and no font; delete it or write it in words"
    if _noncharacter(cp):
        return f"{shown}, a noncharacter, which Unicode keeps for programs' own use; delete it"
    if category == "Cn":
        return f"{shown}, which is not an assigned Unicode character; delete it"
    if any(first <= cp <= last for first, last in _EMOJI):
        return f"{shown}, which the PDF edition cannot print; write it in words"
    return f"{shown}, which is not in a script the handbook can print (see 'Limits and characters' in the officers' guide); write it in words or in a script listed there"


_ASCII_TEXT = bytes([0x0A, 0x0D, *range(0x20, 0x7F)])


def suspects(text: str) -> list[int]:
    """Indexes of the characters of a whole file that a rule may reject; tabs are included.

    Why the bytes first: deleting printable ASCII from the UTF-8 bytes (a C table lookup) leaves
    only the few other characters, whole, so the regex reads a few hundred characters instead of
    millions; it runs over the whole text only when something is found, to say where.
    """
    rest = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_TEXT)
    if not rest or not _OUTSIDE.search(rest.decode("utf-8", "surrogatepass")):
        return []
    return [found.start() for found in _OUTSIDE.finditer(text) if found.group() != "\r"]
