"""data/services.yaml: categories and services, with their offers and charges."""

from enum import Enum
from typing import Annotated, Self

from pydantic import Field, StringConstraints, model_validator

from handbook.core.limits import MAX_CHARGES, MAX_HOW_TO_BUY_LINES, MAX_LIST, MAX_OFFERS, MAX_PUPILS, MAX_RECORDS, MAX_SERVICES, MAX_TOTAL_CHARGES
from handbook.data.model.base import Record
from handbook.data.model.units import Unit, UnitField
from handbook.data.model.types import kinds_covered, Date, Flag, Markdown, Money, Name, Phase, Setting, Slug, Summary, Text, Visibility, VisibilityField, WholeNumber


class Provision(str, Enum):
    STATUTORY = "statutory"
    TRADED = "traded"
    MIXED = "mixed"


class OfferKind(str, Enum):
    SLA = "sla"
    PACKAGE = "package"
    PAY_AS_YOU_GO = "pay-as-you-go"
    COURSE = "course"
    PLACEMENT = "placement"
    SUBSCRIPTION = "subscription"


class Vat(str, Enum):
    EXEMPT = "exempt"
    STANDARD = "standard"
    ZERO = "zero-rated"
    OUTSIDE_SCOPE = "outside-scope"

    @property
    def percent(self) -> int:
        """The rate a school pays on top of the net price (UK standard rate: 20%)."""
        return 20 if self is Vat.STANDARD else 0


class ContractYear(str, Enum):
    FINANCIAL = "financial"
    ACADEMIC = "academic"


class Payer(str, Enum):
    SCHOOL = "school"
    TRUST = "trust"
    DE_DELEGATED = "de-delegated"
    AUTHORITY = "authority"


# A number in a catalogue reference; without one, an entry is numbered after the others (a warning).
ReferenceNumber = Annotated[WholeNumber, Field(ge=1, le=MAX_SERVICES)]


class StatutoryBasis(Record):
    act: Text = Field(description="The Act or regulations, e.g. `Education Act 1996`.")
    section: Text | None = Field(default=None, description="Section or regulation, e.g. `s.19`.")
    duty: Text | None = Field(default=None, description="The duty in a few words.")


class Audience(Record):
    phases: list[Phase] = Field(min_length=1, max_length=MAX_LIST, description="Phases the service is for.")
    settings: list[Setting] = Field(min_length=1, max_length=MAX_LIST, description="Kinds of school the service is for.")


class Band(Record):
    pupils_from: WholeNumber = Field(ge=0, le=MAX_PUPILS, description="Smallest number on roll in this band.")
    pupils_to: WholeNumber | None = Field(default=None, ge=0, le=MAX_PUPILS, description="Largest number on roll in this band; leave out for 'and over'.")

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.pupils_to is not None and self.pupils_to < self.pupils_from:
            raise ValueError("band-order")
        return self

    def overlaps(self, other: "Band") -> bool:
        inf = float("inf")
        a_to = inf if self.pupils_to is None else self.pupils_to
        b_to = inf if other.pupils_to is None else other.pupils_to
        return self.pupils_from <= b_to and other.pupils_from <= a_to


class Charge(Record):
    label: Name | None = Field(default=None, description="What the price is for, where the offer has several, e.g. `Additional visit`.")
    amount: Money | None = Field(default=None, description="The price in pounds, without £. Leave out and set `price_on_application: true` when it is quoted case by case.")
    price_on_application: Flag = Field(default=False, description="`true` when the price is quoted on request instead of published.")
    unit: UnitField = Field(description="What the price is multiplied by: `per <thing>` or `per <thing> per <period>`, e.g. `per pupil per day`, `per delegate per half day`, `per academy per year`; or `flat fee`. `pupil` counts every pupil on the school's roll, `school` and `academy` count one, any other thing is a number the school chooses; the officers' guide's units table lists every thing and period.")
    settings: list[Setting] = Field(min_length=1, max_length=MAX_LIST, description="Which kinds of school pay this price (maintained, academy, other-authority…). A free school is an academy in law and pays what academies pay: `academy` covers free schools, and `free-school` without `academy` is an error.")
    payer: Payer = Field(default=Payer.SCHOOL, description="Who pays: `school`, `trust`, `de-delegated` (from maintained schools' budgets), `authority`.")
    band: Band | None = Field(default=None, description="The pupil-number band this price applies to.")
    phase: Phase | None = Field(default=None, description="The phase this price applies to, where prices differ by phase.")
    minimum: Money | None = Field(default=None, description="Smallest total charge, in pounds.")
    cap: Money | None = Field(default=None, description="Largest total charge, in pounds.")
    discount: Text | None = Field(default=None, description="Any discount, in words.")
    vat: Vat = Field(description="VAT treatment: `exempt`, `standard`, `zero-rated` or `outside-scope`.")
    valid_from: Date = Field(description="First day the price applies.")
    valid_to: Date | None = Field(default=None, description="Last day the price applies.")

    @property
    def kinds(self) -> frozenset[Setting]:
        """Every kind of school this price is for, by the one rule (`types.kinds_covered`)."""
        return kinds_covered(self.settings)

    @model_validator(mode="after")
    def _priced_once(self) -> Self:
        if self.price_on_application == (self.amount is not None):
            raise ValueError("amount-or-poa")
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise ValueError("dates-order")
        if self.minimum is not None and self.cap is not None and self.cap < self.minimum:
            raise ValueError("cap-below-minimum")
        return self


