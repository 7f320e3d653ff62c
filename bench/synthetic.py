"""synthetic: data folders made from the sample's, for benchmarks and scale tests.

Input: a valid data folder. Output: a copy of it with a new services.yaml. `make_data` clones
the sample's public services round-robin (new ids and names, related links dropped so every
reference still resolves). `make_largest` writes the largest services.yaml that `handbook.core.limits`
allows, in one of several shapes (`SHAPES`): the most services, fields at their longest and
lists at their longest, as many as fit in `MAX_FILE_BYTES`, so `make bench` can measure what the
worst valid pull request costs; `make_everything` adds the other printed files at their largest
(records cloned, text at its longest, within `MAX_PRINTED_TEXT`). It writes files; nothing else
in the engine calls it.
"""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

import yaml
from pydantic import BaseModel, StringConstraints

from handbook.core import limits
from handbook.data.checks.printed import text_characters
from handbook.data.load import load_file

HEADER = "# yaml-language-server: $schema=../schema/services.schema.json\n"
# Ordinary words of the handbook, so lines break as real prose does.
WORDS = (
    "schools governors budget support visit training advice term pupils council service staff "
    "leaders safeguarding curriculum attendance admissions finance planning review contract "
    "teachers headteacher academy maintained special primary secondary families learning"
).split()


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Writes text with several lines as a `|` block and repeats shared values, as an officer would."""

    def ignore_aliases(self, data: Any) -> bool:  # the loader refuses anchors and aliases
        return True


_Dumper.add_representer(str, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None))


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _copy(source: Path, target: Path) -> dict:
    """`source` copied to `target` (no archive, no previous edition); returns its services.yaml's values."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("archive"))
    doc, problems = load_file(source / "services.yaml")
    if doc is None:
        raise ValueError(f"cannot read {source / 'services.yaml'}: {problems}")
    authority = target / "authority.yaml"
    # The archive is not copied, so the synthetic edition has no previous one to compare with.
    authority.write_text("\n".join(l for l in authority.read_text(encoding="utf-8").splitlines() if not l.strip().startswith("previous:")) + "\n", encoding="utf-8")
    return _plain(doc.value)


