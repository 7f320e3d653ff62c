"""identifiers: the ids the downloads give records, stable across builds and editions.

Input: a key naming a record by its ids (`service:payroll`). Output: a UUID (version 5, from
the key under one fixed namespace). Why derived and not stored: a service keeps its id from
edition to edition (it is part of its web address), so the UUID that Open Referral UK and the
calendars need follows from it with nothing for an officer to keep; a record that keeps its
ids keeps its UUID, so another council's directory or a school's calendar updates the entry
instead of adding a second copy.
"""

from __future__ import annotations

import uuid

# Fixed for ever: changing it would change every published id. (Made once with uuid4.)
NAMESPACE = uuid.UUID("4b0f3c39-5d0e-4d7a-9a43-2f6f0c1e8d21")


def stable_uuid(key: str) -> str:
    """The UUID of the record `key` names, as text: the same key gives the same UUID, always."""
    return str(uuid.uuid5(NAMESPACE, key))
