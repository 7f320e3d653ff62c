"""limits: how large the data may be, in one place, so every step's cost is bounded.

Every value arrives by pull request, so size is untrusted too: without bounds one long string
or a file of 10,000 services costs gigabytes in the PDF step. The numbers fit a council's real
data with room to spare (the sample's longest service name is 61 characters, its longest
description 700; councils publish tens to a few hundred services). The models state them in
the schema's descriptions and validation reports a value over a limit at its line, so a large
input stops at `handbook validate` before it costs anything. `make bench` measures the PDF of
the largest input these limits allow.
"""

from __future__ import annotations

# Bytes of one data file: checked before YAML reads it. This is what bounds the PDF's memory
# today: Typst holds about 2-3.5 MB per page, and a page costs as little as 650 bytes of YAML
# (short lines in how_to_buy) or 6 charge rows, so `make bench` measures every shape of the
# largest valid file (`handbook.synthetic.make_largest`): at 256 KB the dearest, a how-to-buy of
# short lines, peaks at about 1.4 GB; at 768 KB it took 4 GB. The sample's services.yaml is
# 158 KB. A limit on the number of charges in a file and a shorter how-to-buy would let this grow.
MAX_FILE_BYTES = 256 * 1024

# Digits of an unquoted number: more than any field takes (money has at most 12).
MAX_DIGITS = 30

# Characters of one value.
MAX_NAME = 120          # names and titles: a service, an offer, a role, a group
MAX_TEXT = 500          # other one-line text: a duty, a discount, notice terms, an address line
MAX_SUMMARY = 300       # a service's summary (search results show it)
MAX_MARKDOWN = 20_000   # a Markdown field: a description, the foreword
MAX_URL = 2_083         # a web address: pydantic's HttpUrl limit, what browsers reliably take

# Levels of lists, quotes or brackets inside each other in a Markdown field: Python-Markdown
# recurses once a level (500 levels crash it) and takes quadratic time over nested brackets.
MAX_NESTING = 10

# Entries of a list.
MAX_LIST = 50           # included/excluded/outcomes and other lists of short text
MAX_SERVICES = 1_000
MAX_OFFERS = 20         # offers of one service
MAX_CHARGES = 100       # charges of one offer
MAX_RECORDS = 1_000     # roles, units, groups, protocols, publications: each list of a file

# Numbers.
MAX_PUPILS = 100_000    # the top of a pupil-number band: more than any school or trust has
