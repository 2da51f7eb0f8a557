"""PLOVER event types grouped into the codebook's four quad classes.

The quad classes give the balance of a relationship at a glance: how much of it is talk and how
much is deed, cooperative or hostile. The grouping is the PLOVER codebook's (Schrodt, Halterman
et al., openeventdata/PLOVER, CC BY-SA 4.0; ``../shared/benchmarks/plover/PLOVER_MANUAL.pdf``,
summarised in that folder's README): verbal cooperation AGREE, CONSULT, SUPPORT, CONCEDE;
material cooperation COOPERATE, AID, RETREAT; verbal conflict REQUEST, ACCUSE, REJECT,
THREATEN; material conflict PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT. Every type the
project's classifier emits is one of these sixteen.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

QUADS: dict[str, tuple[str, ...]] = {
    "verbal cooperation": ("AGREE", "CONSULT", "SUPPORT", "CONCEDE"),
    "material cooperation": ("COOPERATE", "AID", "RETREAT"),
    "verbal conflict": ("REQUEST", "ACCUSE", "REJECT", "THREATEN"),
    "material conflict": ("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"),
}
TYPES: tuple[str, ...] = tuple(t for types in QUADS.values() for t in types)
_QUAD_OF = {t: quad for quad, types in QUADS.items() for t in types}


def quad(event_type: str | None) -> str | None:
    """The quad class of a PLOVER type (None for a type outside the codebook)."""
    return _QUAD_OF.get((event_type or "").upper())


def is_cooperation(quad_name: str) -> bool:
    """Whether a quad class is on the cooperation side of the ledger."""
    return quad_name.endswith("cooperation")


def quads_by_month(by_month: Iterable[Mapping]) -> list[dict]:
    """`[{"month", "quad", "count"}]` from the timeline's counts per month and type."""
    totals: dict[tuple[str, str], int] = {}
    for r in by_month:
        q = quad(str(r.get("type")))
        if q and r.get("month"):
            totals[(str(r["month"]), q)] = totals.get((str(r["month"]), q), 0) + int(r["count"])
    return [{"month": m, "quad": q, "count": n} for (m, q), n in sorted(totals.items())]
