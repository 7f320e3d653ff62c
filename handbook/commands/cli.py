"""cli: parse arguments, call one engine function, report, return an exit code. Nothing else.

Exit codes: 0 clean (warnings allowed), 1 the data (or a build) has errors, 2 bad usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from handbook.core.errors import HandbookUserError

DATA_HELP = "the data folder (default: data)"
# handbook.site.generators.NAMES, the default first; written here so `--help` imports no engine.
GENERATORS = ("properdocs", "mkdocs", "zensical")


def _validate(args: argparse.Namespace) -> int:
    from handbook.data.report import render, summary
    from handbook.data.validate import validate

    result = validate(args.data)
    if result.problems:
        print(render(result.problems, args.format))
    if args.format == "text":
        print(summary(result.problems), file=sys.stderr)
    return 0 if result.ok else 1


def _schema(args: argparse.Namespace) -> int:
    from handbook.data.schema import write_schemas

    changed = write_schemas(Path(args.out))
    print(f"{len(changed)} schema file(s) updated in {args.out}/" if changed else "The schemas are up to date.")
    return 0


def _build(args: argparse.Namespace) -> int:
    from handbook.commands.build import build

    build(Path(args.data), Path(args.site), pdf=not args.no_pdf, generator=args.generator)
    print(f"Built the site in {args.site}/")
    return 0


def _pdf(args: argparse.Namespace) -> int:
    from handbook.core.project import project_at
    from handbook.pdf.write import write_pdf_for

    path = write_pdf_for(Path(args.data), Path(args.site), project_at(args.config))
    print(f"Wrote {path}")
    return 0


def _diff(args: argparse.Namespace) -> int:
    from handbook.commands.diff import compare_sources
    from handbook.presentation.changes import render_markdown, render_text

    report = compare_sources(args.old, args.new, threshold=args.threshold)
    print(render_markdown(report, heading_level=3) if args.format == "markdown" else render_text(report))
    return 0


def _review(args: argparse.Namespace) -> int:
    from handbook.commands.review import due_items, render_review

    items = due_items(Path(args.data), within_days=args.within)
    print(render_review(items, within_days=args.within))
    return 0


def _new(args: argparse.Namespace) -> int:
    from handbook.commands.new import new_entry

    print(new_entry(args.kind, Path(args.data), dict(args.field or []), interactive=not args.no_input))
    return 0


def _publish(args: argparse.Namespace) -> int:
    from handbook.commands.publish import publish

    print(publish(Path(args.data), push=args.push, with_mike=args.with_mike, generator=args.generator))
    return 0


def _quote(args: argparse.Namespace) -> int:
    from handbook.commands.quote import school_quote
    from handbook.presentation.quote import render

    answer = school_quote(Path(args.data), args.phase, args.setting, args.pupils, args.service, args.quantity)
    sys.stdout.write(render(answer.quote, answer.handbook, args.format, answer.chosen, answer.picked))
    return 0


def _field(text: str) -> tuple[str, str]:
    if "=" not in text:
        raise argparse.ArgumentTypeError(f"{text!r} should be written as name=value")
    name, value = text.split("=", 1)
    return name.strip(), value.strip()


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="handbook", description="Publish the services-to-schools handbook from the YAML in data/.")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    v = sub.add_parser("validate", help="check the data and report every problem with its file, line and field")
    v.add_argument("--data", default="data", help=DATA_HELP)
    v.add_argument("--format", choices=("text", "github", "json"), default="text", help="how to print problems (github: pull-request annotations)")
    v.set_defaults(run=_validate)

    b = sub.add_parser("build", help="validate, then build the website and the PDF into site/ (atomically)")
    b.add_argument("--data", default="data", help=DATA_HELP)
    b.add_argument("--site", default="site", help="where the built site goes (default: site)")
    b.add_argument("--no-pdf", action="store_true", help="skip the PDF edition")
    b.add_argument("--generator", choices=GENERATORS, default=GENERATORS[0], help="the site generator (default: properdocs; mkdocs where MkDocs 1.x is installed; zensical)")
    b.set_defaults(run=_build)

    d = sub.add_parser("pdf", help="write the PDF edition into the built site")
    d.add_argument("--data", default="data", help=DATA_HELP)
    d.add_argument("--site", default="site", help="the built site (default: site)")
    d.add_argument("--config", default="mkdocs.yml", help="the project's mkdocs.yml, whose nav and docs the PDF prints (default: mkdocs.yml)")
    d.set_defaults(run=_pdf)

    s = sub.add_parser("schema", help="regenerate the JSON Schemas in schema/ from the models")
    s.add_argument("--out", default="schema", help="where to write them (default: schema)")
    s.set_defaults(run=_schema)

    c = sub.add_parser("diff", help="what changed between two editions (git refs, tags or data folders)")
    c.add_argument("old", help="the older edition: a data folder, or a git ref such as v2025-26")
    c.add_argument("new", nargs="?", default="data", help="the newer edition (default: data)")
    c.add_argument("--threshold", type=float, default=None, help="flag price rises above this percentage (default: from authority.yaml)")
    c.add_argument("--format", choices=("text", "markdown"), default="text", help="text for reading; markdown for a pull request's summary or comment")
    c.set_defaults(run=_diff)

    r = sub.add_parser("review", help="list services and contacts whose review is due or overdue, with owners")
    r.add_argument("--data", default="data", help=DATA_HELP)
    r.add_argument("--within", type=int, default=30, help="also list reviews due within this many days (default: 30)")
    r.set_defaults(run=_review)

    from handbook.commands.new_fields import help_text  # a table of names: imports nothing else

    n = sub.add_parser("new", help="add a service, a contact or a price to an existing offer, asking for each field and checking it as it is given",
                       description="Add a service, a contact, or a charge (a price) to an existing offer of an existing service. Each field not given "
                       "with -f is asked for and checked as it is answered, with the words `handbook validate` uses; the entry is written in the "
                       "file's own layout, every other byte kept, only if the whole data then validates.",
                       epilog=help_text(), formatter_class=argparse.RawDescriptionHelpFormatter)
    n.add_argument("kind", choices=("service", "contact", "charge"), help="what to add: a service, a contact role, or a charge to an existing offer")
    n.add_argument("--data", default="data", help=DATA_HELP)
    n.add_argument("--field", "-f", action="append", type=_field, metavar="NAME=VALUE", help="a field's value (the fields are listed below); any not given is asked for")
    n.add_argument("--no-input", action="store_true", help="never ask: take defaults, fail listing every required field not given")
    n.set_defaults(run=_new)

    q = sub.add_parser("quote", help="what one school pays for every service and offer: net, VAT and gross, or why not")
    q.add_argument("--phase", help="the school's phase: early-years, primary, secondary, special, alternative-provision, post-16")
    q.add_argument("--setting", help="its kind of school: maintained, academy, free-school, independent, other-authority")
    q.add_argument("--pupils", help="its number on roll")
    q.add_argument("--service", action="append", metavar="ID", help="only this service or item (a service id, service/offer, or an item key); repeat for more")
    q.add_argument("--quantity", action="append", metavar="ITEM=N[xM]", help="how many of an item's counted thing (days, delegates, places…), and M periods; repeat for more")
    q.add_argument("--format", choices=("text", "csv", "json"), default="text", help="text for reading, csv for a budget, json for programs")
    q.add_argument("--data", default="data", help=DATA_HELP)
    q.set_defaults(run=_quote)

    u = sub.add_parser("publish", help="build this edition and add it to the gh-pages branch beside the others (alias latest, versions.json)")
    u.add_argument("--data", default="data", help=DATA_HELP)
    u.add_argument("--push", action="store_true", help="also push gh-pages to the remote")
    u.add_argument("--with-mike", action="store_true", help="build and commit with mike, as before (mike must be installed)")
    u.add_argument("--generator", choices=GENERATORS, default=None, help="the site generator (default: properdocs); not with --with-mike")
    u.set_defaults(run=_publish)

    from handbook.commands.cycle import add_parsers  # init, edition start, prices (issue 18)

    add_parsers(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except HandbookUserError as error:
        print(f"handbook: {error}", file=sys.stderr)
        return error.status
    except OSError as error:  # a folder that cannot be written, a full disk: the file and the reason
        where = f" {error.filename}" if error.filename else ""
        print(f"handbook: cannot use{where}: {error.strerror or error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
