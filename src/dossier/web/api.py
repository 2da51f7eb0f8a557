"""The JSON API under /api/: each route is one view of `dossier.web.data`, returned as it is.

Reads are open to all; `POST /api/documents` needs the server's bearer token (see
`dossier.web.access`). Errors are in the one shape of `dossier.web.errors`.
"""
from __future__ import annotations

from datetime import date
from typing import Literal

from fastapi import APIRouter, Body, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from sqlalchemy.orm import Session

from dossier.store import queries
from dossier.store.search import MAX_QUERY_WORDS, MIN_PREFIX
from dossier.web import data, maps, relations
from dossier.web.countries import UnknownCountry, country_param
from dossier.web.plover import quads_by_month
from dossier.web.search import search_view
from dossier.web.access import read_session, require_token
from dossier.web.errors import error_body
from dossier.web.records import BadDocuments, CorrectionIn, DocumentIn, Refused

router = APIRouter(prefix="/api", tags=["api"])

Page = Query(1, ge=1, le=data.MAX_PAGE, description="Page number, from 1.")
PerPage = Query(50, ge=1, le=data.MAX_PER_PAGE, description="Items per page.")
Order = Literal["asc", "desc"]
ERRORS = {404: {"description": "Not found"}, 422: {"description": "Invalid parameters"}}


def _view(record: dict) -> JSONResponse:
    """A view as it is: `dossier.web.data` builds JSON-ready data, so FastAPI's encoder, which
    walks every value again (7 of the 12 ms of a timeline request), has nothing to do."""
    return JSONResponse(record)


def _found(record: dict | None, kind: str, ident: str) -> JSONResponse:
    if record is None:
        raise HTTPException(404, f"no {kind} with id {ident!r}")
    return _view(record)


@router.get("/events", summary="Events (the timeline), filtered, sorted and paged, with facets")
def events(s: Session = Depends(read_session),
           actor: str | None = Query(None, description="Actor id taking part."),
           country: str | None = Query(None, description="A country, by name (Kenya) or ISO "
                                                          "alpha-3 code (KEN): the event took "
                                                          "place there or a participant belongs "
                                                          "to it."),
           partner: str | None = Query(None, description="A second country, the same way: with "
                                                          "`country`, the events between the two."),
           q: str | None = Query(None, description="Words that must all appear in the event's "
                                                    "summary or place."),
           type: str | None = Query(None, description="PLOVER type, e.g. CONSULT."),
           topic: str | None = None,
           initiative: str | None = Query(None, description="Initiative id."),
           since: date | None = Query(None, description="Events whose date window ends on or "
                                                        "after this day."),
           until: date | None = Query(None, description="... and starts on or before this day."),
           sort: Literal["date", "type", "reports", "id"] = "date", order: Order = "asc",
           page: int = Page, per_page: int = PerPage,
           facets: bool = Query(True, description="Counts per type, country, actor, topic, "
                                                  "initiative and month; false to skip them.")
           ) -> JSONResponse:
    return _view(data.events_view(s, actor=actor, country=country, partner=partner, q=q,
                                  type=type, topic=topic,
                                  initiative=initiative, since=since, until=until, sort=sort,
                                  order=order, page=page, per_page=per_page, facets=facets))


@router.get("/events/{event_id:path}",
            summary="One event with its reports, evidence and participants",
            responses=ERRORS)
def event(event_id: str, s: Session = Depends(read_session)) -> JSONResponse:
    return _found(data.event_view(s, event_id), "event", event_id)


@router.get("/actors", summary="People, bodies and countries")
def actors(s: Session = Depends(read_session),
           q: str | None = Query(None, description="Words that must all appear in the name "
                                                    "or an alias."),
           country: str | None = Query(None, description="A country by name or ISO alpha-3 "
                                                          "code."),
           type: str | None = None,
           sort: Literal["name", "events", "mentions"] = "name", order: Order = "asc",
           page: int = Page, per_page: int = PerPage) -> JSONResponse:
    return _view(data.actors_view(s, q=q, country=country, type=type, sort=sort, order=order,
                                  page=page, per_page=per_page))


@router.get("/actors/{actor_id:path}", summary="One actor: roles over time, events, quotes",
            responses=ERRORS)
def actor(actor_id: str, s: Session = Depends(read_session)) -> JSONResponse:
    return _found(data.actor_view(s, actor_id), "actor", actor_id)


@router.get("/initiatives", summary="Agreements and programmes with their latest status")
def initiatives(s: Session = Depends(read_session), q: str | None = None,
                page: int = Page, per_page: int = PerPage) -> JSONResponse:
    return _view(data.initiatives_view(s, q=q, page=page, per_page=per_page))


@router.get("/initiatives/{initiative_id:path}", summary="One initiative with its status history",
            responses=ERRORS)
def initiative(initiative_id: str, s: Session = Depends(read_session)) -> JSONResponse:
    return _found(data.initiative_view(s, initiative_id), "initiative", initiative_id)


@router.get("/figures", summary="Quoted amounts, as written and in US dollars")
def figures(s: Session = Depends(read_session),
            currency: str | None = Query(None, description="ISO 4217 code, e.g. KES."),
            doc: str | None = Query(None, description="Document id."),
            sort: Literal["doc", "value_usd", "currency"] = "doc", order: Order = "asc",
            page: int = Page, per_page: int = PerPage) -> JSONResponse:
    return _view(data.figures_view(s, currency=currency, doc=doc, sort=sort, order=order,
                                   page=page, per_page=per_page))


