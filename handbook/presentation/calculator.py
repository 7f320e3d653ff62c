"""The school's own view: the element the calculator script fills, and the prices it reads.

Input: public services. Output: HTML (`Markup`) for a page: a container, hidden until
`overrides/assets/javascripts/school.js` runs, and the engine's facts
(`views.quote.calculator_data`) as JSON in a `<script type="application/json">`, so the browser
computes from the engine's data and asks the network for nothing.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from handbook.views.quote import calculator_data


def _script_json(value: object) -> str:
    # Inside <script> only `</` can end the element early; escaping <, > and & keeps any text inert.
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def school_view(services: list, scope: str) -> Markup:
    """`scope` is `catalogue` (every service) or `service` (one service's page)."""
    data = _script_json(calculator_data(services))
    return Markup(
        f'<div class="hb-school" data-hb-school="{scope}" hidden></div>\n'
        f'<script type="application/json" id="hb-prices">{data}</script>'
    )
