"""One relationship between two countries, as an analyst reads it: what happened month by
month, whether it leaned to cooperation or conflict, who carried it, which agreements and
programmes it touched, which figures its reports quote and where those reports disagree.

"Events between A and B" are the events that involve both (each took place there or has a
participant from it: `data.event_filters(country=A, partner=B)`), so the page's event list is
the timeline filtered by the two countries, and every count here can be checked there. The
summaries below the list are computed once per state of the store (`web/cache.py`).
"""
from __future__ import annotations

import json

from sqlalchemy import Select, String, cast, distinct, func, or_, select, true
from sqlalchemy.orm import Session

from dossier.store.schema import (ActorRow, EventLinkRow, EventMentionRow, EventParticipantRow,
                                  EventRow, FigureRow, FindingRow, InitiativeRow)
from dossier.web import data
from dossier.web.cache import cached
from dossier.web.countries import label

LISTED = data.RELATED_LIMIT   # people, initiatives, figures and findings shown on the page


def _event_ids(s: Session, a: str, b: str) -> Select:
    return select(EventRow.id).where(*data.event_filters(s, country=a, partner=b))


def _report_ids(s: Session, a: str, b: str) -> Select:
    """The documents that report an event between the two."""
    return (select(EventMentionRow.doc_id).distinct()
            .join(EventLinkRow, EventLinkRow.event_mention_id == EventMentionRow.id)
            .where(EventLinkRow.event_id.in_(_event_ids(s, a, b))))


def _people(s: Session, a: str, b: str) -> dict:
    """Actors of either country (not the countries themselves) in the events between them,
    most events first."""
    n = func.count(distinct(EventParticipantRow.event_id))
    where = (EventParticipantRow.event_id.in_(_event_ids(s, a, b)),
             ActorRow.country.in_((a, b)), ActorRow.type != "country")
    rows = s.execute(select(ActorRow.id, ActorRow.name, ActorRow.type, ActorRow.country, n)
                     .join(EventParticipantRow, EventParticipantRow.actor_id == ActorRow.id)
                     .where(*where).group_by(ActorRow.id, ActorRow.name, ActorRow.type,
                                             ActorRow.country)
                     .order_by(n.desc(), ActorRow.name).limit(LISTED)).all()
    total = s.scalar(select(func.count(distinct(ActorRow.id)))
                     .join(EventParticipantRow, EventParticipantRow.actor_id == ActorRow.id)
                     .where(*where))
    return {"items": [{"id": i, "name": name, "type": kind, "country": c, "event_count": k}
                      for i, name, kind, c, k in rows], "total": total}


def _initiatives(s: Session, a: str, b: str) -> dict:
    """The initiatives the events between them are about, most events first, each with every
    status its reports give and the latest."""
    values = data.json_elements(s, EventRow.initiatives)
    n = func.count()
    counts = s.execute(select(values.c.value, n).select_from(EventRow).join(values, true())
                       .where(EventRow.id.in_(_event_ids(s, a, b)))
                       .group_by(values.c.value).order_by(n.desc(), values.c.value)).all()
    shown = dict(counts[:LISTED])
    rows = s.scalars(select(InitiativeRow).where(InitiativeRow.id.in_(shown))).all()
    items = sorted(({**item, "event_count": shown[item["id"]]}
                    for item in data.initiative_items(s, rows)),
                   key=lambda i: (-i["event_count"], i["name"]))
    return {"items": items, "total": len(counts)}


def _figures(s: Session, a: str, b: str) -> dict:
    """The figures quoted in the reports of those events, largest in US dollars first."""
    where = FigureRow.doc_id.in_(_report_ids(s, a, b))
    rows = s.scalars(select(FigureRow).where(where)
                     .order_by(FigureRow.value_usd.is_(None), FigureRow.value_usd.desc(),
                               FigureRow.doc_id, FigureRow.start).limit(LISTED)).all()
    total = s.scalar(select(func.count()).select_from(FigureRow).where(where))
    return {"items": data.figure_items(s, rows), "total": total}


def _findings(s: Session, a: str, b: str) -> dict:
    """Findings with evidence in a report of those events. A finding's evidence is a JSON list
    of [doc, start, end], so the documents are matched as text ('"doc-id"' in the list): a
    document id is a whole JSON string there, quotes included."""
    docs = s.scalars(_report_ids(s, a, b)).all()
    if not docs:
        return {"items": [], "total": 0}
    evidence = cast(FindingRow.evidence, String)
    matching: set[str] = set()
    for k in range(0, len(docs), 200):   # a bounded OR per query, however many reports
        clauses = [evidence.contains(json.dumps(d), autoescape=True) for d in docs[k:k + 200]]
        matching.update(s.scalars(select(FindingRow.id).where(or_(*clauses))))
    ids = sorted(matching)
    rows = s.scalars(select(FindingRow).where(FindingRow.id.in_(ids[:LISTED]))
                     .order_by(FindingRow.kind, FindingRow.id)).all()
    return {"items": data.finding_items(s, rows), "total": len(ids)}


def relation_view(s: Session, a: str, b: str, page: int = 1, per_page: int = 50) -> dict:
    """The relationship between the countries `a` and `b` (alpha-3 codes): one page of the
    events between them (with the timeline's facets: `by_month` feeds both charts), and the
    people, initiatives, figures and findings of all of those events (the first LISTED of
    each, with its total)."""
    events = data.events_view(s, country=a, partner=b, page=page, per_page=per_page)
    key = ("relation", a, b)
    return {"countries": [{"code": a, "name": label(a)}, {"code": b, "name": label(b)}],
            "events": events,
            "people": cached(s, (*key, "people"), lambda: _people(s, a, b)),
            "initiatives": cached(s, (*key, "initiatives"), lambda: _initiatives(s, a, b)),
            "figures": cached(s, (*key, "figures"), lambda: _figures(s, a, b)),
            "findings": cached(s, (*key, "findings"), lambda: _findings(s, a, b))}
