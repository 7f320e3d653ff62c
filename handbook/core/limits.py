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

# Bytes of one data file: checked before YAML reads it. The PDF's memory is bounded by its pages
# (Typst holds about 2-3.5 MB a page), and pages come from what a file prints: charge rows, and
# the lines of the Markdown fields the PDF prints (how to buy a service; the foreword and the
# introduction of the levels of concern). Those are bounded below, so the bytes of a file need
# only fit a council: the sample's services.yaml is 158 KB for 53 services, and 1 MB holds 369 of
# them. `make bench` measures every shape of the largest valid file
# (`bench.synthetic.make_largest`) against 2 GB: the dearest, 1,000 services each with 12
# lines of how to buy and 2,500 charges between them, printed 793 pages in 1.6 GB. Before these
# rules, a 768 KB file of short table rows took 4 GB.
MAX_FILE_BYTES = 1024 * 1024

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
MAX_RECORDS = 250       # roles, units, groups, protocols, publications, categories: each list of a file (the sample's longest has 43)

# What the PDF prints, whatever the bytes (see `handbook.data.checks.printed`): a charge is a row of
# its service's table and of the price list; a short line of Markdown (a list item, a table row)
# is a printed line for a few bytes, a table cell a box, a heading a section. The sample has 155
# charges for 53 services, and its longest how-to-buy has 5 lines and no table or heading.
MAX_TOTAL_CHARGES = 2_500       # charges of all the services together
MAX_HOW_TO_BUY_LINES = 12       # lines of one service's how_to_buy (each service prints it; no table or heading)
MAX_PRINTED_LINES = 200         # lines of a Markdown text printed once: the foreword, an introduction
MAX_TABLE_COLUMNS = 8           # columns of a table in a printed Markdown text
# Characters of text in the files the PDF prints besides services.yaml (contacts, partnerships,
# protocols, publications, structure), all together: the sample's hold 43,762. Filled to 1 MB a
# file, with 1,000 records a list, they printed 2,735 pages in 4.2 GB. At this limit, with
# services.yaml `dense`, the largest input prints 917 pages in 1.8 GB (`make bench`'s "all files
# at their largest" rows; more records of the sample's length cost more than fewer of the longest).
MAX_PRINTED_TEXT = 300_000
PRINTED_FILES = ("contacts", "partnerships", "protocols", "publications", "structure")
PRINTED_TEXT_RULE = f"The PDF prints this file: the text of {', '.join(f'{s}.yaml' for s in PRINTED_FILES)} is at most {MAX_PRINTED_TEXT:,} characters together."

# Numbers.
MAX_PUPILS = 100_000    # the top of a pupil-number band: more than any school or trust has
