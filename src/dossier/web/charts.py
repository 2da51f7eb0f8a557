"""Chart geometry for the pages, computed on the server so the charts need no JavaScript.

Each function turns view data into numbers (positions in a viewBox or percentages); the
templates draw them as inline SVG or CSS bars, autoescaped like everything else.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from dossier.web import plover

CHART_WIDTH = 800
CHART_HEIGHT = 180
MIN_MONTHS = 12
_TYPE = re.compile(r"[A-Z]+")


def type_class(event_type: str | None) -> str:
    """A CSS class for an event type (colours are per PLOVER type); anything odd is 'other'."""
    return f"t-{event_type}" if event_type and _TYPE.fullmatch(event_type) else "t-other"


def _shift(month: str, n: int) -> str:
    y, m = divmod(int(month[:4]) * 12 + int(month[5:7]) - 1 + n, 12)
    return f"{y:04d}-{m + 1:02d}"


def _months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _month_range(months_seen: Iterable[str]) -> list[str]:
    """Every month from the first to the last seen, a year at least, so one busy month is not
    a wall and an empty month is a gap, not left out: the time axis is honest."""
    seen = sorted(months_seen)
    months = _months(seen[0], seen[-1])
    while len(months) < MIN_MONTHS:
        months = _months(_shift(months[0], -1), months[-1]) if len(months) % 2 else \
            _months(months[0], _shift(months[-1], 1))
    return months


def _axis(months: list[str]) -> list[dict]:
    """At most six month labels, placed in percent of the width: they are HTML under the
    drawing, so they keep their size on a phone while the drawing shrinks."""
    step = 100 / len(months)
    every = -(-len(months) // 6)
    return [{"left": round(i * step + step / 2, 2), "text": m,
             "minor": (i // every) % 2 == 1}   # every other label is hidden on a phone
            for i, m in enumerate(months) if i % every == 0]


def month_chart(by_month: Iterable[Mapping]) -> dict | None:
    """Stacked columns of events per month by type, every month in the range shown. None when
    nothing is dated."""
    counts = [(str(r["month"])[:7], str(r["type"]), int(r["count"])) for r in by_month
              if r.get("month") and int(r["count"]) > 0]
    if not counts:
        return None
    months = _month_range(c[0] for c in counts)
    types = sorted({t for _, t, _ in counts})
    per_month: dict[str, int] = {}
    for month, _, n in counts:
        per_month[month] = per_month.get(month, 0) + n
    top = max(per_month.values())
    step = CHART_WIDTH / len(months)
    bars, base = [], {m: 0.0 for m in months}
    for month, kind, n in sorted(counts, key=lambda c: (c[0], types.index(c[1]))):
        h = CHART_HEIGHT * n / top
        x = months.index(month) * step
        base[month] += h
        bars.append({"x": round(x + step * 0.1, 2), "w": round(max(step * 0.8, 1), 2),
                     "y": round(CHART_HEIGHT - base[month], 2), "h": round(h, 2),
                     "type": kind, "cls": type_class(kind), "month": month, "count": n})
    return {"width": CHART_WIDTH, "height": CHART_HEIGHT, "bars": bars, "axis": _axis(months),
            "top": top, "first": months[0], "last": months[-1],
            "legend": [{"type": t, "cls": type_class(t)} for t in types]}


QUAD_CLASSES = {"verbal cooperation": "q-vcoop", "material cooperation": "q-mcoop",
                "verbal conflict": "q-vconf", "material conflict": "q-mconf"}


def quad_chart(by_month: Iterable[Mapping]) -> dict | None:
    """The balance of cooperation and conflict per month: cooperation stacked up from a middle
    line (verbal, then material), conflict stacked down from it, on one scale, so a month of
    more conflict than cooperation reads as such. None when nothing is dated."""
    totals = {(r["month"][:7], r["quad"]): r["count"] for r in plover.quads_by_month(by_month)
              if r["count"] > 0}
    if not totals:
        return None
    months = _month_range(m for m, _ in totals)
    up = {m: sum(n for (mm, q), n in totals.items() if mm == m and plover.is_cooperation(q))
          for m in months}
    down = {m: sum(n for (mm, q), n in totals.items() if mm == m and not plover.is_cooperation(q))
            for m in months}
    top, bottom = max(up.values()), max(down.values())
    unit = CHART_HEIGHT / (top + bottom)
    mid = round(top * unit, 2)
    step = CHART_WIDTH / len(months)
    bars = []
    for i, month in enumerate(months):
        above = below = 0.0
        for quad in plover.QUADS:
            n = totals.get((month, quad), 0)
            if not n:
                continue
            h = n * unit
            if plover.is_cooperation(quad):
                above += h
                y = mid - above
            else:
                y = mid + below
                below += h
            bars.append({"x": round(i * step + step * 0.1, 2), "w": round(max(step * 0.8, 1), 2),
                         "y": round(y, 2), "h": round(h, 2), "quad": quad,
                         "cls": QUAD_CLASSES[quad], "month": month, "count": n})
    counts = {q: sum(n for (_, qq), n in totals.items() if qq == q) for q in plover.QUADS}
    return {"width": CHART_WIDTH, "height": CHART_HEIGHT, "mid": mid, "bars": bars,
            "axis": _axis(months), "top": top, "bottom": bottom,
            "legend": [{"quad": q, "cls": QUAD_CLASSES[q], "count": counts[q]}
                       for q in plover.QUADS]}


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def role_timeline(roles: Iterable[Mapping], dates: Iterable[str | None] = ()) -> dict:
    """Rows for an actor's roles on one time axis, which also spans `dates` (the actor's events,
    drawn as ticks). A role with a validity window is a bar (an open end runs to the edge); a
    role known only from a report is a dot at the report's date; a role with neither is a
    hatched bar across the axis that says so: the corpus does not tell when it held."""
    roles, dates = list(roles), [d for d in map(_day, dates) if d]
    known = [d for r in roles for d in (_day(r.get("valid_from")), _day(r.get("valid_to")),
                                        _day(r.get("reported"))) if d] + dates
    if not known:
        return {"rows": [{**r, "shape": "undated", "left": 0.0, "width": 100.0} for r in roles],
                "ticks": [], "events": [], "range": None}
    lo, hi = min(known), max(known)
    if (hi - lo).days < 60:
        lo, hi = lo - timedelta(days=90), hi + timedelta(days=90)
    span = (hi - lo).days

    def pct(d: date) -> float:
        return round(100 * (d - lo).days / span, 2)

    rows = []
    for r in roles:
        start, end = _day(r.get("valid_from")), _day(r.get("valid_to"))
        reported = _day(r.get("reported"))
        if start or end:
            left, right = pct(start) if start else 0.0, pct(end) if end else 100.0
            row = {"shape": "bar", "left": left, "width": max(right - left, 0.8),
                   "open_start": not start, "open_end": not end}
        elif reported:
            row = {"shape": "point", "left": pct(reported), "width": 0.0}
        else:
            row = {"shape": "undated", "left": 0.0, "width": 100.0}
        rows.append({**r, **row})
    ticks = [{"left": pct(date(y, 1, 1)), "text": str(y)} for y in range(lo.year + 1, hi.year + 1)]
    if len(ticks) < 2:
        ticks = [{"left": 0.0, "text": lo.isoformat()}, {"left": 100.0, "text": hi.isoformat()}]
    return {"rows": rows, "ticks": ticks,
            "events": [{"left": pct(d), "date": d.isoformat()} for d in dates],
            "range": (lo.isoformat(), hi.isoformat())}


def _money(value: float) -> str:
    """$1, $10K, $1M, $1B, $1T: the labels of a log axis in US dollars."""
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if value >= size:
            return f"${value / size:,.0f}{suffix}"
    return f"${value:,.0f}"


def figure_bars(figures: Iterable[Mapping]) -> dict:
    """Each figure with its USD value as a bar on a log scale (whole powers of ten from below
    the smallest to above the largest), so one figure of trillions does not flatten the
    millions; the decades are the axis ticks. A figure that could not be converted has no
    bar."""
    figures = list(figures)
    values = [f["value_usd"] for f in figures if (f.get("value_usd") or 0) > 0]
    if not values:
        return {"rows": [{**f, "pct": 0} for f in figures], "ticks": []}
    lo = math.floor(math.log10(min(values)))
    hi = max(math.ceil(math.log10(max(values))), lo + 1)

    def pct(v: float) -> float:
        return round(100 * (math.log10(v) - lo) / (hi - lo), 2)

    every = -(-(hi - lo) // 6)   # at most seven ticks
    ticks = [{"left": pct(10.0 ** e), "text": _money(10.0 ** e)}
             for e in range(lo, hi + 1) if (e - lo) % every == 0 or e == hi]
    return {"rows": [{**f, "pct": max(pct(f["value_usd"]), 0.5) if (f.get("value_usd") or 0) > 0
                      else 0} for f in figures], "ticks": ticks}
