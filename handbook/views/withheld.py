"""views.withheld: what a newer edition keeps out of its outputs, as a filter for older text.

Input: the older and the newer validated `Handbook`. Output: a `Withheld` that says which ids the
newer edition does not publish, and whether a text from the older edition holds anything the
newer one withholds. `views.changes` filters the older side of its comparison through it. No
I/O, no wording; it never decides what the newer edition itself prints.
"""

from __future__ import annotations

import re
from enum import Enum

from pydantic import BaseModel
from pydantic_core import Url

from handbook.data.model import Handbook
from handbook.data.model.contacts import Person
from handbook.data.model.handbook import FILES
from handbook.data.model.units import Counted, Period, Unit
from handbook.data.model.types import Visibility
from handbook.views import catalogue, contacts

_WORD = re.compile(r"\w")


class Withheld:
    """What the newer edition keeps out of its outputs, to filter the older side by.

    `ids[kind]`: ids of records the newer edition holds but does not publish (internal), per
    kind of record the report carries. `hides(text)`: the text contains, as words, a text the
    newer edition withholds (or the older one withheld and the newer one does not publish).
    """

    def __init__(self, old: Handbook, new: Handbook) -> None:
        self.ids = {
            "services": {s.id for s in new.services.services} - catalogue.service_ids(new),
            "roles": {r.id for r in new.contacts.roles} - {r.id for r in contacts.public_roles(new)},
            "points": {p.id for p in new.contacts.contact_points} - {p.id for p in contacts.contact_points(new)},
        }  # groups need no ids: a chair is compared only for a group both editions publish
        old_public, old_private = edition_texts(old)
        new_public, new_private = edition_texts(new)
        withheld = {w.strip().casefold() for w in (new_private - new_public) | (old_private - old_public - new_public)} - {""}
        # A single word (an internal record's keyword, `gritting`) says nothing on its own: it
        # hides only a text that is just that word. Anything longer hides any text holding it.
        self._words = {w for w in withheld if w.isalpha()}
        self._phrases = withheld - self._words
        self._longest = max(map(len, self._phrases), default=0)

    def hides(self, *texts: str | None) -> bool:
        return any(self._hides(t.strip().casefold()) for t in texts if t)

    def _hides(self, text: str) -> bool:
        """Whether `text` is a withheld word or holds a withheld phrase between word boundaries.

        Why every bounded slice is looked up rather than every phrase searched for: the older
        side's texts are short, while an edition may withhold thousands of texts.
        """
        if text in self._words:
            return True
        word = [bool(_WORD.match(c)) for c in text]
        starts = [i for i in range(len(text)) if i == 0 or not word[i - 1]]
        ends = [j for j in range(1, len(text) + 1) if j == len(text) or not word[j]]
        return any(text[i:j] in self._phrases for i in starts for j in ends if 0 < j - i <= self._longest)

    def shown(self, text: str | None) -> str | None:
        """The older side's text, or `None` where it must not be shown."""
        return None if self.hides(text) else text


def edition_texts(handbook: Handbook) -> tuple[set[str], set[str]]:
    """(texts of public records, texts the edition withholds) over every field of every file.

    Why every field, generically: a field added to a model later is covered without an edit here.
    A holder who has not agreed to be named is withheld even inside a public role.
    """
    public: set[str] = set()
    private: set[str] = set()

    def walk(value: object, internal: bool) -> None:
        if isinstance(value, Person):
            (public if value.consent_to_publish and not internal else private).add(value.name)
        elif isinstance(value, BaseModel):
            internal = internal or getattr(value, "visibility", None) is Visibility.INTERNAL
            for name in type(value).model_fields:
                walk(getattr(value, name), internal)
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item, internal)
        elif isinstance(value, (Enum, Unit)):
            public.add(str(value.value))  # the fixed vocabulary (`per twilight`) is never withheld
        elif isinstance(value, (str, Url)):
            (private if internal else public).add(str(value))

    # The units' words are the handbook's own vocabulary, published on every priced page (the
    # calculator's data names every counted thing and period), so none of them is a secret.
    public.update(word.value for vocabulary in (Counted, Period) for word in vocabulary)
    for stem in FILES:
        walk(getattr(handbook, stem), False)
    return public, private
