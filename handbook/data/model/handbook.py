"""The whole handbook: one validated record per data file, and lookups across them."""

from dataclasses import dataclass, field
from functools import cached_property

from handbook.data.model.authority import AuthorityFile
from handbook.data.model.base import Record
from handbook.data.model.contacts import ContactsFile
from handbook.data.model.glossary import GlossaryFile
from handbook.data.model.partnerships import PartnershipsFile
from handbook.data.model.protocols import ProtocolsFile
from handbook.data.model.publications import PublicationsFile
from handbook.data.model.services import ServicesFile
from handbook.data.model.structure import StructureFile

# File stem -> model. The order is the order files are read and reported.
FILES: dict[str, type[Record]] = {
    "authority": AuthorityFile,
    "structure": StructureFile,
    "contacts": ContactsFile,
    "services": ServicesFile,
    "partnerships": PartnershipsFile,
    "protocols": ProtocolsFile,
    "publications": PublicationsFile,
    "glossary": GlossaryFile,
}
# Files a data folder may leave out: each is then its model with every default (an empty glossary).
OPTIONAL_FILES = {"glossary"}


@dataclass(frozen=True)
class Handbook:
    """The validated data of one edition. Views read it; nothing changes it."""

    authority: AuthorityFile
    structure: StructureFile
    contacts: ContactsFile
    services: ServicesFile
    partnerships: PartnershipsFile
    protocols: ProtocolsFile
    publications: PublicationsFile
    glossary: GlossaryFile = field(default_factory=GlossaryFile)
    sources: dict[str, str] = field(default_factory=dict, compare=False)  # stem -> file path

    @cached_property
    def roles_by_id(self) -> dict:
        return {r.id: r for r in self.contacts.roles}

    @cached_property
    def services_by_id(self) -> dict:
        return {s.id: s for s in self.services.services}

    @cached_property
    def units_by_id(self) -> dict:
        return {u.id: u for u in self.structure.units}

    @cached_property
    def categories_by_id(self) -> dict:
        return {c.id: c for c in self.services.categories}

    @cached_property
    def groups_by_id(self) -> dict:
        return {g.id: g for g in self.partnerships.groups}
