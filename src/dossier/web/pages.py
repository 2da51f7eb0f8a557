"""HTML pages: server-rendered Jinja2 templates over `dossier.web.data`.

Every page takes its data from the same view function as its JSON twin in the API, so a page
never shows what the API cannot give. Templates are autoescaped; the only markup built from
document text is `highlight.marked_text`, and links are built only from ids, url-quoted.
"""
from __future__ import annotations

from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from dossier.store import queries
from dossier.web import charts, data, docs, maps, plover, relations
from dossier.web.access import read_session
from dossier.web.cache import cached
from dossier.web.countries import UnknownCountry, country_param, label
from dossier.web.downloads import MAX_ROWS
from dossier.web.geo import countries as world
from dossier.web.search import search_view
from dossier.web.highlight import anchor, marked_sentence, marked_text, marked_words


def _query(params: dict[str, Any], **more: Any) -> str:
    """The query string of `params` and `more` (empty values dropped)."""
    return urlencode({k: v for k, v in {**params, **more}.items() if v not in (None, "")})


def _with_page(params: dict[str, Any], page: int, per_page: int | None = None) -> str:
    """The query string of `params` with another page number (and page size, when given)."""
    return _query(params, page=page, per_page=per_page)


# `finalize`: a missing value prints as nothing, never as "None"
templates = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                        autoescape=select_autoescape(default=True, default_for_string=True),
                        finalize=lambda value: "" if value is None else value)
templates.filters.update(
    qid=lambda value: quote(str(value), safe=""),
    anchor=lambda ev: anchor(ev["start"], ev["end"]),
    type_class=charts.type_class,
    with_page=_with_page,
    query=_query,
    all_pages=lambda params: _query(params, all=1),
    country=label,
    web_address=lambda url: url if str(url).lower().startswith(("http://", "https://")) else None,
    marked_sentence=marked_sentence,
    marked_words=marked_words,
    usd=lambda v: "" if v is None else f"${v:,.0f}",
    snippet=lambda hit: marked_text(hit["snippet"], [{"start": a, "end": b, "kind": "hit"}
                                                     for a, b in hit["highlights"]], with_ids=False),
    number=lambda v: "" if v is None else f"{v:,.2f}".rstrip("0").rstrip("."),
)


templates.globals.update(figure_bars=charts.figure_bars, max_download_rows=MAX_ROWS)


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


def _filters(type: str | None, actor: str | None, country: str | None, partner: str | None,
             topic: str | None, initiative: str | None, since: str | None,
             until: str | None, q: str | None) -> dict[str, Any]:
    """The timeline's filters from a form (the map takes the same): empty means not given."""
    return {"q": _text(q), "type": _text(type), "actor": _text(actor), "country": _text(country),
            "partner": _text(partner), "topic": _text(topic), "initiative": _text(initiative),
            "since": _text(since), "until": _text(until)}


def _head(s: Session, view: dict, params: dict[str, Any], action: str,
          **chart: Any) -> Markup:
    """The filter form (the 200 most active actors, every initiative) and, on the timeline,
    the chart (hundreds of columns): the same for every page of these filters until the store
    changes, so rendered once."""
    return cached(s, ("head", action, *params.values()), lambda: Markup(
        templates.get_template("_timeline_head.html").render(
            view=view, params=params, plover=plover.TYPES, action=action,
            actors=data.actors_view(s, sort="events", order="desc", per_page=200)["items"],
            initiatives=data.initiatives_view(s, per_page=200)["items"], **chart)))


@router.get("/")
def timeline(type: str | None = None, actor: str | None = None, country: str | None = None,
             partner: str | None = None, topic: str | None = None,
             initiative: str | None = None, since: str | None = None,
             until: str | None = None, q: str | None = None, sort: str = "date",
             order: str = "asc", page: int = PageNumber, s: Session = Reader) -> HTMLResponse:
    """The timeline: filters (a plain GET form, so a filtered view is a link), events per
    month by type, and one page of events. Dates come as text so an empty field means none."""
    params = {**_filters(type, actor, country, partner, topic, initiative, since, until, q),
              "sort": sort, "order": order}
    view = data.events_view(s, **{**params, "since": _day("since", since),
                                  "until": _day("until", until)}, page=page)
    head = _head(s, view, params, "/", chart=charts.month_chart(view["facets"]["by_month"]))
    return render("timeline.html", view=view, params=params, head=head)


