"""The mode of an announced meeting, shared by the stages that set it and the resolver that reads
it; kept apart from the stages so that reading a store never loads the language model."""
from __future__ import annotations

PLANNED_MEETING = "planned meeting"


def planned_mode(mode: str | None) -> str:
    """The mode of an announced meeting: "planned meeting (visit)", or just "planned meeting"."""
    return f"{PLANNED_MEETING} ({mode})" if mode else PLANNED_MEETING
