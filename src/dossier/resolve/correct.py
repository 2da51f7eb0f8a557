"""Making and undoing an analyst's corrections: the one path `dossier correct` and the web take.

A correction is checked, stored and applied in one transaction, so one that does not apply to
the records as they are is refused and leaves nothing behind; undoing one rebuilds the derived
tables without it. What each correction does is in `resolve/corrections.py`.
"""
from __future__ import annotations

from datetime import datetime, timezone

from dossier.places import country_asked
from dossier.resolve.corrections import ACTIONS, ACTOR_TYPES, APPLIED, apply_one, split_id
from dossier.resolve.rebuild import rebuild
from dossier.store.schema import CorrectionRow
from dossier.store.store import Store, derived_changed, inputs_changed


class BadCorrection(ValueError):
    """A correction that cannot be made: an unknown action, a value missing or of the wrong
    kind, or records it does not apply to. Nothing was stored."""


def checked_value(action: str, target: str, value: dict) -> dict:
    """The value `action` needs, checked and normalised (a country name to its code, a split's
    new id), or `BadCorrection` saying what is wrong."""
    if action not in ACTIONS:
        raise BadCorrection(f"{action}: not a correction (one of: {', '.join(ACTIONS)})")
    needs = {"merge": "into", "split": "names", "rename": "name", "country": "country",
             "type": "type"}.get(action)
    if needs and not value.get(needs):
        raise BadCorrection(f"{action} needs a value for {needs!r}")
    if action == "country":
        code = country_asked(str(value["country"]))
        if code is None:
            raise BadCorrection(f"{value['country']}: not a country name or ISO code")
        return {"country": code}
    if action == "type" and value["type"] not in ACTOR_TYPES:
        raise BadCorrection(f"{value['type']}: not an actor type (one of: {', '.join(ACTOR_TYPES)})")
    if action == "split":
        names = [value["names"]] if isinstance(value["names"], str) else list(value["names"])
        return {"names": names, "id": split_id(target, names[0])}
    return {needs: value[needs]} if needs else {}


def make(store: Store, action: str, target: str, value: dict, by: str, why: str) -> CorrectionRow:
    """Store a correction and apply it, in one transaction; one that does not apply to the
    records as they are raises `BadCorrection` and is not stored."""
    value = checked_value(action, target, value)
    if not why.strip():
        raise BadCorrection("a correction needs a reason (why)")
    with store.session() as s:
        c = CorrectionRow(action=action, target=target, value=value, author=by, reason=why,
                          made_at=datetime.now(timezone.utc).replace(tzinfo=None))
        s.add(c)
        s.flush()
        outcome = apply_one(s, c)
        if outcome != APPLIED:
            s.rollback()
            raise BadCorrection(f"{action} {target}: {outcome.removeprefix('not applied: ')}")
        derived_changed(s)   # views cached of the records are dropped
        s.expunge(c)
    return c


def undo(store: Store, number: int) -> None:
    """Mark correction `number` undone and rebuild without it (a merge cannot be taken back
    any other way)."""
    with store.session() as s:
        c = s.get(CorrectionRow, number)
        if c is None or c.undone_at is not None:
            raise BadCorrection(f"correction {number}: "
                                f"{'already undone' if c else 'no such correction'}")
        c.undone_at = datetime.now(timezone.utc).replace(tzinfo=None)
        inputs_changed(s)
    rebuild(store)