@router.get("/map")
def world_map(type: str | None = None, actor: str | None = None, country: str | None = None,
              partner: str | None = None, topic: str | None = None,
              initiative: str | None = None, since: str | None = None,
              until: str | None = None, q: str | None = None,
              s: Session = Reader) -> HTMLResponse:
    """The timeline's events on a world map drawn here (geo, maps): same filters, same form."""
    params = _filters(type, actor, country, partner, topic, initiative, since, until, q)
    args = {**params, "since": _day("since", since), "until": _day("until", until)}
    view = maps.map_view(s, **args)
    facets = data.events_view(s, **args, per_page=1)   # the form's lists (cached)
    head = _head(s, facets, params, "/map")
    return render("map.html", view=view, params=params, head=head, world=world())


def _pair(a: str, b: str) -> tuple[str, str]:
    """Two countries of a relation page by name or code; an unknown one is a 404 naming it."""
    try:
        codes = country_param(a), country_param(b)
    except UnknownCountry as unknown:
        raise HTTPException(404, str(unknown)) from None
    if None in codes:
        raise HTTPException(404, "a relationship needs two countries: /relations/Kenya/USA")
    return codes   # type: ignore[return-value]


@router.get("/relations/{a}/{b}")
def relation(a: str, b: str, page: int = PageNumber, s: Session = Reader) -> HTMLResponse:
    """Two countries' relationship (relations.relation_view), with its two charts."""
    codes = _pair(a, b)
    view = relations.relation_view(s, *codes, page=page)
    by_month = view["events"]["facets"]["by_month"]
    return render("relation.html", r=view, chart=charts.month_chart(by_month),
                  quads=charts.quad_chart(by_month),
                  path=f"/relations/{quote(codes[0])}/{quote(codes[1])}")


@router.get("/docs")
def api_docs(request: Request) -> HTMLResponse:
    """The API for a person, from the app's OpenAPI schema; no CDN script (web/docs.py)."""
    spec = request.app.openapi()
    return render("docs.html", spec=spec, operations=docs.operations(spec))


@router.get("/events/{event_id:path}")
def event(request: Request, event_id: str, s: Session = Reader) -> HTMLResponse:
    e = _found(data.event_view(s, event_id), "event", event_id)
    codes = sorted({p["country"] for p in e["participants"] if p["country"]}
                   | ({e["country"]} if e["country"] else set()))
    return render("event.html", e=e, pairs=list(combinations(codes, 2)),
                  writable=_writable(request))


def _writable(request: Request) -> bool:
    """The server takes corrections (it was started with a token): pages offer the form."""
    return request.app.state.token is not None


@router.get("/corrections")
def corrections(s: Session = Reader) -> HTMLResponse:
    return render("corrections.html", items=list(queries.corrections(s)))


@router.get("/actors")
def actors(q: str | None = None, country: str | None = None, page: int = PageNumber,
           s: Session = Reader) -> HTMLResponse:
    params = {"q": _text(q), "country": _text(country)}
    view = data.actors_view(s, **params, sort="events", order="desc", page=page)
    return render("actors.html", view=view, params=params)


@router.get("/actors/{actor_id:path}")
def actor(request: Request, actor_id: str, s: Session = Reader) -> HTMLResponse:
    view = _found(data.actor_view(s, actor_id), "actor", actor_id)
    dates = [e["date"] or e["date_earliest"] for e in view["events"]]
    partners = None
    if view["type"] == "country" and view["country"]:   # a country links to its relations
        facets = data.events_view(s, country=view["country"], per_page=1)["facets"]
        partners = [c for c in facets["country"] if c["value"] != view["country"]]
    return render("actor.html", a=view, roles=charts.role_timeline(view["roles"], dates),
                  partners=partners, writable=_writable(request))


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
    return render("figures.html", view=view, params=params)


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
    view = search_view(s, q, page=page) if q.strip() else None
    return render("search.html", view=view, q=q, params={"q": q})