@router.get("/findings", summary="Inconsistencies within and between reports")
def findings(s: Session = Depends(read_session), kind: str | None = None,
             page: int = Page, per_page: int = PerPage) -> JSONResponse:
    return _view(data.findings_view(s, kind=kind, page=page, per_page=per_page))


@router.get("/documents", summary="The reports, without their full text")
def documents(s: Session = Depends(read_session), outlet: str | None = None,
              language: str | None = None,
              sort: Literal["published", "id", "title"] = "published", order: Order = "desc",
              page: int = Page, per_page: int = PerPage) -> JSONResponse:
    return _view(data.documents_view(s, outlet=outlet, language=language, sort=sort,
                                     order=order, page=page, per_page=per_page))


@router.get("/documents/{doc_id:path}", summary="One report: text and the evidence spans in it",
            responses=ERRORS)
def document(doc_id: str, s: Session = Depends(read_session)) -> JSONResponse:
    return _found(data.document_view(s, doc_id), "document", doc_id)


@router.get("/relations/{a}/{b}",
            summary="Two countries' relationship: events, people, initiatives, figures, findings",
            responses=ERRORS)
def relation(a: str, b: str, s: Session = Depends(read_session), page: int = Page,
             per_page: int = PerPage) -> JSONResponse:
    """`a` and `b` by name or ISO alpha-3 code. `events` is one page of the events involving
    both (with the timeline's facets, `by_month` included); `quads` counts them per month by
    PLOVER quad class; the other lists cover all of those events."""
    try:
        codes = country_param(a), country_param(b)
    except UnknownCountry as unknown:
        raise HTTPException(404, str(unknown)) from None
    view = relations.relation_view(s, *codes, page=page, per_page=per_page)
    return _view({**view, "quads": quads_by_month(view["events"]["facets"]["by_month"])})


@router.get("/map", summary="Events by place, with coordinates, filtered like /api/events")
def world_map(s: Session = Depends(read_session), actor: str | None = None,
              country: str | None = None, partner: str | None = None, type: str | None = None,
              topic: str | None = None, initiative: str | None = None,
              since: date | None = None, until: date | None = None,
              q: str | None = None) -> JSONResponse:
    return _view(maps.map_view(s, actor=actor, country=country, partner=partner, type=type,
                               topic=topic, initiative=initiative, since=since, until=until,
                               q=q))


@router.get("/search", summary="Search over events, actors, initiatives and the reports")
def search(s: Session = Depends(read_session),
           q: str = Query(..., description="Words that must all appear (at most "
                                           f"{MAX_QUERY_WORDS}); a trailing * matches a prefix "
                                           f"of {MIN_PREFIX} letters or more. Other syntax is "
                                           "read as text."),
           page: int = Page, per_page: int = Query(20, ge=1, le=data.MAX_PER_PAGE)) -> JSONResponse:
    return _view(search_view(s, q, page=page, per_page=per_page))


@router.post("/documents", status_code=201, dependencies=[Depends(require_token)],
             summary="Add documents (needs the server's token)",
             responses={200: {"description": "Nothing new: every document was already stored"},
                        401: {"description": "Missing or wrong token"},
                        403: {"description": "The server is read-only (started without token)"},
                        422: {"description": "A record is not an article; nothing was stored"}})
def add_documents(request: Request,
                  body: DocumentIn | list[DocumentIn] = Body(
                      ..., description="One article or a list of them.")) -> JSONResponse:
    """Annotate, store and resolve the articles like `dossier ingest` does. Answers 201 when
    something was added or updated, 200 when everything was already there; a document the
    pipeline cannot process is listed with status "failed" and its reason."""
    records = body if isinstance(body, list) else [body]
    try:
        result = request.app.state.writer.add(records)
    except BadDocuments as bad:
        return JSONResponse(error_body(422, str(bad), bad.problems), status_code=422)
    changed = any(d["status"] in ("new", "updated") for d in result["documents"])
    return JSONResponse(result, status_code=201 if changed else 200)


@router.get("/corrections", summary="The analysts' corrections, undone ones included")
def corrections_list(s: Session = Depends(read_session)) -> JSONResponse:
    return _view({"items": list(queries.corrections(s))})


WRITE_ERRORS = {401: {"description": "Missing or wrong token"},
                403: {"description": "The server is read-only (started without token)"},
                422: {"description": "The correction cannot be made; nothing was stored"}}


@router.post("/corrections", status_code=201, dependencies=[Depends(require_token)],
             summary="Correct an actor or an event (needs the server's token)",
             responses=WRITE_ERRORS)
def add_correction(request: Request, body: CorrectionIn) -> JSONResponse:
    """Store and apply a correction as `dossier correct` does: it is applied again after every
    rebuild and ingest. One that does not apply to the records as they are is refused (422)."""
    return _written(lambda: request.app.state.writer.correct(body), 201)


@router.post("/corrections/{number}/undo", dependencies=[Depends(require_token)],
             summary="Undo a correction (needs the server's token)", responses=WRITE_ERRORS)
def undo_correction(request: Request, number: int) -> JSONResponse:
    """Mark the correction undone and rebuild the knowledge base without it."""
    return _written(lambda: request.app.state.writer.undo(number), 200)


def _written(write, status: int) -> JSONResponse:
    try:
        return JSONResponse(write(), status_code=status)
    except Refused as refused:
        return JSONResponse(error_body(422, str(refused)), status_code=422)