def _dump(content: dict) -> str:
    return HEADER + yaml.dump(content, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


def make_data(source: Path, target: Path, count: int) -> Path:
    """Copy `source` to `target` with `count` services; returns `target`."""
    values = _copy(source, target)
    templates = [s for s in values["services"] if s.get("visibility", "public") == "public"]
    services = []
    numbers: dict[str, int] = {}  # each clone its own number in its category, as officers keep them
    for i in range(count):
        service = dict(templates[i % len(templates)])
        service["id"] = f"{service['id']}-{i + 1:04d}"
        numbers[service["category"]] = numbers.get(service["category"], 0) + 1
        service["number"] = numbers[service["category"]]
        service["name"] = f"{service['name']} {i + 1}"
        service["related"] = []
        services.append(service)
    (target / "services.yaml").write_text(_dump({"categories": values["categories"], "services": services}), encoding="utf-8")
    return target


def largest_count(source: Path, work: Path) -> int:
    """How many services `make_data` may clone from `source` and stay valid: at most
    `MAX_SERVICES`, few enough that services.yaml fits in `MAX_FILE_BYTES` and that their
    charges are at most `MAX_TOTAL_CHARGES`."""
    size = lambda count: (make_data(source, work, count) / "services.yaml").stat().st_size  # noqa: E731
    per_service = (size(20) - size(10)) / 10
    count = min(limits.MAX_SERVICES, int((limits.MAX_FILE_BYTES - size(10)) / per_service) + 10)
    services = _plain(load_file(source / "services.yaml")[0].value)["services"]  # make_data's templates, in turn
    templates = [sum(len(o.get("charges", [])) for o in s.get("offers", [])) for s in services if s.get("visibility", "public") == "public"]
    charges = lambda count: sum(templates[i % len(templates)] for i in range(count))  # noqa: E731
    while count > 1 and charges(count) > limits.MAX_TOTAL_CHARGES:
        count -= 1
    while count > 1 and size(count) > limits.MAX_FILE_BYTES:
        count -= max(1, count // 50)
    shutil.rmtree(work, ignore_errors=True)
    return count


def words(length: int, start: int = 0) -> str:
    """Ordinary words, exactly `length` characters long (`start` varies which words)."""
    out, total, i = [], 0, start
    while total < length:
        word = WORDS[i % len(WORDS)]
        out.append(word)
        total += len(word) + 1
        i += 7
    return " ".join(out)[:length].rstrip().ljust(length, "s")


def _paragraphs(length: int, start: int, lines: int = limits.MAX_HOW_TO_BUY_LINES) -> str:
    """Markdown prose of `length` characters or fewer in at most `lines` lines: paragraphs
    separated by blank lines, each as long as that leaves (about 600 characters at least)."""
    count = max(1, min((lines + 1) // 2, length // 600))
    size = max(1, (length - 2 * (count - 1)) // count)
    return "\n\n".join(words(size, start + i) for i in range(count))[:length]


def _lines(marker: str, lines: int = limits.MAX_HOW_TO_BUY_LINES) -> str:
    """`lines` short lines of Markdown, each starting with `marker` (`- `: list items): the
    most printed lines per byte the limits allow."""
    return "\n".join(f"{marker}{'abcdefghijklmnopqrstuvwxyz'[i % 26]}{i:02d}" for i in range(lines))


def _charges(count: int, template: dict) -> list[dict]:
    """`count` charges of an offer, each with its own label so no two compete for one school."""
    return [
        {"label": words(24, i).strip() + f" {i + 1}", "amount": 100 + i, "unit": "per day", "settings": list(template["settings"]), "vat": "exempt", "valid_from": template["valid_from"]}
        for i in range(count)
    ]


def _service(shape: str, n: int, base: dict, charge: dict, per_service: int, offers: int = limits.MAX_OFFERS, charges: int = 1) -> dict:
    """Service number `n` of the given shape, built on `base` (a valid public service's references).

    `charges` is this service's share of `MAX_TOTAL_CHARGES` where the shape spreads it (`dense`).
    """
    short = shape in ("lines", "dense")  # the most services in the file: short name and summary
    service: dict[str, Any] = {
        "id": f"service-{n:04d}",
        "name": f"Service {n:04d}" + ("" if short else " " + words(limits.MAX_NAME - 13, n)),
        "summary": words(10 if short else limits.MAX_SUMMARY, n),
        "description": words(10 if short else 40, n),
        "category": base["category"],
        "provision": "traded",
        "audience": base["audience"],
        "offers": [{"id": "offer-1", "name": words(10 if short else 40, n), "kind": "package", "charges": _charges(1, charge)}],
        "how_to_buy": words(60, n),
        "contacts": base["contacts"],
        "owner": base["owner"],
        "last_reviewed": base["last_reviewed"],
        "review_due": base["review_due"],
    }
    # The PDF prints a service's name, summary, how to buy it, its offers' terms and its charges
    # (its description and lists are on the website only), so the shapes fill those.
    if shape == "prose":
        service["how_to_buy"] = _paragraphs(limits.MAX_MARKDOWN, n)
    elif shape in ("lines", "dense"):
        service["how_to_buy"] = _lines("- ")
        if shape == "dense":
            service["offers"][0]["charges"] = _charges(charges, charge)
    elif shape == "lists":
        for key in ("included", "excluded", "outcomes"):
            service[key] = [words(40, n + i) for i in range(limits.MAX_LIST)]
    elif shape == "charges":
        service["offers"] = [
            {"id": f"offer-{o + 1}", "name": words(40, o), "kind": "package", "charges": _charges(limits.MAX_CHARGES, charge)}
            for o in range(offers)
        ]
    elif shape == "services":
        # Every service the same share of the file: how to buy it takes what the rest leaves.
        service["how_to_buy"] = _paragraphs(max(60, per_service - 1_200), n)
    else:
        raise ValueError(f"unknown shape {shape!r}; one of {', '.join(SHAPES)}")
    return service


SHAPES = ("prose", "lines", "lists", "charges", "services", "dense")


def _within_total(services: list[dict]) -> list[dict]:
    """`services` cut to `MAX_TOTAL_CHARGES` charges in all: the last offers lose charges, and a
    service left without any is dropped."""
    left, kept = limits.MAX_TOTAL_CHARGES, []
    for service in services:
        offers = []
        for offer in service["offers"]:
            if left == 0:
                break
            offers.append(dict(offer, charges=offer["charges"][:left]))
            left -= len(offers[-1]["charges"])
        if not offers:
            break
        kept.append(dict(service, offers=offers))
    return kept


def make_largest(source: Path, target: Path, shape: str, max_bytes: int = limits.MAX_FILE_BYTES) -> Path:
    """Copy `source` to `target` with the largest services.yaml the limits allow, in `shape`.

    Why shapes: the PDF's cost per byte depends on what the bytes are (a paragraph of prose is
    cheap, a table cell or a charge row dear), so the worst valid input is found by measuring
    each: `prose` (how to buy, the Markdown the PDF prints, at its longest), `lines` (how to buy as
    short list items, as many as allowed; a table or headings there are refused, see
    `handbook.data.checks.printed`), `lists` (every list at its
    longest), `charges` (offers full of charges, up to `MAX_TOTAL_CHARGES`), `services`
    (`MAX_SERVICES` services sharing the file evenly), `dense` (`lines` with the handbook's
    charges spread over its services: everything the limits let a byte print). Each has as many
    services as fit in `max_bytes` (at most `MAX_SERVICES`).

    Returns:
        `target`.
    """
    values = _copy(source, target)
    base = next(s for s in values["services"] if s.get("visibility", "public") == "public" and s.get("offers"))
    charge = base["offers"][0]["charges"][0]
    per_service = max_bytes // limits.MAX_SERVICES
    categories = values["categories"]
    one = len(_dump({"categories": categories, "services": [_service(shape, 1, base, charge, per_service)]}).encode("utf-8"))
    head = len(_dump({"categories": categories, "services": []}).encode("utf-8"))
    count = max(1, min(limits.MAX_SERVICES, (max_bytes - head) // max(1, one - head)))
    offers = limits.MAX_OFFERS

    def services(count: int) -> list[dict]:
        share = limits.MAX_TOTAL_CHARGES // count  # `dense` spreads the handbook's charges evenly
        made = [_service(shape, n + 1, base, charge, per_service, offers, min(limits.MAX_CHARGES, max(1, share + (n < limits.MAX_TOTAL_CHARGES % count)))) for n in range(count)]
        return _within_total(made)

    while True:  # the estimate is close; drop services (then offers of one) until the file fits
        text = _dump({"categories": categories, "services": services(count)})
        size = len(text.encode("utf-8"))
        if size <= max_bytes or (count == 1 and offers == 1):
            break
        if count > 1:  # in proportion to the excess, and at least one
            count = max(1, min(count - 1, int(count * max_bytes / size)))
        else:
            offers -= 1
    (target / "services.yaml").write_text(text, encoding="utf-8")
    return target


# The files besides services.yaml and authority.yaml, each with its model (`make_everything`).
OTHER_FILES = limits.PRINTED_FILES


def _longest(annotation: Any, metadata: list, value: Any, n: int) -> Any:
    """`value` with every free text in it (a `Name`, `Text` or `Summary`: a length limit and no
    pattern) at its longest, read from the model's annotation; ids, e-mails and dates are kept."""
    while True:  # Optional[...] and Annotated[...] down to the type, collecting constraints
        if get_origin(annotation) is Annotated:
            annotation, *extra = get_args(annotation)
            metadata = [*metadata, *extra]
        elif get_origin(annotation) is Union or type(annotation).__name__ == "UnionType":
            annotation = next(a for a in get_args(annotation) if a is not type(None))
        else:
            break
    if isinstance(value, str):
        limit = next((m for m in metadata if isinstance(m, StringConstraints)), None)
        if limit is None or limit.pattern or not limit.max_length:
            return value
        prefix = f"{n} "  # each record's text its own, as no two records' names are alike
        return prefix + words(limit.max_length - len(prefix), n)
    if isinstance(value, list) and get_origin(annotation) is list:
        (item,) = get_args(annotation)
        return [_longest(item, [], v, n + i) for i, v in enumerate(value)]
    if isinstance(value, dict) and isinstance(annotation, type) and issubclass(annotation, BaseModel):
        fields = annotation.model_fields
        return {k: _longest(fields[k].annotation, fields[k].metadata, v, n) if k in fields else v for k, v in value.items()}
    return value


def _records_file(model: Any, values: dict, count: int, longest: bool = True) -> dict:
    """`values` with each list of records (`MAX_RECORDS` long at most) grown to `count`: the
    sample's records as written (the other files refer to them), then clones of its public ones
    in turn with new ids and every free text at its longest (what they refer to is the
    sample's, so every reference resolves)."""
    out = dict(values)
    for key, field in model.model_fields.items():
        records = values.get(key)
        limit = next((m.max_length for m in field.metadata if hasattr(m, "max_length")), None)
        if not isinstance(records, list) or limit != limits.MAX_RECORDS or not records or not isinstance(records[0], dict):
            continue
        templates = [r for r in records if r.get("visibility", "public") == "public"] or records
        (item,) = get_args(field.annotation)
        made = list(records)  # as written: the other files refer to them
        for i in range(len(made), count):
            record = dict(templates[i % len(templates)], id=f"{key.replace('_', '-')}-{i + 1:04d}")
            made.append(_longest(item, [], record, i + 1) if longest else record)
        out[key] = made
    return out


def make_everything(source: Path, target: Path, max_bytes: int = limits.MAX_FILE_BYTES, longest: bool = True) -> Path:
    """Copy `source` to `target` with every data file at its largest: services.yaml in its
    dearest shape (`dense`) and each of `OTHER_FILES` with its lists of records as long as
    `MAX_RECORDS`, `max_bytes` and an equal share of `MAX_PRINTED_TEXT` allow (the sample's
    records, then clones with every free text at its longest; with `longest` False, clones as
    the sample's are, so the share holds more records: more rows for the same text).

    Why: the PDF prints these files too (contacts, groups, protocols, publications, the
    structure), and an officer's pull request may fill any of them.

    Returns:
        `target`.
    """
    from handbook.data.model.handbook import FILES

    make_largest(source, target, "dense", max_bytes)
    share = limits.MAX_PRINTED_TEXT // len(OTHER_FILES)  # each file an equal part of the text they may print together
    for stem in OTHER_FILES:
        doc, problems = load_file(source / f"{stem}.yaml")
        if doc is None:
            raise ValueError(f"cannot read {source / stem}.yaml: {problems}")
        values, model = _plain(doc.value), FILES[stem]
        header = f"# yaml-language-server: $schema=../schema/{stem}.schema.json\n"

        def written(count: int) -> str | None:
            """The file with `count` records a list, or None if it is over its bytes or its share."""
            content = _records_file(model, values, count, longest)
            text = header + yaml.dump(content, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
            fits = len(text.encode("utf-8")) <= max_bytes and sum(n for _, n in text_characters(content)) <= share
            return text if fits else None

        low, high = 1, limits.MAX_RECORDS  # the most records that fit: more records never fit better
        while low < high:
            middle = (low + high + 1) // 2
            low, high = (middle, high) if written(middle) is not None else (low, middle - 1)
        (target / f"{stem}.yaml").write_text(written(low) or "", encoding="utf-8")
    return target
