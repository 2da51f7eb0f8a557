"""A world map drawn on the server: country outlines from the `countryinfo` package (GeoJSON
shipped inside the wheel, derived from Natural Earth; nothing fetched at run time) projected
to an SVG plane, and each country's centroid for events known only to the country.

The projection is equirectangular (x from longitude, y from latitude, cut at 84°N and 58°S,
where no relations between countries take place): a point's place on the map is then simple
arithmetic the tests can check, and the outlines are only a backdrop for the dots. Everything
is computed once per process (`lru_cache`).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

from countryinfo import CountryInfo

WIDTH = 1000.0
NORTH, SOUTH = 84.0, -58.0
SCALE = WIDTH / 360.0
HEIGHT = round((NORTH - SOUTH) * SCALE, 1)
MIN_STEP = 0.6   # map units (0.2° of longitude): closer points of an outline are dropped

Ring = list[list[float]]


def project(lat: float, lon: float) -> tuple[float, float]:
    """(x, y) on the map for a latitude and longitude (clamped to the map's edges)."""
    lat = min(max(lat, SOUTH), NORTH)
    return round((lon + 180.0) * SCALE, 1), round((NORTH - lat) * SCALE, 1)


def _polygons(geometry: Mapping) -> Iterator[list[Ring]]:
    if geometry.get("type") == "Polygon":
        yield geometry["coordinates"]
    elif geometry.get("type") == "MultiPolygon":
        yield from geometry["coordinates"]


def _outlines() -> Iterator[tuple[str, str, list[list[Ring]]]]:
    """(alpha-3, name, polygons) of every country the package draws."""
    for info in CountryInfo.all().values():
        code = (info.get("ISO") or {}).get("alpha3")
        features = (info.get("geoJSON") or {}).get("features") or []
        polygons = [p for f in features for p in _polygons(f.get("geometry") or {})]
        if code and polygons:
            yield str(code).upper(), str(info.get("name") or code), polygons


def _path(rings: Iterable[Ring]) -> str:
    """SVG path data for the rings of one polygon, with points closer than MIN_STEP dropped."""
    parts = []
    for ring in rings:
        points: list[tuple[float, float]] = []
        for lon, lat, *_ in ring:
            x, y = project(lat, lon)
            if not points or abs(x - points[-1][0]) + abs(y - points[-1][1]) >= MIN_STEP:
                points.append((x, y))
        if len(points) >= 3:
            parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in points) + "Z")
    return "".join(parts)


def _area_and_centroid(ring: Ring) -> tuple[float, float, float]:
    """|area| and centroid (lon, lat) of a ring, in degrees (the shoelace formula)."""
    a = cx = cy = 0.0
    for (x0, y0, *_), (x1, y1, *_) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(a) < 1e-12:
        return 0.0, ring[0][0], ring[0][1]
    return abs(a) / 2, cx / (3 * a), cy / (3 * a)


@lru_cache(maxsize=1)
def countries() -> tuple[tuple[str, str, str], ...]:
    """(alpha-3, name, SVG path data) of every country outline, for the map's backdrop."""
    return tuple((code, name, "".join(_path(p) for p in polygons))
                 for code, name, polygons in sorted(_outlines()))


@lru_cache(maxsize=1)
def centroids() -> Mapping[str, tuple[float, float]]:
    """alpha-3 -> (lat, lon) of the centroid of the country's largest polygon: the mainland,
    not the mean of the mainland and its far islands (France, the United States)."""
    out = {}
    for code, _, polygons in _outlines():
        _, lon, lat = max(_area_and_centroid(p[0]) for p in polygons if p and len(p[0]) > 2)
        out[code] = (lat, lon)
    return MappingProxyType(out)


def frame(points: Iterable[tuple[float, float]], margin: float = 60.0,
          min_width: float = 320.0) -> tuple[float, float, float, float]:
    """The part of the map to show for these (x, y) points: their bounding box with a margin,
    at least `min_width` wide and of the whole map's proportions, kept inside the map. Events
    of a few countries then fill the picture instead of dotting a world, which on a phone
    would leave them a pixel wide."""
    points = list(points)
    if not points:
        return 0.0, 0.0, WIDTH, HEIGHT
    xs, ys = [x for x, _ in points], [y for _, y in points]
    width = max(max(xs) - min(xs) + 2 * margin, min_width)
    height = max(max(ys) - min(ys) + 2 * margin, width * HEIGHT / WIDTH)
    width = min(max(width, height * WIDTH / HEIGHT), WIDTH)
    height = min(width * HEIGHT / WIDTH, HEIGHT)
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    x = min(max(cx - width / 2, 0.0), WIDTH - width)
    y = min(max(cy - height / 2, 0.0), HEIGHT - height)
    return round(x, 1), round(y, 1), round(width, 1), round(height, 1)
