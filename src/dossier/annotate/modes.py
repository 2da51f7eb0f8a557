"""The mode of an announced meeting, shared by the stages that set it and the resolver that reads
it; kept apart from the stages so that reading a store never loads the language model."""
from __future__ import annotations

PLANNED_MEETING = "planned meeting"


def planned_mode(mode: str | None) -> str:
    """The mode of an announced meeting: "planned meeting (visit)", or just "planned meeting"."""
    return f"{PLANNED_MEETING} ({mode})" if mode else PLANNED_MEETING


def is_planned(mode: str | None) -> bool:
    """Whether an event of this mode is a meeting announced, not yet held."""
    return (mode or "").startswith(PLANNED_MEETING)


def planned_as(mode: str | None) -> str | None:
    """What an announced meeting is to be ("visit", "phone"), when its mode says."""
    if not is_planned(mode) or not mode.endswith(")"):
        return None
    return mode.removeprefix(PLANNED_MEETING).strip(" ()") or None
