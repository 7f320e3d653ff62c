"""cycle: what the yearly-cycle commands did -> the words they print.

Input: a `data.rollover.Rollover` (`handbook edition start`), the result of a price import or
uplift (`data.prices`: new prices, rejected rows, and the `views.changes.ChangeReport` between
the data before and after), or the files `handbook init` wrote. Output: plain text for the
terminal; a price change is reported in `handbook diff`'s words (`presentation.changes`),
rises above the threshold flagged. No I/O.
"""

from __future__ import annotations

from collections import Counter

from handbook.presentation.changes import render_text
from handbook.presentation.wording import plural
from handbook.views.changes import ChangeReport


def render_rollover(r) -> str:
    """`handbook edition start`: the archive, the edition's values, the dates moved and kept."""
    lines = [f"Started the {r.new_id} edition. The {r.old_id} edition is archived, unchanged, in {r.archive}/ ({plural(len(r.archived_files), 'file')})."]
    edition = [c for c in r.changes if not c.path.startswith("services[")]
    moved = [c for c in r.changes if c.path.startswith("services[")]
    if edition:
        lines += ["", f"{edition[0].file}:"]
        lines += [f"  {c.path}: {c.old or '(none)'} -> {c.new}" for c in edition]
    if moved:
        lines += ["", f"{moved[0].file}: {plural(len(moved), 'date')} moved to the new year:"]
        counts = Counter((c.path.rsplit(".", 1)[-1], c.old, c.new) for c in moved)
        lines += [f"  {n} × {field}: {old} -> {new}" for (field, old, new), n in sorted(counts.items(), key=lambda item: (item[0][1], item[0][0]))]
    if r.kept:
        lines += ["", f"Left as they were (dates of another year; check them): {plural(len(r.kept), 'date')}"]
        lines += [f"  {c.path}: {c.old}" for c in r.kept[:20]]
        if len(r.kept) > 20:
            lines.append(f"  … and {len(r.kept) - 20} more")
    lines += ["", f"The data is valid ({plural(r.warnings, 'warning')}; `handbook validate` lists them)."]
    lines.append("Next: rewrite the foreword for the new edition, set the new prices (`handbook prices`), and see everything that changed with "
                 f"`handbook diff {r.archive}`.")
    return "\n".join(lines)


def _body(report: ChangeReport) -> str:
    """`handbook diff`'s report without its first line (which names two editions; here both are one)."""
    return render_text(report).split("\n", 1)[1] if "\n" in render_text(report) else ""


def render_prices(what: str, changed: int, rejected: list, report: ChangeReport) -> str:
    """A price import or uplift: how many prices changed, each rejected row by number, then the
    changes in `handbook diff`'s words."""
    lines = [f"{what}: {plural(changed, 'price')} changed" + (f", {plural(len(rejected), 'row')} not applied." if rejected else ".")]
    if rejected:
        lines += ["", "Rows not applied (fix them in the sheet and import it again; rows already applied stay as they are):"]
        lines += [f"  row {r.row}: {r.message}" for r in rejected]
    if changed:
        lines += ["", _body(report)]
    return "\n".join(lines)


def render_init(folder: str, authority: str, files: list[str]) -> str:
    lines = [f"Created a handbook for {authority} in {folder}/ ({plural(len(files), 'file')})."]
    lines += ["", "Next:", f"  cd {folder}", "  handbook validate          # the data is valid as it stands",
              "  handbook build             # the website and the PDF into site/",
              "Then replace each placeholder (search the data and docs/ for 'Write here') with your council's own text."]
    return "\n".join(lines)
