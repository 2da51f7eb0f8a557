"""An analyst's corrections, applied on top of what resolution derives.

Resolution is rebuilt from the documents at any time, so a hand edit of a derived row would be
undone by the next rebuild or ingest. A correction is stored instead (what, on which record, by
whom, when and why) and applied after every rebuild, in the order they were made, to the
records it names; a record that no longer exists (the documents changed and the actor or event
with that id is gone) makes the correction "not applied", with the reason, for
`dossier corrections` to report. An undone correction is kept, marked undone, and no longer
applied.
"""
from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from dossier.names import fold
from dossier.resolve.actors import slug
from dossier.store.schema import (ActorMentionRow, ActorRoleRow, ActorRow, CorrectionRow,
                                  EventLinkRow, EventMentionRow, EventParticipantRow, EventRow,
                                  PersonMentionRow, RoleMentionRow)

ACTOR_TYPES = ("person", "organization", "armed group", "country")
APPLIED = "applied"


def _actor(s: Session, actor_id: str) -> ActorRow:
    actor = s.get(ActorRow, actor_id)
    if actor is None:
        raise NotApplicable(f"actor {actor_id} is gone")
    return actor


def _event(s: Session, event_id: str) -> EventRow:
    event = s.get(EventRow, event_id)
    if event is None:
        raise NotApplicable(f"event {event_id} is gone")
    return event


class NotApplicable(Exception):
    """Why a correction cannot be applied to the records as they now are."""


def _with_aliases(actor: ActorRow, *names: str) -> None:
    actor.aliases = sorted((set(actor.aliases or []) | set(names)) - {actor.name})


def merge(s: Session, target: str, value: dict) -> None:
    """One person, two actors: `target` becomes part of `value["into"]` (its mentions, roles,
    events and names)."""
    source, into = _actor(s, target), _actor(s, value["into"])
    if source.id == into.id:
        raise NotApplicable(f"actor {target} is already {into.id}")
    shared = set(s.scalars(select(EventParticipantRow.event_id)
                           .where(EventParticipantRow.actor_id == into.id)))
    s.execute(delete(EventParticipantRow).where(EventParticipantRow.actor_id == source.id,
                                                EventParticipantRow.event_id.in_(shared)))
    for table in (EventParticipantRow, ActorMentionRow, ActorRoleRow):
        s.execute(update(table).where(table.actor_id == source.id).values(actor_id=into.id))
    _with_aliases(into, source.name, *(source.aliases or []))
    s.delete(source)


def split(s: Session, target: str, value: dict) -> None:
    """Two people, one actor: the mentions of `target` by one of `value["names"]` become an
    actor of their own (`value["id"]`), with their roles, and take its place in the events
    only they report; an event that also reports the rest has both."""
    source = _actor(s, target)
    names = {fold(n) for n in value["names"]}
    moved = [m for m in s.scalars(select(PersonMentionRow)
                                  .join(ActorMentionRow,
                                        ActorMentionRow.person_mention_id == PersonMentionRow.id)
                                  .where(ActorMentionRow.actor_id == source.id))
             if fold(m.name) in names or fold(m.surface) in names]
    if not moved:
        raise NotApplicable(f"actor {target} has no mention named {', '.join(value['names'])}")
    new = ActorRow(id=value["id"], name=value["names"][0], type=source.type,
                   country=source.country, aliases=sorted(set(value["names"][1:])))
    if s.get(ActorRow, new.id) is not None:
        raise NotApplicable(f"actor {new.id} exists already")
    s.add(new)
    s.flush()
    ids = [m.id for m in moved]
    s.execute(update(ActorMentionRow).where(ActorMentionRow.person_mention_id.in_(ids))
              .values(actor_id=new.id))
    for r in s.scalars(select(RoleMentionRow).where(RoleMentionRow.person_mention_id.in_(ids))):
        s.execute(update(ActorRoleRow).where(ActorRoleRow.actor_id == source.id,
                                             ActorRoleRow.doc_id == r.doc_id,
                                             ActorRoleRow.start == r.start)
                  .values(actor_id=new.id))
    moved_docs = {m.doc_id for m in moved}
    kept_docs = set(s.scalars(select(PersonMentionRow.doc_id)
                              .join(ActorMentionRow,
                                    ActorMentionRow.person_mention_id == PersonMentionRow.id)
                              .where(ActorMentionRow.actor_id == source.id)))
    for event_id in list(s.scalars(select(EventParticipantRow.event_id)
                                   .where(EventParticipantRow.actor_id == source.id))):
        docs = set(s.scalars(select(EventMentionRow.doc_id)
                             .join(EventLinkRow, EventLinkRow.event_mention_id == EventMentionRow.id)
                             .where(EventLinkRow.event_id == event_id)))
        if docs & moved_docs:
            s.add(EventParticipantRow(event_id=event_id, actor_id=new.id))
            if not docs & kept_docs:
                s.execute(delete(EventParticipantRow).where(
                    EventParticipantRow.event_id == event_id,
                    EventParticipantRow.actor_id == source.id))


def rename(s: Session, target: str, value: dict) -> None:
    actor = _actor(s, target)
    old, actor.name = actor.name, value["name"]
    _with_aliases(actor, old)


def set_country(s: Session, target: str, value: dict) -> None:
    _actor(s, target).country = value["country"]


def set_type(s: Session, target: str, value: dict) -> None:
    _actor(s, target).type = value["type"]


def reject(s: Session, target: str, value: dict) -> None:
    """Not an event (a misreading): gone from the timeline, the views and the export."""
    event = _event(s, target)
    s.execute(delete(EventParticipantRow).where(EventParticipantRow.event_id == event.id))
    s.execute(delete(EventLinkRow).where(EventLinkRow.event_id == event.id))
    s.delete(event)


def confirm(s: Session, target: str, value: dict) -> None:
    """An analyst checked it against the sources: no doubt is left."""
    _event(s, target).confidence = 1.0


ACTIONS: dict[str, Callable[[Session, str, dict], None]] = {
    "merge": merge, "split": split, "rename": rename, "country": set_country, "type": set_type,
    "reject": reject, "confirm": confirm}


def split_id(target: str, name: str) -> str:
    """The id of the actor split off `target` under `name`."""
    return f"{target}--{slug(name)}"


def apply_one(s: Session, c: CorrectionRow) -> str:
    """Apply `c` to the records as they are; its outcome ("applied" or why not), also stored."""
    try:
        with s.begin_nested():   # a correction that fails half-way leaves nothing behind
            ACTIONS[c.action](s, c.target, c.value or {})
            s.flush()
        c.outcome = APPLIED
    except NotApplicable as why:
        c.outcome = f"not applied: {why}"
    return c.outcome


def apply_all(s: Session) -> list[CorrectionRow]:
    """Apply every correction not undone, in the order they were made (a rebuild's last step);
    return those that no longer apply."""
    failed = []
    for c in s.scalars(select(CorrectionRow).where(CorrectionRow.undone_at.is_(None))
                       .order_by(CorrectionRow.id)):
        if apply_one(s, c) != APPLIED:
            failed.append(c)
    return failed
