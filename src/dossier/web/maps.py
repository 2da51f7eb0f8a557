"""The events of a filtered timeline placed on the world map.

Events are gathered by place (their `location` and `country`), since most share a handful of
capitals: one dot per point on the map ("Nairobi" and "State House, Nairobi" are one), sized by
its number of events. A place is drawn where the
gazetteer puts it (`dossier.places.place_point`: the city when the place is one); an event
known only to a country is drawn at the country's centroid computed from the map's own
outlines (`geo.centroids`), else at its capital. A dot with one event links to it; a dot with
several links to the list of that place's events under the map. Filters are the timeline's
(`data.event_filters`), so the map and the timeline show the same events.
"""
from __future__ import annotations

import math
from functools import lru_cache

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dossier.places import place_point
from dossier.store.schema import EventRow
from dossier.web import data, geo
from dossier.web.cache import cached
from dossier.web.countries import label

PER_PLACE = 20    # events listed under the map for one place; the timeline has the rest
MIN_R, MAX_R = 4.0, 18.0   # dot radius in units of the whole map (1,000 wide)


@lru_cache(maxsize=4096)
def _where(location: str | None, country: str | None) -> tuple[float, float, str] | None:
    """(lat, lon, precision) of a place: the gazetteer's city, else the country's centroid."""
    point = place_point(location, country) if (location or country) else None
    code = country
    if point is not None and point.precision == "city":
        return point.lat, point.lon, "city"
    if code and code in geo.centroids():
        lat, lon = geo.centroids()[code]
        return lat, lon, "country"
    if point is not None:
        return point.lat, point.lon, "country"
    return None


def _places(s: Session, where: list) -> dict:
    n = func.count()
    groups = s.execute(select(EventRow.location, EventRow.country, n).where(*where)
                       .group_by(EventRow.location, EventRow.country)
                       .order_by(n.desc(), EventRow.location, EventRow.country)).all()
    ranked = (select(EventRow.id, EventRow.location, EventRow.country,
                     func.row_number().over(
                         partition_by=(EventRow.location, EventRow.country),
                         order_by=(data.event_date().is_(None), data.event_date(), EventRow.id))
                     .label("k"))
              .where(*where).subquery())
    firsts = s.execute(select(ranked.c.id, ranked.c.location, ranked.c.country)
                       .where(ranked.c.k <= PER_PLACE)).all()
    rows = s.scalars(select(EventRow).where(EventRow.id.in_([r.id for r in firsts]))).all()
    items = {e["id"]: e for e in data.event_items(s, rows)}
    listed: dict[tuple, list[dict]] = {}
    for r in firsts:
        listed.setdefault((r.location, r.country), []).append(items[r.id])
    at: dict[tuple[float, float], dict] = {}   # places drawn at one point share one dot
    unplaced = 0
    for location, country, count in groups:
        where_at = _where(location, country)
        if where_at is None:
            unplaced += count
            continue
        lat, lon, precision = where_at
        x, y = geo.project(lat, lon)
        events = listed.get((location, country), [])
        if (x, y) in at:
            place = at[(x, y)]
            place["count"] += count
            place["events"] += events
            if location and location not in place["names"]:
                place["names"].append(location)
            continue
        at[(x, y)] = {"location": location, "names": [location] if location else [],
                      "country": country, "country_name": label(country),
                      "lat": round(lat, 4), "lon": round(lon, 4), "precision": precision,
                      "x": x, "y": y, "count": count, "events": events}
    places = sorted(at.values(), key=lambda p: (-p["count"], p["location"] or "", p["x"]))
    top = places[0]["count"] if places else 1
    for index, place in enumerate(places, 1):
        place["events"] = sorted(place["events"], key=lambda e: (
            e["date"] or e["date_earliest"] or "9999", e["id"]))[:PER_PLACE]
        # area grows with the count, relative to the busiest place: sizes compare at any scale
        place.update(index=index, r=round(MIN_R + (MAX_R - MIN_R) * math.sqrt(place["count"] / top), 1))
    return {"places": places, "unplaced": unplaced}


def map_view(s: Session, *, actor: str | None = None, country: str | None = None,
             type: str | None = None, topic: str | None = None,
             initiative: str | None = None, since=None, until=None,
             partner: str | None = None, q: str | None = None) -> dict:
    """Places with their events for the timeline's filters (computed once per state of the
    store): `places` (largest first, each with x/y on the map, its count and its first
    PER_PLACE events), `total` events and `unplaced` (events whose place the gazetteer does
    not know)."""
    country = data.country_filter("country", country)
    partner = data.country_filter("partner", partner)
    filters = {"actor": actor, "country": country, "partner": partner, "type": type,
               "topic": topic, "initiative": initiative, "since": since and since.isoformat(),
               "until": until and until.isoformat(), "q": q}
    where = data.event_filters(s, actor, country, type, topic, initiative, since, until,
                               partner, q)

    def compute() -> dict:
        found = _places(s, where)
        x, y, w, h = geo.frame((p["x"], p["y"]) for p in found["places"])
        scale = w / geo.WIDTH   # dots keep their size on the screen when the map zooms in
        for p in found["places"]:
            p["r"] = round(p["r"] * scale, 2)
        return {**found, "total": sum(p["count"] for p in found["places"]) + found["unplaced"],
                "filters": filters, "viewbox": [x, y, w, h], "stroke": round(0.4 * scale, 3)}
    return cached(s, ("map", *filters.values()), compute)
