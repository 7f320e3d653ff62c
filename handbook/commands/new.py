"""new: answers (options or questions) -> a new, valid service or contact in the data file.

Input: the kind (`service` or `contact`), the data folder and the field values given so far;
missing required values are asked for when interactive. Output: the entry added to
services.yaml or contacts.yaml, and a sentence saying where. The entry is written with
ruamel.yaml's round-trip mode, so every other byte of the file (comments, blank lines, quoting)
stays as the officer left it; the result is checked to be a pure insertion and validated on a
copy of the data before the real file is touched. It never writes an entry that does not validate.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from handbook.core.errors import HandbookUserError
from handbook.data.messages import check_message, shown, unknown_unit
from handbook.data.model.contacts import Role
from handbook.data.model.services import OfferKind, Provision, Service, Vat
from handbook.data.model.types import Phase, Setting
from handbook.data.model.units import LEGACY, parse_unit
from handbook.data.report import render
from handbook.data.validate import display_path, validate


@dataclass(frozen=True)
class Question:
    name: str
    prompt: str
    required: bool = True
    choices: tuple[str, ...] = ()
    many: bool = False  # a comma-separated list
    when: Callable[[dict[str, str]], bool] = lambda answers: True
    check: Callable[[str], str | None] = lambda answer: None  # what is wrong with an answer, or None


def _values(enum) -> tuple[str, ...]:
    return tuple(e.value for e in enum)


def _not(provision: str) -> Callable[[dict[str, str]], bool]:
    return lambda answers: answers.get("provision") != provision


def _unit_problem(answer: str) -> str | None:
    """Why `answer` is not a unit as the handbook writes it now (an old phrase is asked again), or None."""
    try:
        unit = parse_unit(answer)
    except ValueError as error:
        return unknown_unit(answer, str(error).split(":", 1)[1] or None)
    if unit.legacy:
        read_as, fix = LEGACY[unit.written]
        return check_message("unit.legacy", written=shown(unit.written), read_as=read_as, fix=fix)
    return None


_S = Service.model_fields
SERVICE_QUESTIONS = [
    Question("id", "Id for the web address (lower-case words joined by hyphens, e.g. music-tuition)"),
    Question("name", _S["name"].description),
    Question("summary", _S["summary"].description),
    Question("description", _S["description"].description),
    Question("category", "Category (its id in the categories list of services.yaml)"),
    Question("provision", _S["provision"].description, choices=_values(Provision)),
    Question("phases", "Phases it is for, separated by commas", choices=_values(Phase), many=True),
    Question("settings", "Kinds of school it is for, separated by commas", choices=_values(Setting), many=True),
    Question("statutory_act", "The Act or regulations behind the statutory part, e.g. Education Act 1996", when=_not("traded")),
    Question("statutory_section", "Section, e.g. s.19 (optional)", required=False, when=_not("traded")),
    Question("offer_name", "Name of what schools can buy, e.g. Annual service level agreement", when=_not("statutory")),
    Question("offer_kind", "Kind of offer", choices=_values(OfferKind), when=_not("statutory")),
    Question("amount", "Price in pounds without £ (e.g. 450 or 1250.50), or poa for price on application", when=_not("statutory")),
    Question("unit", "What the price is multiplied by, e.g. per pupil per year, per delegate per half day, per day or flat fee", when=_not("statutory"), check=_unit_problem),
    Question("vat", "VAT treatment", choices=_values(Vat), when=_not("statutory")),
    Question("how_to_buy", _S["how_to_buy"].description),
    Question("contacts", "Contact roles (ids in contacts.yaml), separated by commas; the first is the main contact", many=True),
    Question("owner", _S["owner"].description),
]
# Fields with a sensible default, never asked for; give them as -f NAME=VALUE to set them.
SERVICE_OPTIONAL = ["number", "offer_id", "charge_settings", "valid_from", "last_reviewed", "review_due", "visibility", "keywords"]

_R = Role.model_fields
CONTACT_QUESTIONS = [
    Question("id", "Id of the role (lower-case words joined by hyphens, e.g. head-of-music)"),
    Question("title", _R["title"].description),
    Question("team", _R["team"].description),
    Question("email", "The role's mailbox (leave empty if it only has a phone)", required=False),
    Question("phone", "The role's telephone number (optional)", required=False),
    Question("holder", "Name of the person in the role (optional; leave empty if vacant or they have not agreed to be named)", required=False),
]
CONTACT_OPTIONAL = ["consent_to_publish", "vacant", "last_reviewed", "review_due", "visibility"]


def _ask(question: Question, answers: dict[str, str]) -> str:
    choices = f" [{', '.join(question.choices)}]" if question.choices else ""
    while True:
        try:
            answer = input(f"{question.prompt.rstrip('.')}{choices}: ").strip()
        except EOFError:  # run from a script or CI with nothing to read: say what to pass instead
            print()
            raise HandbookUserError(f"no answer for {question.name!r} (there was no more input); give it as -f {question.name}=VALUE, or add --no-input to list every missing field") from None
        if not answer and question.required:
            print("This one is needed.")
        elif answer and (problem := question.check(answer)):
            print(f"{problem[0].upper()}{problem[1:]}" + ("" if problem.endswith("?") else "."))
        else:
            return answer


def gather(questions: list[Question], optional: list[str], fields: dict[str, str], interactive: bool) -> dict[str, str]:
    """The answers: given fields first, then questions for what is missing (or an error)."""
    known = {q.name for q in questions} | set(optional)
    unknown = sorted(set(fields) - known)
    if unknown:
        raise HandbookUserError(f"unknown field(s) {', '.join(unknown)}; the fields are: {', '.join(sorted(known))}")
    answers = {k: v for k, v in fields.items() if v != ""}
    missing = []
    for q in questions:
        if q.name in answers and q.when(answers) and (problem := q.check(answers[q.name])):
            raise HandbookUserError(f"{q.name}: {problem}")
        if q.name in answers or not q.when(answers):
            continue
        if interactive:
            value = _ask(q, answers)
            if value:
                answers[q.name] = value
        elif q.required:
            missing.append(q.name)
    if missing:
        raise HandbookUserError(f"missing required field(s): {', '.join(missing)}; give each as -f NAME=VALUE, or run without --no-input to be asked")
    return answers


def _flow(items: list) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def _list(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _date(text: str | None, default: dt.date, name: str) -> dt.date:
    if not text:
        return default
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise HandbookUserError(f"{name} should be a date written as 2026-09-01, not {text!r}") from error


def _amount(text: str) -> int | float | None:
    if text.lower() in ("poa", "price on application"):
        return None
    try:
        value = Decimal(text)
    except InvalidOperation as error:
        raise HandbookUserError(f"amount should be a number of pounds such as 450 or 1250.50 (no £ or commas), or poa, not {text!r}") from error
    return int(value) if value == value.to_integral_value() else float(value)


def _whole(text: str, name: str) -> int:
    if not text.isdigit():
        raise HandbookUserError(f"{name} should be a whole number such as 4, not {text!r}")
    return int(text)


def next_number(handbook, category: str) -> int:
    """The next free number of a category: after every number its services (internal ones too) have."""
    return max((s.number for s in handbook.services.services if s.category == category and s.number is not None), default=0) + 1


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _reviewed(answers: dict[str, str], today: dt.date, entry: CommentedMap) -> None:
    last = _date(answers.get("last_reviewed"), today, "last_reviewed")
    try:
        default_due = last.replace(year=last.year + 1)
    except ValueError:  # 29 February
        default_due = last + dt.timedelta(days=365)
    entry["last_reviewed"] = last
    entry["review_due"] = _date(answers.get("review_due"), default_due, "review_due")


def service_entry(answers: dict[str, str], today: dt.date, financial_year_start: dt.date) -> CommentedMap:
    """A services.yaml entry, fields in the order the model (and the guide) lists them."""
    e = CommentedMap()
    e["id"] = answers["id"]
    if answers.get("number"):
        e["number"] = _whole(answers["number"], "number")
    for name in ("name", "summary", "description", "category", "provision"):
        e[name] = answers[name]
    if answers["provision"] != "traded":
        basis = CommentedMap(act=answers["statutory_act"])
        if answers.get("statutory_section"):
            basis["section"] = answers["statutory_section"]
        e["statutory_basis"] = [basis]
    e["audience"] = CommentedMap(phases=_flow(_list(answers["phases"])), settings=_flow(_list(answers["settings"])))
    if answers["provision"] != "statutory":
        charge = CommentedMap()
        amount = _amount(answers["amount"])
        if amount is None:
            charge["price_on_application"] = True
        else:
            charge["amount"] = amount
        charge["unit"] = parse_unit(answers["unit"]).value  # as the guide writes it: `per pupil per day`
        charge["settings"] = _flow(_list(answers.get("charge_settings") or answers["settings"]))
        charge["vat"] = answers["vat"]
        charge["valid_from"] = _date(answers.get("valid_from"), financial_year_start, "valid_from")
        offer = CommentedMap(id=answers.get("offer_id") or _slug(answers["offer_name"]), name=answers["offer_name"], kind=answers["offer_kind"])
        offer["charges"] = [charge]
        e["offers"] = [offer]
    e["how_to_buy"] = answers["how_to_buy"]
    e["contacts"] = _flow(_list(answers["contacts"]))
    e["owner"] = answers["owner"]
    _reviewed(answers, today, e)
    if answers.get("visibility"):
        e["visibility"] = answers["visibility"]
    if answers.get("keywords"):
        e["keywords"] = _flow(_list(answers["keywords"]))
    return e


def contact_entry(answers: dict[str, str], today: dt.date) -> CommentedMap:
    e = CommentedMap()
    for name in ("id", "title", "team", "email", "phone"):
        if answers.get(name):
            e[name] = answers[name]
    if answers.get("holder"):
        consent = answers.get("consent_to_publish", "").lower() in ("true", "yes", "y")
        e["holder"] = CommentedMap(name=answers["holder"], consent_to_publish=consent)
    elif answers.get("vacant", "").lower() in ("true", "yes", "y"):
        e["vacant"] = True
    _reviewed(answers, today, e)
    if answers.get("visibility"):
        e["visibility"] = answers["visibility"]
    return e


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap an officer's long line
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def insert_entry(text: str, list_key: str, entry: CommentedMap) -> tuple[str, int]:
    """`text` with `entry` added to its top-level list `list_key`; (new text, entry's first line).

    Kept in id order when the list already is; otherwise appended. Why the check after
    dumping: ruamel keeps almost everything, and "almost" is not good enough for an officer's
    file, so anything but a clean insertion is refused rather than written.
    """
    yaml = _yaml()
    data = yaml.load(text)
    items = data[list_key]
    ids = [item.get("id") for item in items]
    at = len(items)
    if ids == sorted(ids):
        at = next((i for i, existing in enumerate(ids) if existing > entry["id"]), len(items))
    items.insert(at, entry)
    out = io.StringIO()
    yaml.dump(data, out)
    old, new = text.splitlines(keepends=True), out.getvalue().splitlines(keepends=True)
    ops = [op for op in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes() if op[0] != "equal"]
    if len(ops) != 1 or ops[0][0] != "insert":
        raise HandbookUserError(f"the file's layout cannot be kept exactly while adding the entry; add it by hand:\n{_dumped(entry)}", status=1)
    _, i, _, j1, j2 = ops[0]
    block = new[j1:j2]
    # ruamel hangs blank lines and comments on the entry before them, but they introduce what
    # follows (`# Shared contact points`), so the new entry goes above them.
    while i > 0 and (not old[i - 1].strip() or old[i - 1].lstrip().startswith("#")):
        i -= 1
    if not block[-1].endswith("\n"):
        block[-1] += "\n"
    # Match the list's spacing: a blank line between entries where the file has one.
    spaced = len(items) > 2 and any(line.strip() == "" for line in old[items[0].lc.line : items[1].lc.line])
    if spaced:
        if i > 0 and old[i - 1].strip() and old[i - 1].rstrip() != f"{list_key}:":
            block.insert(0, "\n")
        if i < len(old) and old[i].lstrip().startswith("- "):
            block.append("\n")
    if i > 0 and not old[i - 1].endswith("\n"):
        old[i - 1] += "\n"  # a file without a final newline: the entry starts on its own line
    lines = old[:i] + block + old[i:]
    first = i + 1 + (block[0] == "\n")
    return "".join(lines), first


def _dumped(entry: CommentedMap) -> str:
    out = io.StringIO()
    _yaml().dump([entry], out)
    return out.getvalue()


def new_entry(kind: str, data_dir: Path, fields: dict[str, str], interactive: bool, today: dt.date | None = None) -> str:
    """Add a service or contact built from `fields` (and answers) to the data; say where."""
    from handbook.data.validate import load_handbook

    today = today or dt.date.today()
    data_dir = Path(data_dir)
    handbook = load_handbook(data_dir, today)  # a file with errors is fixed first, not added to
    if kind == "service":
        answers = gather(SERVICE_QUESTIONS, SERVICE_OPTIONAL, fields, interactive)
        if any(s.number is not None for s in handbook.services.services):  # the file keeps references: so does the new one
            answers.setdefault("number", str(next_number(handbook, answers["category"])))
        start = int(handbook.authority.edition.covers.financial_year[:4])
        entry, stem, list_key, label = service_entry(answers, today, dt.date(start, 4, 1)), "services", "services", answers["name"]
    elif kind == "contact":
        answers = gather(CONTACT_QUESTIONS, CONTACT_OPTIONAL, fields, interactive)
        entry, stem, list_key, label = contact_entry(answers, today), "contacts", "roles", answers["title"]
    else:
        raise HandbookUserError(f"cannot add a {kind!r}; choose service or contact")
    path = data_dir / f"{stem}.yaml"
    text, line = insert_entry(path.read_text(encoding="utf-8"), list_key, entry)
    with tempfile.TemporaryDirectory(prefix="handbook-new-") as temp:
        trial = Path(temp) / "data"
        shutil.copytree(data_dir, trial)
        (trial / path.name).write_text(text, encoding="utf-8")
        result = validate(trial, today)
        if not result.ok:
            problems = render(result.errors).replace(display_path(trial), display_path(data_dir))
            raise HandbookUserError(f"the new {kind} would not be valid, so nothing was written:\n{problems}", status=1)
    path.write_text(text, encoding="utf-8")
    return f"Added the {kind} {label!r} ({entry['id']}) to {display_path(path)}:{line}. Check the wording there, then run `handbook validate`."
