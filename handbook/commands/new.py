"""new: answers (options or questions) -> a new service, contact or charge in the data, valid.

Input: the kind (`service`, `contact`, or `charge`: a price added to an existing offer), the
data folder and the field values given as options; whatever is missing is asked for, one
question at a time, each answer checked as it is given (`new_questions`). Output: the entry
added to services.yaml or contacts.yaml, and a sentence giving its real lines there.

How: the data files are read once (cached values, no models) for the ids an answer may name; the
entry is laid out as the file lays out its entries and inserted as whole lines
(`insertion`), so every other byte of the file is kept by construction; then the data is
validated once, with the new file in place of the old in a scratch folder, before anything is
written. It never writes an entry that does not validate.

Interrupted (Ctrl-C, or the end of input), the answers given so far are kept in
`.handbook/new-<kind>.yaml` beside the data folder, and the next run offers to carry on from
them; so is a run whose entry did not validate.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from handbook.commands import new_fields
from handbook.commands.asking import Asker, Stopped, console_read, console_say
from handbook.commands.insertion import Block, Layout, entry_key_col, find_block, insert, layout_of
from handbook.core.errors import HandbookUserError

# Why the engine is imported inside functions: the models take most of a second to import, so
# they load in the background (`_Loading`) while the officer types the first answer.

FILES = {"service": ("services", "services"), "contact": ("contacts", "roles"), "charge": ("services", "services")}


def resume_file(data_dir: Path, kind: str) -> Path:
    """Where an interrupted run keeps its answers: `.handbook/new-<kind>.yaml` beside the data folder."""
    return data_dir.resolve().parent / ".handbook" / f"new-{kind}.yaml"


def _saved(data_dir: Path, kind: str) -> dict[str, str]:
    path = resume_file(data_dir, kind)
    if not path.is_file():
        return {}
    import yaml

    try:
        saved = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return {}
    if not isinstance(saved, dict) or saved.get("data") != str(data_dir.resolve()) or not isinstance(saved.get("answers"), dict):
        return {}
    return {str(k): str(v) for k, v in saved["answers"].items() if new_fields.known(kind, str(k))}


def display_path(path: Path) -> str:
    from handbook.data.validate import display_path as shown

    return shown(path)


def _keep(data_dir: Path, kind: str, answers: dict[str, str]) -> str:
    """Saves the answers for the next run; says where."""
    import yaml

    path = resume_file(data_dir, kind)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump({"data": str(data_dir.resolve()), "answers": answers}, allow_unicode=True, sort_keys=False, width=4096), encoding="utf-8")
    return display_path(path)


def _document(data_dir: Path, stem: str):
    from handbook.data.load import load_file
    from handbook.data.report import render

    path = data_dir / f"{stem}.yaml"
    if not path.is_file():
        raise HandbookUserError(f"there is no {stem}.yaml in {display_path(data_dir)}; is --data the data folder?")
    doc, problems = load_file(path, display_path(path))
    if doc is None or problems or not isinstance(doc.value, dict):
        raise HandbookUserError(f"{display_path(path)} cannot be read as it is; fix it first (`handbook validate` shows every problem):\n" + render(problems), status=1)
    doc.text = doc.text or path.read_text(encoding="utf-8-sig")
    return doc


def _id_lines(block: Block, records: list) -> dict[str, int]:
    """id -> the 1-based line of each entry (its `- ` line), where the file's entries line up with its values."""
    if len(block.starts) != len(records):
        return {}
    return {str(r.get("id")): start + 1 for r, start in zip(records, block.starts) if isinstance(r, dict)}


@dataclass
class Listed:
    """A data file as read before the entry is added: its text, its values, and where its list is."""

    text: str
    value: dict
    list_key: str
    lines: list[str] = field(init=False)
    block: Block = field(init=False)

    def __post_init__(self) -> None:
        self.lines = self.text.splitlines(keepends=True)
        self.block = find_block(self.lines, self.list_key)

    @property
    def records(self) -> list:
        return [r for r in self.value.get(self.list_key) or [] if isinstance(r, dict)]


