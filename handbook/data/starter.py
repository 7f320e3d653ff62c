"""starter: a council's name (and colours) -> the data files of a new, valid handbook.

Input: the authority's name, its two brand colours, the logo's path inside docs/ and today's
date. Output: `{file name: YAML text}` for every data file (`handbook.data.model.FILES`), each
holding the structure the models require, with placeholder text that says what to write
(every placeholder starts "Write here", so an officer can search for what is left), one
example service marked `visibility: internal` (so the catalogue is empty to the public but
shows the shape of an entry), and no previous edition. `handbook.site.starter` writes them
with the rest of the project; the result is validated before anything is written.

The name is untrusted like any value: it reaches the YAML only as a JSON string (a valid YAML
double-quoted scalar, every special character escaped), and validation then applies the usual
checks (length, characters) to it. No I/O.
"""

from __future__ import annotations

import datetime as dt
import json
import re

from handbook.core.errors import HandbookUserError

_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
DEFAULT_COLOURS = ("#1d4f73", "#8a3b12")  # the sample's: 8.7:1 and 7.7:1 against white


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def slug_of(name: str) -> str:
    """`Wessex County Council` -> `wessex` (the first word; the whole name if that is all there is)."""
    words = re.findall(r"[a-z0-9]+", name.lower())
    generic = {"the", "council", "county", "city", "borough", "district", "metropolitan", "of", "and", "royal", "london"}
    meaningful = [w for w in words if w not in generic]
    return "-".join(meaningful[:2] or words[:2]) or "council"


