"""HTML pages: server-rendered Jinja2 templates over `dossier.web.data`.

Every page takes its data from the same view function as its JSON twin in the API, so a page
never shows what the API cannot give. Templates are autoescaped; the only markup built from
document text is `highlight.marked_text`, and links are built only from ids, url-quoted.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from dossier.web import charts, data
from dossier.web.access import read_session
from dossier.web.cache import cached
from dossier.web.highlight import anchor, marked_text


PLOVER = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
TIMELINE_FILTERS = ("type", "actor", "country", "topic", "initiative", "since", "until", "sort",
                    "order")


def _with_page(params: dict[str, Any], page: int) -> str:
    """The query string of `params` with another page number (empty values dropped)."""
    return urlencode({**{k: v for k, v in params.items() if v not in (None, "")}, "page": page})


templates = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                        autoescape=select_autoescape(default=True, default_for_string=True))
templates.filters.update(
    qid=lambda value: quote(str(value), safe=""),
    anchor=lambda ev: anchor(ev["start"], ev["end"]),
    type_class=charts.type_class,
    with_page=_with_page,
    usd=lambda v: "" if v is None else f"${v:,.0f}",
    snippet=lambda hit: marked_text(hit["snippet"], [{"start": a, "end": b, "kind": "hit"}
                                                     for a, b in hit["highlights"]], with_ids=False),
    number=lambda v: "" if v is None else f"{v:,.2f}".rstrip("0").rstrip("."),
)


def render(name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(templates.get_template(name).render(**context), status_code=status_code)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    """Errors for a browser as a page (dossier.web.errors calls this for HTML requests)."""
    return render("error.html", status_code=status, status=status, message=message)


router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)
Reader = Depends(read_session)
PageNumber = Query(1, ge=1, le=data.MAX_PAGE)


def _text(value: str | None) -> str | None:
    """A form field: empty means not given."""
    value = (value or "").strip()
    return value or None


def _day(name: str, value: str | None) -> date | None:
    value = _text(value)
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise data.BadQuery(f"{name} must be a date like 2024-03-12, not {value!r}") from None


def _found(view: dict | None, kind: str, ident: str) -> dict:
    if view is None:
        raise HTTPException(404, f"no {kind} with id {ident!r}")
    return view


@router.get("/")
def timeline(type: str | None = None, actor: str | None = None, country: str | None = None,
             topic: str | None = None, initiative: str | None = None,
             since: str | None = None, until: str | None = None, sort: str = "date",
             order: str = "asc", page: int = PageNumber, s: Session = Reader) -> HTMLResponse:
    """The timeline: filters (a plain GET form, so a filtered view is a link), events per
    month by type, and one page of events. Dates come as text so an empty field means none."""
    params = {"type": _text(type), "actor": _text(actor), "country": _text(country),
              "topic": _text(topic), "initiative": _text(initiative), "since": _text(since),
              "until": _text(until), "sort": sort, "order": order}
    view = data.events_view(s, **{**params, "since": _day("since", since),
                                  "until": _day("until", until)}, page=page)
    # the form and the chart (the 200 most active actors, every initiative, hundreds of
    # columns) are the same for every page of these filters until the store changes
    head = cached(s, ("timeline", *params.values()), lambda: Markup(
        templates.get_template("_timeline_head.html").render(
            view=view, params=params, plover=PLOVER,
            actors=data.actors_view(s, sort="events", order="desc", per_page=200)["items"],
            initiatives=data.initiatives_view(s, per_page=200)["items"],
            chart=charts.month_chart(view["facets"]["by_month"]))))
    return render("timeline.html", view=view, params=params, head=head)


@router.get("/events/{event_id:path}")
def event(event_id: str, s: Session = Reader) -> HTMLResponse:
    return render("event.html", e=_found(data.event_view(s, event_id), "event", event_id))


@router.get("/actors")
def actors(q: str | None = None, page: int = PageNumber, s: Session = Reader) -> HTMLResponse:
    view = data.actors_view(s, q=_text(q), sort="events", order="desc", page=page)
    return render("actors.html", view=view, params={"q": _text(q)})


@router.get("/actors/{actor_id:path}")
def actor(actor_id: str, s: Session = Reader) -> HTMLResponse:
    view = _found(data.actor_view(s, actor_id), "actor", actor_id)
    dates = [e["date"] or e["date_earliest"] for e in view["events"]]
    return render("actor.html", a=view, roles=charts.role_timeline(view["roles"], dates))


@router.get("/initiatives")
def initiatives(q: str | None = None, page: int = PageNumber,
                s: Session = Reader) -> HTMLResponse:
    view = data.initiatives_view(s, q=_text(q), page=page)
    return render("initiatives.html", view=view, params={"q": _text(q)})


@router.get("/initiatives/{initiative_id:path}")
def initiative(initiative_id: str, s: Session = Reader) -> HTMLResponse:
    view = _found(data.initiative_view(s, initiative_id), "initiative", initiative_id)
    return render("initiative.html", i=view)


@router.get("/figures")
def figures(currency: str | None = None, sort: str = "doc", order: str = "asc",
            page: int = PageNumber, s: Session = Reader) -> HTMLResponse:
    params = {"currency": _text(currency), "sort": sort, "order": order}
    view = data.figures_view(s, **params, page=page)
    return render("figures.html", view=view, params=params, bars=charts.figure_bars(view["items"]))


@router.get("/findings")
def findings(kind: str | None = None, page: int = PageNumber, s: Session = Reader) -> HTMLResponse:
    view = data.findings_view(s, kind=_text(kind), page=page)
    return render("findings.html", view=view, params={"kind": _text(kind)})


@router.get("/documents")
def documents(page: int = PageNumber, s: Session = Reader) -> HTMLResponse:
    return render("documents.html", view=data.documents_view(s, page=page), params={})


@router.get("/documents/{doc_id:path}")
def document(doc_id: str, s: Session = Reader) -> HTMLResponse:
    """The report's text with every evidence span marked, so `#ev-<start>-<end>` links from
    events, quotes and figures land on the highlighted words."""
    view = _found(data.document_view(s, doc_id), "document", doc_id)
    return render("document.html", d=view, text=marked_text(view["text"], view["spans"]))


@router.get("/search")
def search(q: str = "", page: int = PageNumber, s: Session = Reader) -> HTMLResponse:
    view = data.search_view(s, q, page=page) if q.strip() else None
    return render("search.html", view=view, q=q, params={"q": q})