class BuyBackWindow(Record):
    opens: Date = Field(description="First day schools can buy or renew.")
    closes: Date = Field(description="Last day schools can buy or renew.")

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.closes < self.opens:
            raise ValueError("dates-order")
        return self


class Terms(Record):
    contract_year: ContractYear = Field(description="`financial` (April to March) or `academic` (September to August).")
    buy_back_window: BuyBackWindow | None = Field(default=None, description="When schools can buy or renew.")
    notice: Text | None = Field(default=None, description="Notice needed to leave, e.g. `one full term`.")
    cancellation: Text | None = Field(default=None, description="What happens if a booking is cancelled.")


class Offer(Record):
    id: Slug
    name: Name = Field(description="The offer's name, e.g. `Gold package`.")
    kind: OfferKind = Field(description="`sla`, `package`, `pay-as-you-go`, `course`, `placement` or `subscription`.")
    description: Markdown | None = Field(default=None, description="What the offer includes.")
    terms: Terms | None = Field(default=None, description="Contract terms.")
    charges: list[Charge] = Field(min_length=1, max_length=MAX_CHARGES, description=f"Its prices. The PDF prints every charge twice, so the services together have at most {MAX_TOTAL_CHARGES:,} charges.")


Keyword = Annotated[str, StringConstraints(min_length=2, max_length=40)]


class Service(Record):
    id: Slug
    number: ReferenceNumber | None = Field(default=None, description="Its number in its category, printed in its reference (`9.2.4`: catalogue section, category, service). Kept from edition to edition, so a reference in an old letter still finds it; a new service takes the next free number of its category (`handbook new service` writes it); a withdrawn service's number is best left unused.")
    name: Name = Field(description="The service's name as schools know it.")
    summary: Summary = Field(description="One or two sentences: what it is and who it helps. Search results show it.")
    description: Markdown = Field(description="A fuller description, in Markdown.")
    category: Slug = Field(description="The category (id in `categories`).")
    provision: Provision = Field(description="`statutory` (the council must provide it), `traded` (schools buy it) or `mixed` (a statutory core plus traded extras).")
    statutory_basis: list[StatutoryBasis] = Field(default_factory=list, max_length=MAX_LIST, description="The law behind the statutory part; needed unless purely traded.")
    audience: Audience = Field(description="Who the service is for.")
    included: list[Text] = Field(default_factory=list, max_length=MAX_LIST, description="What is included.")
    excluded: list[Text] = Field(default_factory=list, max_length=MAX_LIST, description="What is not included.")
    offers: list[Offer] = Field(default_factory=list, max_length=MAX_OFFERS, description="What schools can buy; needed for traded and mixed services.")
    outcomes: list[Text] = Field(default_factory=list, max_length=MAX_LIST, description="Outcomes and performance indicators.")
    how_to_buy: Markdown = Field(description=f"How to buy or request the service. The PDF prints it in the catalogue: at most {MAX_HOW_TO_BUY_LINES} lines, in sentences or a list (no table, no heading).")
    contacts: list[Slug] = Field(min_length=1, max_length=MAX_LIST, description="Contact roles (ids in contacts.yaml), first is the main contact.")
    related: list[Slug] = Field(default_factory=list, max_length=MAX_LIST, description="Related services (ids).")
    owner: Slug = Field(description="The unit (id in structure.yaml) responsible.")
    last_reviewed: Date = Field(description="When the entry was last checked.")
    review_due: Date = Field(description="When it must next be checked; overdue reviews are warnings.")
    visibility: VisibilityField = Visibility.PUBLIC
    keywords: list[Keyword] = Field(default_factory=list, max_length=MAX_LIST, description="Other words people search for.")

    @model_validator(mode="after")
    def _provision_rules(self) -> Self:
        if self.provision is not Provision.TRADED and not self.statutory_basis:
            raise ValueError("needs-statutory-basis")
        if self.provision is not Provision.STATUTORY and not self.offers:
            raise ValueError("needs-offers")
        if self.review_due < self.last_reviewed:
            raise ValueError("review-order")
        return self

    @property
    def is_public(self) -> bool:
        return self.visibility is Visibility.PUBLIC


class Category(Record):
    id: Slug
    number: ReferenceNumber | None = Field(default=None, description="Its number in the catalogue (`9.2`), kept from edition to edition; a new category takes the next number.")
    name: Name = Field(description="The category's name.")
    description: Text | None = Field(default=None, description="One sentence on what it covers.")


class ServicesFile(Record):
    categories: list[Category] = Field(min_length=1, max_length=MAX_RECORDS, description="Categories services are grouped in.")
    services: list[Service] = Field(min_length=1, max_length=MAX_SERVICES, description="The services.")
