"""escape: the one escaping function per output that data text reaches. Text in, safe text out.

Every text value from `data/*.yaml` reaches an output through exactly one of these, never by
hand, so a value that validation would refuse is still inert here:

- `html`: HTML text and quoted attribute values (our Jinja templates autoescape with it);
- `markdown_text`: text printed into a Markdown page (`{{ handbook_title }}` in docs/*.md);
- `theme_config`: a value put into MkDocs' `config`, which Material prints without escaping;
- `yaml_string` / `front_matter`: a value in a generated page's front matter;
- `csv_cell`: a cell of a CSV download (spreadsheet formulas neutralised);
- `json_text`: a JSON download.

It never reads or writes files and never evaluates text as a template. The Typst escaping of the
PDF edition lives with the PDF (`handbook.pdf.markup`).
"""

from __future__ import annotations

import json
import string
from typing import Any

from markupsafe import Markup, escape

# Markdown syntax is ASCII punctuation, line breaks and indentation: as numeric character
# references none of it is syntax, and the browser shows each as the character it stands for.
_MARKDOWN = {ord(c): f"&#{ord(c)};" for c in string.punctuation + "\t\n\r"}

# YAML double-quoted escapes: printable ASCII stands for itself except the quote and backslash;
# everything else is escaped, so no character can end the line, the scalar or the document.
_YAML_SHORT = {0x22: '\\"', 0x5C: "\\\\"}

# OWASP's CSV injection rule: a cell starting with one of these may be read as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# `<`, `>` and `&` as JSON escapes, so the document is inert even inside an HTML `<script>`;
# U+2028/U+2029 are line ends in older JavaScript parsers.
_JSON = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def html(text: Any) -> Markup:
    """Text for HTML: `& < > " '` as references, safe in text and in quoted attributes."""
    return escape(text)


def markdown_text(text: Any) -> Markup:
    """Text for a Markdown page that Markdown cannot read as syntax (links, emphasis, HTML,
    attribute lists, headings, line breaks): every ASCII punctuation character, tab and line end
    as a numeric character reference.

    Why not HTML escaping: `[t](javascript:alert(1))` has no `<` or `&`, yet Markdown makes it a
    live link. A numeric reference is left alone by Markdown and shown as the character by the
    browser (and by the PDF's HTML parser). Markup that is already safe is escaped again: data
    is always plain text here.
    """
    value = str(text).translate(_MARKDOWN)
    # Spaces at the ends as references too: four at the start of a line make a code block.
    core = value.strip(" ")
    if len(core) != len(value):
        start = len(value) - len(value.lstrip(" "))
        value = "&#32;" * start + core + "&#32;" * (len(value) - start - len(core))
    return Markup(value)


def theme_config(text: Any) -> Markup:
    """A value for MkDocs' `config` (site name, description, copyright, extra): HTML-escaped.

    Why: MkDocs' theme environment does not autoescape, so Material prints these raw into the
    header, footer, `<title>` and `<meta>`. As `Markup`, Material's own `| e` (the logo's
    `title`) leaves it as it is instead of escaping it twice.
    """
    return html(text)


def _yaml_char(code: int) -> str:
    if code in _YAML_SHORT:
        return _YAML_SHORT[code]
    if 0x20 <= code <= 0x7E:
        return chr(code)
    if code <= 0xFF:
        return f"\\x{code:02X}"
    if code <= 0xFFFF:
        return f"\\u{code:04X}"
    return f"\\U{code:08X}"


def yaml_string(text: Any) -> str:
    """Any string as a YAML double-quoted scalar that reads back as exactly that string.

    Why not `json.dumps`: with `ensure_ascii=False` a C1 control (U+0085 NEL) stays raw, and
    YAML reads it as a line break, so MkDocs drops the whole front matter silently; with
    `ensure_ascii=True` a character beyond U+FFFF becomes a surrogate pair, which YAML reads as
    two separate code points. Here every character outside printable ASCII is `\\x`, `\\u` or
    `\\U` escaped, as YAML 1.1 and 1.2 both define them.
    """
    value = str(text)
    if value.isascii() and value.isprintable() and '"' not in value and "\\" not in value:
        return f'"{value}"'  # the common case, without a per-character loop
    return '"' + "".join(_yaml_char(ord(c)) for c in value) + '"'


def front_matter(text: Any) -> str:
    """A front-matter value that a theme prints raw (`title`, `description`): HTML-escaped, then
    written as a YAML string (`yaml_string`)."""
    return yaml_string(html(text))


def csv_cell(value: Any) -> str:
    """A CSV cell a spreadsheet shows as text: `'` before a value that starts like a formula.

    Why: `=HYPERLINK(...)`, `+cmd|...`, `@SUM(...)` in a cell run when a finance officer opens
    the file (OWASP "CSV injection"). The quote is shown by some spreadsheets and hidden by
    others; the downloads page says why a cell may start with one.
    """
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def json_text(value: Any) -> str:
    """`value` as compact JSON text (UTF-8, not ASCII-escaped), with `< > &` and U+2028/U+2029
    escaped so the document stays inert wherever it is embedded."""
    return json.dumps(value, ensure_ascii=False).translate(_JSON)