def _luminance(colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_with_white(colour: str) -> float:
    """WCAG's contrast ratio of `colour` against white (21 for black, 1 for white)."""
    return 1.05 / (_luminance(colour) + 0.05)


def check_colours(colours: tuple[str, str]) -> tuple[str, str]:
    """Each colour `#rrggbb` with at least 4.5:1 against white (WCAG AA for text), or a user error."""
    for name, colour in zip(("primary", "accent"), colours):
        if not _COLOUR.fullmatch(colour):
            raise HandbookUserError(f"the {name} colour should be written #rrggbb, e.g. #1d4f73, not {colour!r}", status=2)
        ratio = contrast_with_white(colour)
        if ratio < 4.5:
            raise HandbookUserError(f"the {name} colour {colour} has {ratio:.1f}:1 contrast against white; text needs at least 4.5:1: choose a darker shade", status=2)
    return colours[0].lower(), colours[1].lower()


def edition_years(today: dt.date) -> int:
    """The first year of the edition a council starting today would publish: from April, the
    edition published that September."""
    return today.year if today.month >= 4 else today.year - 1


def starter_files(authority: str, colours: tuple[str, str] = DEFAULT_COLOURS, logo: str = "assets/logo.svg", today: dt.date | None = None) -> dict[str, str]:
    """Every data file of a new handbook for `authority` (see the module)."""
    today = today or dt.date.today()
    start = edition_years(today)
    primary, accent = check_colours(colours)
    slug = slug_of(authority)
    years = f"{start}/{(start + 1) % 100:02d}"
    edition = f"{start}-{(start + 1) % 100:02d}"
    due = today.replace(year=today.year + 1) if not (today.month == 2 and today.day == 29) else today + dt.timedelta(days=365)
    values = dict(name=_q(authority), slug=slug, primary=primary, accent=accent, logo=logo, years=years, edition=edition,
                  published=dt.date(start, 9, 1).isoformat(), valid_from=dt.date(start, 4, 1).isoformat(), today=today.isoformat(), due=due.isoformat())
    return {name: text.format(**values) for name, text in TEMPLATES.items()}


_HEAD = "# yaml-language-server: $schema=../schema/{stem}.schema.json\n"

TEMPLATES = {
    "authority.yaml": _HEAD.format(stem="authority") + """\
# The authority, this edition, its foreword and branding. Every text that starts "Write here"
# is a placeholder: replace it with your council's own words.
# Each September, `handbook edition start <new id>` archives this edition and starts the next.
authority:
  name: {name}
  short_name: the Council  # Write here: how running text names the council, e.g. "the County Council"
  slug: {slug}
  website: https://www.{slug}.example  # Write here: the council's website
  address:
    - "Write here: the first line of the council's postal address"

handbook:
  title: Services to schools
  subtitle: Write here a line under the title, e.g. "The services-to-schools handbook and traded-services catalogue"

edition:
  id: "{edition}"
  number: 1
  published: {published}
  covers:
    academic_year: {years}
    financial_year: {years}

foreword:
  text: |
    Write here the foreword: a few paragraphs from the Director of Children's Services and the
    lead member saying what the handbook is for, who it is for (headteachers, governors, school
    business managers) and what is new this year.
  signatories:
    - name: Write here the name of the Director of Children's Services
      role: Director of Children's Services

# Both colours need at least 4.5:1 contrast against white (WCAG AA for text).
branding:
  logo: {logo}
  primary_colour: "{primary}"
  accent_colour: "{accent}"

pricing:
  # Price rises above this percentage are flagged in "What has changed" (e.g. CPI inflation).
  rise_threshold_percent: 3.0
""",
    "structure.yaml": _HEAD.format(stem="structure") + """\
# Directorates, services and teams; the management team; elected members' portfolios.
# Every unit except the directorate names its `parent`; `lead` is a role id from contacts.yaml.
introduction: |
  Write here how the council's work with schools is organised: the directorate, its services
  and teams, and where schools should go first with a question.

units:
  - id: childrens-services
    name: Children's Services
    kind: directorate
    lead: director-childrens-services
    summary: Write here what the directorate does, in one sentence.

management_team:
  - director-childrens-services

portfolios:
  - id: cabinet-member-education
    title: Cabinet Member for Education
    remit:
      - Write here what the portfolio covers
""",
    "contacts.yaml": _HEAD.format(stem="contacts") + """\
# Contact roles and shared contact points. Publish a person's name only where they have agreed
# in writing (`consent_to_publish: true`). `visibility: internal` roles are never published.
roles:
  - id: director-childrens-services
    title: Director of Children's Services
    team: childrens-services
    email: childrens.services@{slug}.example  # Write here: the role's mailbox
    last_reviewed: {today}
    review_due: {due}

contact_points:
  - id: schools-contact-centre
    name: Schools Contact Centre
    purpose: Write here what schools contact it for.
    email: schools@{slug}.example  # Write here: its mailbox
""",
    "partnerships.yaml": _HEAD.format(stem="partnerships") + """\
# Partnerships, forums, boards and meetings. A chair is one of `role` (a role id), `person` (a
# named chair from outside the council) or `vacant: true`.
groups:
  - id: schools-forum
    name: Schools Forum
    kind: statutory
    remit: Write here what the group is for.
    chair:
      vacant: true
    members:
      - Write here who sits on it
    meets: Write here how often it meets, e.g. termly
    appendix: true
""",
    "protocols.yaml": _HEAD.format(stem="protocols") + """\
# Procedures step by step, and the public framework for schools causing concern. Never record
# here which school is at which level of concern.
protocols:
  - id: critical-incidents
    title: Critical incidents and temporary closure
    summary: Write here when the protocol applies.
    steps:
      - title: Write here the first step in a few words
        detail: Write here what to do.

concern_framework:
  introduction: |
    Write here how the council decides how much support and challenge a school receives, and
    that which school is at which level is never published.
  levels:
    - level: 1
      name: Universal
      triggers:
        - Write here what places a school at this level
      support:
        - Write here the support the council gives
      expected_improvement: Write here the improvement expected.
      timescale: Write here in what time.
    - level: 2
      name: Targeted
      triggers:
        - Write here what places a school at this level
      support:
        - Write here the support the council gives
      expected_improvement: Write here the improvement expected.
      timescale: Write here in what time.
""",
    "publications.yaml": _HEAD.format(stem="publications") + """\
# How the council communicates with schools: channels, data releases and newsletters. `owner` is
# a role id from contacts.yaml.
channels:
  - id: schools-email
    name: Schools e-mail bulletins
    description: Write here what goes through this channel.

data_releases:
  - id: results-analysis
    title: Results analysis
    description: Write here what the release contains and how schools use it.
    audience: [Headteachers]
    months: [October]
    format: Write here how it is delivered
    owner: director-childrens-services
""",
    "glossary.yaml": _HEAD.format(stem="glossary") + """\
# Every acronym the handbook uses, with its meaning: the website explains each where it is used,
# the PDF spells it out the first time, and `handbook validate` warns about one missing here.
# These are the ones most handbooks use. Write here your own, in alphabetical order.
terms:
  - term: EHCP
    meaning: Education, health and care plan
  - term: PDF
    meaning: Portable Document Format
  - term: SEND
    meaning: Special educational needs and disabilities
  - term: SENCO
    meaning: Special educational needs co-ordinator
  - term: SLA
    meaning: Service level agreement
  - term: VAT
    meaning: Value added tax
""",
    "services.yaml": _HEAD.format(stem="services") + """\
# Services to schools: what the council must do (statutory), what schools can buy (traded), and
# both (mixed). Keep services sorted by id; each keeps its `number` (its reference in the
# catalogue, e.g. 9.1.1) from edition to edition. `handbook new service` adds one for you.
# Prices are in pounds without the £ sign; financial-year prices run from 1 April.

categories:
  - id: school-improvement
    number: 1
    name: School improvement
    description: Write here what the services in this category are for, in one sentence.

services:
  # An example to copy: internal, so it is never published. Replace it with your first service
  # (or use `handbook new service`), then delete it.
  - id: example-service
    number: 1
    visibility: internal
    name: Example service
    summary: Write here one or two sentences on what the service is and whom it helps.
    description: |
      Write here a fuller description: what schools receive, how it works and what it achieves.
    category: school-improvement
    provision: traded
    audience:
      phases: [primary, secondary]
      settings: [maintained, academy]
    offers:
      - id: annual-agreement
        name: Annual service level agreement
        kind: sla
        charges:
          - amount: 1000
            unit: per school per year
            settings: [maintained]
            vat: outside-scope
            valid_from: {valid_from}
    how_to_buy: Write here how a school buys or asks for the service.
    contacts: [director-childrens-services]
    owner: childrens-services
    last_reviewed: {today}
    review_due: {due}
""",
}
