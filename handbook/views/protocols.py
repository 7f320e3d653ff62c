"""Procedures step by step, and the public framework for schools causing concern.

Input: a validated `Handbook`. Output: plain records. No I/O, no formatting. Only the public
framework exists in the data; which school is at which level is never held, so never shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from handbook.data.model import Handbook
from handbook.data.model.protocols import ConcernFramework, Protocol, Step
from handbook.data.model.types import Visibility
from handbook.views.catalogue import public_role
from handbook.views.contacts import DirectoryEntry, entry_for


@dataclass(frozen=True)
class StepView:
    step: Step
    contact: DirectoryEntry | None


@dataclass(frozen=True)
class ProtocolView:
    protocol: Protocol
    steps: list[StepView]


def public_protocols(handbook: Handbook) -> list[ProtocolView]:
    result = []
    for protocol in handbook.protocols.protocols:
        if protocol.visibility is not Visibility.PUBLIC:
            continue
        steps = []
        for step in protocol.steps:
            role = public_role(handbook, step.who)
            steps.append(StepView(step, entry_for(handbook, role) if role else None))
        result.append(ProtocolView(protocol, steps))
    return result


def protocol(handbook: Handbook, protocol_id: str) -> ProtocolView | None:
    return next((p for p in public_protocols(handbook) if p.protocol.id == protocol_id), None)


def concern_framework(handbook: Handbook) -> ConcernFramework:
    """The framework with its levels sorted lowest concern first."""
    framework = handbook.protocols.concern_framework
    return framework.model_copy(update={"levels": sorted(framework.levels, key=lambda lv: lv.level)})
