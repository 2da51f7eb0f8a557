"""CSV and JSON downloads of exactly what a list page shows: the same filters and sort, and
either the same page (`page`, `per_page`) or every page (`all=1`, at most MAX_ROWS rows).

    GET /download/events.csv?type=CONSULT&country=KEN&page=2&per_page=50
    GET /download/actors.json?q=ruto&all=1

Each list is read by the view function its page uses, so a download cannot disagree with the
screen. JSON is `{"items": [...], "total", "rows", "pages": "all" | N, "filters"}`; CSV has one
row per item, nested values flattened (`tabular`). The link text on each page says which: this
page or all pages.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from dossier.web import data, relations, search
from dossier.web.access import read_session
from dossier.web.countries import UnknownCountry, country_param

MAX_ROWS = 10_000   # rows in one "all pages" download: the read time limit bounds the rest


def _text(params: Mapping[str, str], name: str) -> str | None:
    return (params.get(name) or "").strip() or None


def _day(params: Mapping[str, str], name: str) -> date | None:
    value = _text(params, name)
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise data.BadQuery(f"{name} must be a date like 2024-03-12, not {value!r}") from None


def _events(s: Session, p: Mapping[str, str], page: int, per_page: int) -> dict:
    return data.events_view(s, **{k: _text(p, k) for k in (
        "type", "actor", "country", "partner", "topic", "initiative", "q")},
        since=_day(p, "since"), until=_day(p, "until"), sort=p.get("sort", "date"),
        order=p.get("order", "asc"), page=page, per_page=per_page, facets=False)


def _pair(p: Mapping[str, str]) -> tuple[str, str]:
    try:
        a, b = country_param(p.get("a")), country_param(p.get("b"))
    except UnknownCountry as unknown:
        raise HTTPException(404, str(unknown)) from None
    if not a or not b:
        raise data.BadQuery("a relation list needs both countries: a= and b=")
    return a, b


def _relation(part: str) -> Callable[[Session, Mapping[str, str], int, int], dict]:
    """A list of the relation page (people, initiatives, figures, findings): not paged, so
    every download of it is the whole list as the page shows it."""
    def view(s: Session, p: Mapping[str, str], page: int, per_page: int) -> dict:
        listed = relations.relation_view(s, *_pair(p), per_page=1)[part]
        return {**listed, "page": 1, "pages": 1, "per_page": max(len(listed["items"]), 1),
                "filters": {"a": p.get("a"), "b": p.get("b")}}
    return view


LISTS: dict[str, Callable[[Session, Mapping[str, str], int, int], dict]] = {
    "events": _events,
    "actors": lambda s, p, page, per_page: data.actors_view(
        s, q=_text(p, "q"), country=_text(p, "country"), type=_text(p, "type"),
        sort=p.get("sort", "events"), order=p.get("order", "desc"), page=page,
        per_page=per_page),
    "initiatives": lambda s, p, page, per_page: data.initiatives_view(
        s, q=_text(p, "q"), page=page, per_page=per_page),
    "figures": lambda s, p, page, per_page: data.figures_view(
        s, currency=_text(p, "currency"), doc=_text(p, "doc"), sort=p.get("sort", "doc"),
        order=p.get("order", "asc"), page=page, per_page=per_page),
    "findings": lambda s, p, page, per_page: data.findings_view(
        s, kind=_text(p, "kind"), page=page, per_page=per_page),
    "documents": lambda s, p, page, per_page: data.documents_view(
        s, outlet=_text(p, "outlet"), language=_text(p, "language"),
        sort=p.get("sort", "published"), order=p.get("order", "desc"), page=page,
        per_page=per_page),
    "search": lambda s, p, page, per_page: search.search_view(
        s, p.get("q", ""), page=page, per_page=per_page),
    **{f"relation-{part}": _relation(part)
       for part in ("people", "initiatives", "figures", "findings")},
}


def _int(params: Mapping[str, str], name: str, default: int, high: int) -> int:
    try:
        value = int(params.get(name, default))
    except ValueError:
        raise data.BadQuery(f"{name} must be a whole number") from None
    if not 1 <= value <= high:
        raise data.BadQuery(f"{name} must be between 1 and {high:,}, not {value}")
    return value


def rows(s: Session, name: str, params: Mapping[str, str]) -> dict:
    """The items of list `name` for `params`: one page, or every page up to MAX_ROWS."""
    view = LISTS[name]
    if params.get("all") in ("1", "true", "yes"):
        items: list[dict] = []
        first = view(s, params, 1, data.MAX_PER_PAGE)
        items.extend(first["items"])
        for page in range(2, first["pages"] + 1):
            if len(items) >= MAX_ROWS:
                break
            items.extend(view(s, params, page, data.MAX_PER_PAGE)["items"])
        return {"items": items[:MAX_ROWS], "total": first["total"], "rows": min(len(items), MAX_ROWS),
                "pages": "all", "filters": first.get("filters") or {"q": params.get("q")}}
    page = _int(params, "page", 1, data.MAX_PAGE)
    per_page = _int(params, "per_page", 50, data.MAX_PER_PAGE)
    got = view(s, params, page, per_page)
    return {"items": got["items"], "total": got["total"], "rows": len(got["items"]),
            "pages": page, "filters": got.get("filters") or {"q": params.get("q")}}


def _cell(value: Any) -> str:
    """One CSV cell: a list of records becomes their names joined by '; ', a record its name
    or text, a number or text itself, None an empty cell."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(filter(None, (_cell(v) for v in value)))
    if isinstance(value, dict):
        for key in ("name", "title", "sentence", "text", "id", "value"):
            if value.get(key) not in (None, ""):
                return _cell(value[key])
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def tabular(items: list[dict]) -> Iterator[dict[str, str]]:
    """Items as flat CSV rows. A nested record (evidence) gives one column per field
    (`evidence.doc`, `evidence.sentence`, ...); lists give one cell."""
    for item in items:
        row: dict[str, str] = {}
        for key, value in item.items():
            if isinstance(value, dict) and key == "evidence":
                row.update({f"{key}.{k}": _cell(v) for k, v in value.items()})
            else:
                row[key] = _cell(value)
        yield row


def to_csv(items: list[dict]) -> str:
    flat = list(tabular(items))
    columns = list(dict.fromkeys(k for row in flat for k in row))
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, restval="")
    writer.writeheader()
    writer.writerows(flat)
    return out.getvalue()


router = APIRouter(include_in_schema=False)


@router.get("/download/{name}.{fmt}")
def download(name: str, fmt: str, request: Request,
             s: Session = Depends(read_session)) -> Response:
    if name not in LISTS or fmt not in ("csv", "json"):
        raise HTTPException(404, f"no download called {name}.{fmt}")
    params = dict(request.query_params)
    got = rows(s, name, params)
    which = "all" if got["pages"] == "all" else f"page-{got['pages']}"
    filename = f"dossier-{name}-{which}.{fmt}"
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    if fmt == "json":
        return Response(json.dumps(got, ensure_ascii=False), media_type="application/json",
                        headers=headers)
    return Response(to_csv(got["items"]), media_type="text/csv; charset=utf-8", headers=headers)