def known_data(data_dir: Path):
    """What the questions offer and check against, from the data files' values (no models)."""
    from handbook.commands.new_questions import Known

    services, contacts, structure, authority = (_document(data_dir, s) for s in ("services", "contacts", "structure", "authority"))
    files = {"services": Listed(services.text, services.value, "services"), "contacts": Listed(contacts.text, contacts.value, "roles")}
    known = Known()
    known.services = {str(s.get("id")): s for s in files["services"].records}
    known.service_lines = _id_lines(files["services"].block, files["services"].records)
    known.categories = [str(c.get("id")) for c in services.value.get("categories") or [] if isinstance(c, dict)]
    known.roles = [str(r.get("id")) for r in files["contacts"].records]
    known.role_lines = _id_lines(files["contacts"].block, files["contacts"].records)
    known.units = [str(u.get("id")) for u in structure.value.get("units") or [] if isinstance(u, dict)]
    covers = ((authority.value.get("edition") or {}).get("covers") or {})
    if str(covers.get("financial_year", ""))[:4].isdigit() and str(covers.get("academic_year", ""))[:4].isdigit():
        known.financial_start = f"{str(covers['financial_year'])[:4]}-04-01"
        known.academic_start = f"{str(covers['academic_year'])[:4]}-09-01"
    return known, files


def _before(records: list, new_id: str) -> int | None:
    """Where an entry goes: in id order where the list is in id order, else after the last."""
    ids = [str(r.get("id")) for r in records]
    return next((i for i, existing in enumerate(ids) if existing > new_id), None) if ids == sorted(ids) else None


def add_written(text: str, list_key: str, written: str) -> tuple[str, int, int]:
    """`text` with an entry already written as YAML (`- id: …`, as the officers' guide shows one)
    added to its top-level list `list_key` where `handbook new` would put it; (text, first, last)."""
    import textwrap

    import yaml

    lines = text.splitlines(keepends=True)
    block = find_block(lines, list_key)
    entry = [" " * block.dash + line + "\n" for line in textwrap.dedent(written).strip("\n").splitlines()]
    records = [r for r in yaml.safe_load(text)[list_key] if isinstance(r, dict)]
    return insert(text, block, entry, layout_of(lines, block), _before(records, str(yaml.safe_load(written)[0]["id"])))


def _place(kind: str, listed: Listed, entry) -> tuple[str, int, int, list]:
    """The file's new text with the entry in its place: (text, first line, last line, where the
    entry is among the file's values: the list and the index it goes at)."""
    lines, block, records = listed.lines, listed.block, listed.records
    layout = layout_of(lines, block)
    if kind != "charge":
        before = _before(records, entry["id"].strip("'"))
        return (*insert(listed.text, block, entry, layout, before), [listed.list_key, len(records) if before is None else before])
    service_id, offer_id, charge = entry
    s = [str(r.get("id")) for r in records].index(service_id)
    if len(block.starts) != len(records):
        raise HandbookUserError("the services in services.yaml are not written one `- ` line each, as the handbook writes them; add the charge by hand", status=1)
    offers = find_block(lines, "offers", entry_key_col(lines[block.starts[s]]), block.starts[s], block.ends[s])
    o = [str(x.get("id")) for x in records[s]["offers"]].index(offer_id)
    charges = find_block(lines, "charges", entry_key_col(lines[offers.starts[o]]), offers.starts[o], offers.ends[o])
    spaced = layout_of(lines, charges).spaced
    where = ["services", s, "offers", o, "charges", len(charges.starts)]
    return (*insert(listed.text, charges, charge, Layout(layout.indent, layout.offset, layout.flow, spaced)), where)


def _remember(listed: Listed, text: str, first: int, last: int, where: list) -> None:
    """Seeds the loader's cache with the new text's values: the old text's (read without a problem)
    with the entry's, read from its own lines, put in its place. Why: validating the new text
    would otherwise compose the whole file again (a third of a second at 1,000 services) to learn
    only what the inserted lines hold. Any problem in those lines skips the seeding, so validation
    then reads and reports them itself."""
    from handbook.data.load import load_text
    from handbook.data.valuecache import remember

    lines = text.splitlines(keepends=True)[first - 1 : last]
    dash = len(lines[0]) - len(lines[0].lstrip(" "))
    snippet, problems = load_text("".join(line[dash:] for line in lines), "entry")
    if snippet is None or problems or not isinstance(snippet.value, list) or len(snippet.value) != 1:
        return
    remember(text, _inserted(listed.value, where, snippet.value[0]))


