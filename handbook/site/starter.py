"""starter: a council's name -> a new handbook project in a new folder, valid and buildable at once.

Input: the folder to create, the authority's name, optionally its logo and two brand colours.
Output: the project (the files written, relative to it): `data/` from `handbook.data.starter`
(every file's structure, placeholder text, one internal example service); `docs/` with every
page of the handbook's nav, the pages about the council's own work reduced to their headings and
the data's macros with a "Write here" placeholder for each stretch of prose (saying how long the
sample's was and how it began), the pages the engine fills from the data (home, catalogue,
prices, contacts, what has changed) and the officers' guide as the sample has them; the logo;
`mkdocs.yml`, `overrides/` and `macros/` as the sample project has them (its public address
made the new council's placeholder); a `Makefile` (`make site`) and `.gitignore`.

It copies from the project this package belongs to (the handbook's own repository, where
`pip install -e .` installs it), so a new council starts from exactly what the sample builds
with. Everything is written into a temporary folder beside the target and validated first;
the folder appears only when it is complete and valid. It refuses a folder that exists and is
not empty.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from handbook.core.errors import HandbookUserError
from handbook.data.report import render
from handbook.data.starter import DEFAULT_COLOURS, check_colours, slug_of, starter_files
from handbook.data.validate import validate

SOURCE = Path(__file__).resolve().parents[2]  # the handbook's own project: handbook/site/starter.py
COPIED = ("mkdocs.yml", "overrides", "macros")
# Pages the engine fills from the data, and the officers' guide: the same for every council.
AS_THEY_ARE = {"index.md", "catalogue.md", "prices.md", "contacts.md", "changes.md", "officers-guide.md"}
MAX_LOGO_BYTES = 1024 * 1024
_MACRO = re.compile(r"\{\{.*\}\}|\{%.*%\}", re.S)

MAKEFILE = """\
# The handbook of this council. `handbook` is the command of the handbook package
# (pip install -e <the handbook's repository>); set HANDBOOK to its path if it is not on PATH.
HANDBOOK ?= handbook
DATA ?= data

.PHONY: site validate pdf
site:
\t$(HANDBOOK) validate --data $(DATA)
\t$(HANDBOOK) build --data $(DATA)

validate:
\t$(HANDBOOK) validate --data $(DATA)

