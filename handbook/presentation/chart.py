"""chart: the organisation chart as a static SVG, drawn by Graphviz `dot` from the structure data.

Input: a validated `Handbook` (public units only, through `views.structure`). Output: SVG markup
to inline in a page or the PDF (no script, no external reference). Runs `dot` (its drawing is kept
in the handbook cache, `handbook.core.cache`, keyed by the source and the program); raises
`HandbookUserError` when Graphviz is missing. Never includes internal units or names of people
who did not agree to be named.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from functools import lru_cache

from handbook.core import cache
from handbook.core.errors import HandbookUserError
from handbook.data.model import Handbook
from handbook.views.structure import UnitNode, structure_tree


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _wrap(text: str, width: int = 26) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines


def _label(node: UnitNode) -> str:
    """The unit's name, wrapped; leads are in the text equivalent (keeps the chart legible)."""
    lines = [line.replace("\\", "").replace('"', "'") for line in _wrap(node.unit.name)]
    return '"' + "\\n".join(lines) + '"'


def dot_source(tree: list[UnitNode]) -> str:
    """The Graphviz graph: one box per unit, an edge from each unit to the units under it."""
    out = [
        "digraph structure {",
        '  graph [rankdir=LR, nodesep=0.12, ranksep=0.5, bgcolor="transparent", fontname="Noto Sans"];',
        '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", color="#1d4f73", fontname="Noto Sans", fontsize=11, margin="0.15,0.08"];',
        '  edge [color="#555555", arrowhead=none];',
    ]

    def walk(node: UnitNode) -> None:
        fill = {"directorate": "#e8eff5", "service": "#f3f6f9"}.get(node.unit.kind.value, "#ffffff")
        out.append(f"  {_quote(node.unit.id)} [label={_label(node)}, fillcolor={_quote(fill)}];")
        for child in node.children:
            out.append(f"  {_quote(node.unit.id)} -> {_quote(child.unit.id)};")
            walk(child)

    for root in tree:
        walk(root)
    out.append("}")
    return "\n".join(out)


@lru_cache(maxsize=8)
def render_svg(source: str) -> str:
    """SVG from dot source, without XML prolog, doctype or comments (for inlining)."""
    dot = shutil.which("dot")
    if dot is None:
        raise HandbookUserError("Graphviz is not installed (the `dot` command draws the organisation chart); install the graphviz package", status=1)
    # Keyed on the program too: another Graphviz may draw the same source differently.
    name = cache.key(source, dot, str(os.stat(dot).st_mtime_ns)) + ".svg"
    svg = cache.read("charts", name)
    if svg is None:
        result = subprocess.run([dot, "-Tsvg"], input=source, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise HandbookUserError(f"Graphviz could not draw the organisation chart: {result.stderr.strip()}", status=1)
        svg = result.stdout
        cache.write("charts", name, svg)
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)
    # Drop the <title> elements dot adds per node (ids, not words), keep one accessible name.
    svg = re.sub(r"<title>.*?</title>", "", svg, flags=re.S)
    return "\n".join(line for line in svg.splitlines() if line.strip())


def org_chart_svg(handbook: Handbook) -> str:
    """The chart of the public structure as inline SVG (`role="img"`, named by its caption)."""
    svg = render_svg(dot_source(structure_tree(handbook)))
    return svg.replace("<svg ", '<svg role="img" aria-labelledby="org-chart-caption" focusable="false" ', 1)