def _inserted(value: Any, where: list, item: Any) -> Any:
    """`value` with `item` inserted at the path `where` (its last step an index); the mappings and
    lists along the path are copied, everything else shared (a deep copy costs more than the read)."""
    if len(where) == 1:
        return [*value[: where[0]], item, *value[where[0] :]]
    copied = copy.copy(value)
    copied[where[0]] = _inserted(value[where[0]], where[1:], item)
    return copied


def _check_fields(kind: str, fields: dict[str, str]) -> None:
    unknown = sorted(name for name in fields if not new_fields.known(kind, name))
    if unknown:
        raise HandbookUserError(f"unknown field(s) {', '.join(unknown)}; the fields are: {', '.join(new_fields.FIELDS[kind])} (see handbook new --help)")


def _carry_on(asker: Asker, kind: str, saved: dict[str, str]) -> bool:
    asker.say(f"You began adding a {kind} and gave {len(saved)} answer{'s' if len(saved) != 1 else ''} ({', '.join(list(saved)[:4])}{'…' if len(saved) > 4 else ''}).")
    answer = asker.ask("", "Carry on from there? [y/n]", default="y", check=lambda a: None if a.lower() in ("y", "yes", "n", "no") else "answer y or n")
    asker.answers.pop("", None)
    return answer.lower() in ("y", "yes")


class _Loading:
    """The engine's imports and the data's ids, loaded in a thread while the first answer is typed.

    Why a thread is safe here: the main thread only waits at the terminal meanwhile (`input`
    releases the GIL), and it joins before it touches anything the thread loads.
    """

    def __init__(self, data_dir: Path) -> None:
        self._result: Any = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(data_dir,), daemon=True)
        self._thread.start()

    def _run(self, data_dir: Path) -> None:
        try:
            from handbook.commands import new_questions

            self._result = (new_questions, *known_data(data_dir))
        except BaseException as error:  # handed to the main thread by `result`
            self._error = error

    def result(self) -> tuple:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._result


def new_entry(kind: str, data_dir: Path, fields: dict[str, str], interactive: bool, today: dt.date | None = None,
              read=None, say=None) -> str:
    """Adds a `kind` built from `fields` and the answers to the data; says where."""
    if kind not in FILES:
        raise HandbookUserError(f"cannot add a {kind!r}; choose service, contact or charge")
    today = today or dt.date.today()
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise HandbookUserError(f"there is no data folder at {display_path(data_dir)}")
    _check_fields(kind, fields)
    loading = _Loading(data_dir)
    asker = Asker(interactive, {k: v for k, v in fields.items() if v != ""}, read or console_read, say or console_say)
    saved = _saved(data_dir, kind) if interactive else {}
    if saved and _carry_on(asker, kind, saved):
        asker.answers = saved | asker.answers
    elif interactive:
        resume_file(data_dir, kind).unlink(missing_ok=True)
    try:
        if interactive and kind in new_fields.FIRST:  # asked while the engine loads; checked with the others
            asker.ask(*new_fields.FIRST[kind])
        try:
            new_questions, known, files = loading.result()
        except KeyboardInterrupt:
            raise Stopped(interrupted=True) from None
        entry = getattr(new_questions, kind)(asker, known, today)
    except Stopped as stop:
        if not asker.answers:
            raise HandbookUserError("stopped before any answer was given; nothing was kept" + ("" if stop.interrupted else _hint(kind)), status=130 if stop.interrupted else 2) from None
        where = _keep(data_dir, kind, asker.answers)
        said = f"stopped; your {len(asker.answers)} answers are kept in {where}, and `handbook new {kind}` offers to carry on from them"
        raise HandbookUserError(said + ("" if stop.interrupted else _hint(kind)), status=130 if stop.interrupted else 2) from None
    if asker.missing:
        raise HandbookUserError(f"missing required field(s): {', '.join(asker.missing)}; give each as -f NAME=VALUE, or run without --no-input to be asked")
    stem, list_key = FILES[kind]
    path = data_dir / f"{stem}.yaml"
    if path.read_text(encoding="utf-8-sig") != files[stem].text:  # saved by the officer while the questions ran
        files = known_data(data_dir)[1]
    text, first, last, where = _place(kind, files[stem], entry)
    _remember(files[stem], text, first, last, where)
    problems, located = _problems_with(data_dir, path, text, today)
    if problems:
        kept = ""
        if interactive:
            blamed = {name for line, where in located if first <= line <= last and (name := _answer_of(kind, where)) in asker.answers}
            again = f", but for {', '.join(sorted(blamed))}, which it asks again" if blamed else ""
            kept = f"\nYour answers are kept in {_keep(data_dir, kind, {k: v for k, v in asker.answers.items() if k not in blamed})}; `handbook new {kind}` carries on from them{again}."
        raise HandbookUserError(f"the new {kind} (lines {first}-{last} of {display_path(path)}) would not be valid, so nothing was written:\n{problems}{kept}", status=1)
    path.write_text(text, encoding="utf-8-sig" if path.read_bytes().startswith(b"\xef\xbb\xbf") else "utf-8")  # a byte-order mark kept
    resume_file(data_dir, kind).unlink(missing_ok=True)
    if kind == "charge":
        what = f"a price for {asker.answers['charge_settings']} to {entry[0]}/{entry[1]}"
    else:
        what = f"the {kind} {asker.answers.get('name') or asker.answers.get('title')!r} ({asker.answers['id']})"
    return f"Added {what} in {display_path(path)}:{first} (lines {first}-{last}). Check the wording there, then run `handbook validate`."


