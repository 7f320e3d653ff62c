"""cycle: the yearly cycle's commands: `handbook init`, `handbook edition start`, `handbook prices`.

Each one parses its arguments, calls one engine function (`handbook.data.rollover`,
`handbook.data.prices`, `handbook.site.starter`), hands the result to its reporter
(`handbook.presentation.cycle`) and returns an exit code; `cli.py` adds these parsers with one
call. Writing the exported sheet is the only file this module writes itself.
"""

from __future__ import annotations

import argparse
import datetime as dt
from decimal import Decimal, InvalidOperation
from pathlib import Path

from handbook.core.errors import HandbookUserError

DATA_HELP = "the data folder (default: data)"


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date written as 2027-09-01") from None


def _percent(text: str) -> Decimal:
    try:
        return Decimal(text.strip().removesuffix("%"))
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"{text!r} is not a percentage such as 3.5") from None


def _edition_start(args: argparse.Namespace) -> int:
    from handbook.data.rollover import start_edition
    from handbook.presentation.cycle import render_rollover

    print(render_rollover(start_edition(Path(args.data), args.edition, args.published)))
    return 0


def _changes(data: Path, apply) -> tuple:
    from handbook.data.validate import load_handbook
    from handbook.views.changes import compare

    before = load_handbook(data)
    prices, rejected = apply(before)
    from handbook.data.prices import write_prices

    after = write_prices(data, prices)
    return prices, rejected, compare(before, after)


def _prices_export(args: argparse.Namespace) -> int:
    from handbook.data.prices import COLUMNS, charges_for_sheet
    from handbook.data.validate import load_handbook
    from handbook.presentation import pricesheet

    out = Path(args.file)
    suffix = out.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise HandbookUserError(f"{out.name}: the price sheet is written as .csv or .xlsx", status=2)
    rows = charges_for_sheet(load_handbook(Path(args.data)))
    if suffix == ".csv":
        out.write_text(pricesheet.sheet_csv(COLUMNS, rows), encoding="utf-8", newline="")
    else:
        out.write_bytes(pricesheet.sheet_xlsx(COLUMNS, rows))
    print(f"Wrote {len(rows)} prices to {out}. Change only the amount column; then `handbook prices import {out}`.")
    return 0


def _prices_import(args: argparse.Namespace) -> int:
    from handbook.data.prices import read_prices
    from handbook.data.sheet import read_sheet
    from handbook.presentation.cycle import render_prices

    header, rows = read_sheet(args.file)
    prices, rejected, report = _changes(Path(args.data), lambda handbook: read_prices(handbook, header, rows))
    print(render_prices(f"Imported {args.file}", len(prices), rejected, report))
    return 1 if rejected else 0


def _prices_uplift(args: argparse.Namespace) -> int:
    from handbook.data.prices import uplift
    from handbook.presentation.cycle import render_prices

    prices, _, report = _changes(Path(args.data), lambda handbook: (uplift(handbook, args.percent, args.round, args.service), []))
    print(render_prices(f"Uplift of {args.percent}% (rounded to {args.round}p)", len(prices), [], report))
    return 0


def _init(args: argparse.Namespace) -> int:
    from handbook.site.starter import create_handbook
    from handbook.presentation.cycle import render_init

    files = create_handbook(Path(args.folder), args.authority, logo=Path(args.logo) if args.logo else None, colours=args.colours)
    print(render_init(args.folder, args.authority, files))
    return 0


def add_parsers(sub) -> None:
    """The cycle's subcommands, added to `handbook`'s parser."""
    i = sub.add_parser("init", help="create a new, valid, buildable handbook for a council in a new folder")
    i.add_argument("folder", help="the folder to create (it must not exist, or be empty)")
    i.add_argument("--authority", required=True, help="the council's full name, e.g. 'Wessex County Council'")
    i.add_argument("--logo", help="the council's logo (.svg or .png); default: a plain placeholder")
    i.add_argument("--colours", nargs=2, metavar=("PRIMARY", "ACCENT"), help="header and link colours as #rrggbb, each 4.5:1 against white")
    i.set_defaults(run=_init)

    e = sub.add_parser("edition", help="start the next edition: archive this one, move the data's dates on a year")
    esub = e.add_subparsers(dest="action", required=True, metavar="ACTION")
    s = esub.add_parser("start", help="archive the current edition and start EDITION (e.g. 2027-28)")
    s.add_argument("edition", help="the new edition's id, e.g. 2027-28")
    s.add_argument("--published", type=_date, help="its publication date (default: a year after the current one's)")
    s.add_argument("--data", default="data", help=DATA_HELP)
    s.set_defaults(run=_edition_start)

    p = sub.add_parser("prices", help="the price sheet: export every price, uplift them, import finance's sheet")
    psub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    x = psub.add_parser("export", help="write every published price with its key to FILE (.csv or .xlsx)")
    x.add_argument("file")
    x.add_argument("--data", default="data", help=DATA_HELP)
    x.set_defaults(run=_prices_export)
    m = psub.add_parser("import", help="apply the amounts of an edited sheet; report what changed")
    m.add_argument("file")
    m.add_argument("--data", default="data", help=DATA_HELP)
    m.set_defaults(run=_prices_import)
    u = psub.add_parser("uplift", help="raise every published price by PERCENT")
    u.add_argument("percent", type=_percent, help="e.g. 3.5 (a negative number cuts)")
    u.add_argument("--round", type=int, choices=(1, 5, 10), default=1, help="round each new price to the nearest 1, 5 or 10 pence (default: 1)")
    u.add_argument("--service", action="append", metavar="ID", help="only this service (repeat for more)")
    u.add_argument("--data", default="data", help=DATA_HELP)
    u.set_defaults(run=_prices_uplift)