pdf:
\t$(HANDBOOK) pdf --data $(DATA)
"""

GITIGNORE = "/site/\n/site.*/\n/.site.*/\n/docs/services/\n/docs/schools/\n/docs/downloads/\n/docs/generated/\n/docs/pdf/\n__pycache__/\n"


def _logo_svg(colour: str) -> str:
    """A plain placeholder logo in the primary colour (no text: nothing from the input in it)."""
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" role="img" aria-label="Logo">'
        f'<rect x="4" y="4" width="40" height="40" rx="6" fill="{colour}"/>'
        '<path d="M14 34V14h6l4 10 4-10h6v20" fill="none" stroke="#fff" stroke-width="3"/></svg>\n'
    )


def _words(text: str) -> list[str]:
    plain = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", "…", text, flags=re.S)  # a macro or variable of the sample: not copied
    plain = re.sub(r"\]\([^)]*\)|[\[\]*_`<>|#{}%]", " ", plain)
    return plain.split()


def placeholder_page(text: str) -> str:
    """A prose page reduced to its front matter, headings and macro calls, each stretch of prose
    between them replaced by one "Write here" paragraph saying what the sample had there."""
    front = ""
    if text.startswith("---\n"):
        end = text.index("\n---\n", 4) + 5
        front, text = text[:end], text[end:]
    out, prose = [], []

    def flush() -> None:
        if prose:
            words = [w for block in prose for w in _words(block)]
            start = " ".join(words[:8])
            out.append(f"*Write here* about {len(words) // 10 * 10 or 10} words: what schools need to know here. "
                       f"(The sample handbook's text began: \u201c{start}\u2026\u201d)")
            prose.clear()

    for block in re.split(r"\n\s*\n", text.strip("\n")):
        stripped = block.strip()
        if stripped.startswith("#") or _MACRO.fullmatch(stripped):
            flush()
            out.append(stripped)
        else:
            prose.append(stripped)
    flush()
    return front + "\n" + "\n\n".join(out) + "\n"


def _source() -> Path:
    missing = [name for name in (*COPIED, "docs") if not (SOURCE / name).exists()]
    if missing:
        raise HandbookUserError(f"handbook init copies the sample project it is installed from, but {SOURCE} has no {', '.join(missing)}; install the handbook with `pip install -e` from its repository", status=1)
    return SOURCE


def _logo(project: Path, logo: Path | None, colour: str) -> str:
    assets = project / "docs" / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    if logo is None:
        (assets / "logo.svg").write_text(_logo_svg(colour), encoding="utf-8")
        return "assets/logo.svg"
    suffix = logo.suffix.lower()
    if suffix not in (".svg", ".png"):
        raise HandbookUserError(f"the logo should be an .svg or .png file, not {logo.name}", status=2)
    if not logo.is_file():
        raise HandbookUserError(f"there is no logo file {logo}", status=2)
    if logo.stat().st_size > MAX_LOGO_BYTES:
        raise HandbookUserError(f"the logo {logo} is over 1 MB; use a smaller file", status=2)
    if suffix == ".svg":
        problem = svg_problem(logo.read_bytes())
        if problem:
            raise HandbookUserError(f"the logo {logo} cannot be published: {problem}; export it again as a plain SVG or PNG", status=2)
    shutil.copyfile(logo, assets / f"logo{suffix}")
    return f"assets/logo{suffix}"


_ACTIVE = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"}


def svg_problem(data: bytes) -> str | None:
    """Why an SVG logo is not safe to publish, or None.

    Why: the site serves the logo as a file of its own, and an SVG opened on its own runs its
    scripts with the site's address. So the logo is read as XML (expat: no external entities)
    and refused when it has a script, an embedded document, an event attribute (`onload`) or a
    link to anything but a part of itself (`href="#…"`).
    """
    import xml.etree.ElementTree as ElementTree

    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        return f"it is not well-formed XML ({error})"
    for element in root.iter():
        name = str(element.tag).rsplit("}", 1)[-1].lower()
        if name in _ACTIVE:
            return f"it has a <{name}> element"
        for attribute, value in element.attrib.items():
            local = attribute.rsplit("}", 1)[-1].lower()
            if local.startswith("on"):
                return f"it has an event attribute ({local})"
            if local == "href" and not value.strip().startswith("#"):
                return f"it links outside itself ({value[:60]!r})"
    return None


def _write_project(project: Path, authority: str, logo: Path | None, colours: tuple[str, str]) -> None:
    source = _source()
    for name in COPIED:
        if (source / name).is_dir():
            shutil.copytree(source / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copyfile(source / name, project / name)
    config = project / "mkdocs.yml"
    slug = slug_of(authority)
    config.write_text(re.sub(r"https://handbook\.[a-z0-9-]+\.example/", f"https://handbook.{slug}.example/", config.read_text(encoding="utf-8")), encoding="utf-8")
    docs = project / "docs"
    docs.mkdir()
    for page in sorted((source / "docs").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        (docs / page.name).write_text(text if page.name in AS_THEY_ARE else placeholder_page(text), encoding="utf-8")
    logo_path = _logo(project, logo, colours[0])
    data = project / "data"
    data.mkdir()
    for name, text in starter_files(authority, colours, logo_path).items():
        (data / name).write_text(text, encoding="utf-8")
    (project / "schema").mkdir()
    for schema in sorted((source / "schema").glob("*.schema.json")):
        shutil.copyfile(schema, project / "schema" / schema.name)
    (project / "Makefile").write_text(MAKEFILE, encoding="utf-8")
    (project / ".gitignore").write_text(GITIGNORE, encoding="utf-8")


def create_handbook(folder: Path, authority: str, logo: Path | None = None, colours: tuple[str, str] | list[str] | None = None) -> list[str]:
    """Creates the project in `folder` (see the module); the files written, relative to it."""
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise HandbookUserError(f"{folder} already exists and is not empty; choose a new folder", status=1)
    colours = check_colours(tuple(colours) if colours else DEFAULT_COLOURS)
    if not authority.strip():
        raise HandbookUserError("--authority needs the council's name, e.g. 'Wessex County Council'", status=2)
    folder.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.init-", dir=folder.parent))
    try:
        project = temp / "project"
        project.mkdir()
        _write_project(project, authority.strip(), logo, colours)
        result = validate(project / "data")
        if not result.ok:
            problems = render(result.errors).replace(str(project / "data"), "data")
            raise HandbookUserError(f"the new handbook would not be valid, so nothing was written (check --authority):\n{problems}", status=1)
        if folder.exists():
            folder.rmdir()
        project.rename(folder)
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())