def _hint(kind: str) -> str:
    return f" (there was no more input; give the missing fields as -f NAME=VALUE, or add --no-input to list every missing field; `handbook new {kind} --help` lists them)"


_OFFER = {"name": "offer_name", "id": "offer_id", "kind": "offer_kind", "terms": "contract_year"}


def _answer_of(kind: str, where: str) -> str:
    """The answer a problem in the new entry is about: `services[3].contacts[0]` -> `contacts`,
    `…offers[0].charges[1].vat` -> `vat.2`, `…offers[0].name` -> `offer_name`."""
    rest = where.split("].", 1)[1] if "]." in where else where
    if found := re.search(r"charges\[(\d+)\]\.(\w+)", rest):
        field = "charge_settings" if found.group(2) == "settings" else found.group(2)
        return field if kind == "charge" or found.group(1) == "0" else f"{field}.{int(found.group(1)) + 1}"
    if found := re.match(r"offers\[\d+\]\.(\w+)", rest):
        return _OFFER.get(found.group(1), found.group(1))
    if rest.startswith("statutory_basis"):
        return "statutory_act"
    if rest.startswith(("audience.", "holder.")):
        return {"holder.name": "holder", "holder.consent_to_publish": "consent_to_publish"}.get(rest.split("[")[0], rest.split(".")[1].split("[")[0])
    return re.match(r"\w*", rest).group(0)


def _problems_with(data_dir: Path, path: Path, text: str, today: dt.date) -> tuple[str, list[tuple[int, str]]]:
    """Validation's errors for the data with `text` in place of `path`, located in the real files,
    and the (line, field) of those in that file.

    Why a scratch folder of links: the real file is never written with an entry that fails, and
    the other files (read from the cache) are not copied.
    """
    import tempfile

    from handbook.data.report import render
    from handbook.data.validate import validate

    with tempfile.TemporaryDirectory(prefix="handbook-new-") as temp:
        trial = Path(temp) / data_dir.name
        trial.mkdir()
        for item in data_dir.iterdir():
            if item.name != path.name:
                (trial / item.name).symlink_to(item.resolve(), target_is_directory=item.is_dir())
        (trial / path.name).write_text(text, encoding="utf-8")
        result = validate(trial, today, warnings=False)
        if result.ok:
            return "", []
        located = [(p.line, p.path) for p in result.errors if p.file == display_path(trial / path.name)]
        return render(result.errors).replace(display_path(trial), display_path(data_dir)), located
