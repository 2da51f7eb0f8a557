"""The reading commands: `dossier timeline`, `actors`, `show` and `export`.

`timeline`, `actors` and `export` take the same filters (`store.filters.EventFilter`); each list
shows ids to pass to `show` and prints as a table, JSON or CSV. They use the `--db` option,
consoles and store opener of `dossier.cli`, which registers them.
"""
from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table
from rich.console import Console
from rich.markup import escape as _escape
from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from dossier import export as exporting
from dossier.cli import DEFAULT_DB, DbOption, _open_current, err, out
from dossier.names import fold
from dossier.places import country_asked, country_name
from dossier.store import queries
from dossier.store.filters import (EventFilter, Selection, actor_matches, main_relationship,
                                   parse_day)
from dossier.store.queries import sentence_around, sentence_ends
from dossier.store.schema import (ActorRow, DocumentRow, EventLinkRow, EventMentionRow,
                                  EventParticipantRow, EventRow, FigureRow, InitiativeRow, QuoteRow)
from dossier.store.store import Store

TypeOption = Annotated[list[str], typer.Option(
    "--type", metavar="TYPE", help="Only events of this PLOVER type (AGREE, CONSULT, ...); "
    "repeat for several.")]
ActorOption = Annotated[list[str], typer.Option(
    "--actor", metavar="NAME_OR_ID", help="Only events this actor took part in (a name or an "
    "id); repeat to ask for events with all of them.")]
CountryOption = Annotated[list[str], typer.Option(
    "--country", metavar="NAME_OR_CODE", help="Only events involving this country (held there or "
    "with a participant of it): a name (Kenya) or an ISO code (KEN); repeat for events "
    "involving all of them (a relationship).")]
SinceOption = Annotated[Optional[str], typer.Option(
    "--since", metavar="DATE", help="Only events that may have happened on or after DATE "
    "(YYYY, YYYY-MM or YYYY-MM-DD).")]
UntilOption = Annotated[Optional[str], typer.Option(
    "--until", metavar="DATE", help="Only events that may have happened on or before DATE "
    "(--until 2024 keeps all of 2024).")]
LimitOption = Annotated[Optional[int], typer.Option("--limit", min=1, help="At most this many.")]
FormatOption = Annotated[str, typer.Option(
    "--format", help="table (for reading), json or csv (for other programs).")]
LIST_FORMATS = ("table", "json", "csv")
PIPE_WIDTH = 200   # columns of a table printed to a pipe or a file
EVIDENCE_SHOWN = 12   # sentences `show` prints before saying how many more there are


def _fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"error: {message}", markup=False)
    return typer.Exit(code)


def choose(matches: list, what: str, label) -> object:
    """The one of `matches` the user means: itself if alone; else asked on a terminal, or an
    error listing them when no one can answer."""
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise _fail(f"{what}: nothing matches")
    listed = [f"{k}. {label(m)}" for k, m in enumerate(matches, 1)]
    if sys.stdin.isatty() and err.is_terminal:
        err.print(f"{what}: {len(matches)} match", markup=False)
        for line in listed:
            err.print("  " + line, markup=False)
        k = typer.prompt("which one (number)", type=typer.IntRange(1, len(matches)), err=True)
        return matches[k - 1]
    raise _fail(f"{what}: {len(matches)} match, give one of these ids: "
                + "; ".join(label(m) for m in matches))


def _actor_label(a: ActorRow) -> str:
    return f"{a.id} ({a.name}, {a.type}{', ' + a.country if a.country else ''})"


def _country(text: str) -> str:
    code = country_asked(text)
    if code is None:
        raise _fail(f"--country {text}: not a country name or ISO code")
    return code


def event_filter(s: Session, types: list[str], actors: list[str], countries: list[str],
                 since: str | None, until: str | None, limit: int | None) -> EventFilter:
    """The filter the options ask for, each checked against the store with a clear error."""
    known = set(s.scalars(select(EventRow.type).distinct()))
    for t in types:
        if t.upper() not in known:
            raise _fail(f"--type {t}: no event of this type (types here: "
                        f"{', '.join(sorted(known)) or 'none'})")
    ids = tuple(choose(actor_matches(s, a), f"--actor {a}", _actor_label).id for a in actors)
    start = _day("--since", since)
    end = _day("--until", until, end=True)
    return EventFilter(tuple(types), ids, tuple(map(_country, countries)), start, end, limit)


def _day(option: str, text: str | None, end: bool = False):
    try:
        return parse_day(text, end) if text else None
    except ValueError as e:
        raise _fail(f"{option} {text}: {e}") from None


def _check_format(fmt: str, allowed: Iterable[str]) -> None:
    if fmt not in allowed:
        raise _fail(f"--format {fmt}: unsupported format (supported: {', '.join(allowed)})")


def _print_rows(rows: list[dict], fmt: str, title: str) -> None:
    """Rows as a table on the terminal, a JSON array or CSV with a header line."""
    if fmt == "json":
        out.print_json(data=rows) if out.is_terminal else print(json.dumps(rows, ensure_ascii=False))
        return
    if fmt == "csv":
        if rows:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows({k: "; ".join(v) if isinstance(v, list) else v
                              for k, v in r.items()} for r in rows)
        return
    table = Table(title=title)
    for col in (rows[0] if rows else ["id"]):
        # an id is never folded (a reader copies it whole into `show`), nor a short value
        table.add_column(col, overflow="fold", min_width=len(col),
                         no_wrap=col in ("id", "n", "date", "made", "type", "reports", "events",
                                         "country", "target", "status"))
    for r in rows:
        table.add_row(*("; ".join(v) if isinstance(v, list) else "" if v is None else str(v)
                        for v in r.values()))
    # a pipe gets whole lines: a table read by `less -S` or saved to a file is not folded
    (out if out.is_terminal else Console(width=PIPE_WIDTH, soft_wrap=True)).print(table)


def _when(e: EventRow) -> str:
    if e.date:
        return e.date.isoformat()
    if e.date_earliest or e.date_latest:
        return f"{e.date_earliest or '?'} … {e.date_latest or '?'}"
    return "unknown"


def timeline_rows(s: Session, f: EventFilter) -> list[dict]:
    """One row per event the filter keeps, in time order, participants by name."""
    ids = f.event_ids(s)
    chosen = select(f.ids().subquery().c.id)   # an IN subquery: no limit on how many
    events = {e.id: e for e in s.scalars(select(EventRow).where(EventRow.id.in_(chosen)))}
    names = dict(s.execute(select(ActorRow.id, ActorRow.name).distinct()
                           .join(EventParticipantRow, EventParticipantRow.actor_id == ActorRow.id)
                           .where(EventParticipantRow.event_id.in_(chosen))).all())
    members: dict[str, list[str]] = {i: [] for i in ids}
    for event_id, actor_id in s.execute(select(EventParticipantRow.event_id,
                                               EventParticipantRow.actor_id)
                                        .where(EventParticipantRow.event_id.in_(chosen))
                                        .order_by(EventParticipantRow.actor_id)):
        members[event_id].append(actor_id)
    reports = Counter(event_id for event_id, _ in s.execute(
        select(EventLinkRow.event_id, EventMentionRow.doc_id).distinct()
        .join(EventMentionRow, EventMentionRow.id == EventLinkRow.event_mention_id)
        .where(EventLinkRow.event_id.in_(chosen))))
    return [{"id": i, "date": _when(events[i]), "type": events[i].type,
             "participants": [names.get(p, p) for p in members[i]],
             "place": events[i].location, "reports": reports[i],
             "summary": events[i].summary} for i in ids]


def timeline(types: TypeOption = [], actor: ActorOption = [], country: CountryOption = [],
             since: SinceOption = None, until: UntilOption = None, limit: LimitOption = None,
             fmt: FormatOption = "table", db: DbOption = DEFAULT_DB) -> None:
    """Events in time order: id, date (or the window it lies in), type, participants, place,
    number of reports. Pass an id to `dossier show`."""
    _check_format(fmt, LIST_FORMATS)
    with _open_current(db).session() as s:
        rows = timeline_rows(s, event_filter(s, types, actor, country, since, until, limit))
    if fmt == "table":
        for r in rows:
            del r["summary"]   # a table line per event; `show` has the rest
    _print_rows(rows, fmt, "Timeline")


def print_relationship(store: Store) -> None:
    """The timeline of the relationship the knowledge base is most about (`main_relationship`)."""
    with store.session() as s:
        pair = main_relationship(s)
        rows = timeline_rows(s, EventFilter(countries=pair))
    for r in rows:
        del r["summary"]
    _print_rows(rows, "table", " – ".join(sorted(map(country_name, pair))) or "Timeline")


def actors(kind: Annotated[Optional[str], typer.Option(
               "--type", metavar="TYPE", help="Only actors of this type: person, organization, "
               "country, armed group.")] = None,
           actor: ActorOption = [],
           country: Annotated[Optional[str], typer.Option(
               "--country", metavar="NAME_OR_CODE", help="Only actors of this country.")] = None,
           since: SinceOption = None, until: UntilOption = None, limit: LimitOption = None,
           fmt: FormatOption = "table", db: DbOption = DEFAULT_DB) -> None:
    """People and bodies: id, name, type, country, roles, events taken part in, mentions.
    --since/--until keep those taking part in an event in that period; --actor those who
    took part in an event with the actor named."""
    _check_format(fmt, LIST_FORMATS)
    with _open_current(db).session() as s:
        f = event_filter(s, [], actor, [], since, until, None)
        chosen = None if not (f.actors or f.since or f.until) else set(Selection.of(s, f).actors)
        code = _country(country) if country else None
        counts = (select(EventParticipantRow.actor_id, func.count().label("n"))
                  .group_by(EventParticipantRow.actor_id).subquery())
        events = func.coalesce(counts.c.n, 0)
        # the most active first: those who carried the relationship
        query = (select(ActorRow, events).outerjoin(counts, counts.c.actor_id == ActorRow.id)
                 .order_by(events.desc(), ActorRow.name, ActorRow.id))
        if kind:
            query = query.where(ActorRow.type == kind)
        if code:
            query = query.where(ActorRow.country == code)
        rows = []
        for a, n in s.execute(query):
            if chosen is not None and a.id not in chosen:
                continue
            rows.append({"id": a.id, "name": a.name, "type": a.type, "country": a.country,
                         "events": n})
            if limit and len(rows) == limit:
                break
        details = {r["id"]: r for r in exporting.records(
            s, "actors", Selection(actors=[r["id"] for r in rows]))}
    for r in rows:
        d = details[r["id"]]
        r["roles"] = [role["title"] + (f" ({role['country']})" if role["country"] else "")
                      for role in d["roles"]]
        r["mentions"] = len(d["evidence"])
    _print_rows(rows, fmt, "Actors")


def export(out_dir: Annotated[Path, typer.Option("--out", help="Directory to write the files into.")],
           fmt: Annotated[str, typer.Option(
               "--format", help="jsonl (the records whole), csv or parquet (one table per kind, "
               "schema in the README).")] = "jsonl",
           types: TypeOption = [], actor: ActorOption = [], country: CountryOption = [],
           since: SinceOption = None, until: UntilOption = None, limit: LimitOption = None,
           db: DbOption = DEFAULT_DB) -> None:
    """Write the knowledge base, one file per kind of record. With filters: the events they keep
    and what those events point to (participants, reports, initiatives, the reports' figures,
    quotes and findings)."""
    _check_format(fmt, exporting.FORMATS)
    if out_dir.exists() and not out_dir.is_dir():
        raise _fail(f"--out {out_dir}: is a file; give a directory to write the export into")
    with _open_current(db).session() as s:
        selection = Selection.of(s, event_filter(s, types, actor, country, since, until, limit))
        out_dir.mkdir(parents=True, exist_ok=True)
        counts = exporting.write(s, out_dir, fmt, selection)
    out.print("exported " + ", ".join(f"{n} {k}" for k, n in counts.items()) + f" to {out_dir}",
              markup=False)


# ------------------------------------------------------------------ show

def show(ident: Annotated[str, typer.Argument(
             metavar="ID_OR_NAME", help="An event, actor, initiative or document id, or an "
             "actor's or initiative's name.")],
         everything: Annotated[bool, typer.Option(
             "--all", help="Every evidence sentence, not the first few.")] = False,
         db: DbOption = DEFAULT_DB) -> None:
    """An event, actor, initiative or document: what is known of it and the whole sentences it
    rests on. A name that fits several records asks which one."""
    store = _open_current(db)
    with store.session() as s:
        found = next(((kind, record) for kind, read in queries.KEYED.items()
                      for record in read(s, ids=[ident])), None)
        if found is None:
            candidates = [("actors", a.id, _actor_label(a)) for a in actor_matches(s, ident)]
            candidates += [("initiatives", i.id, f"{i.id} ({i.name})")
                           for i in _initiative_matches(s, ident)]
            if not candidates:
                raise _fail(f"{ident}: no event, actor, initiative or document has this id, "
                            "and no actor or initiative this name", 1)
            kind, key, _ = choose(candidates, ident, lambda c: c[2])
            found = (kind, next(queries.KEYED[kind](s, ids=[key])))
        RENDER[found[0]](s, found[1], None if everything else EVIDENCE_SHOWN)


def _initiative_matches(s: Session, text: str) -> list[InitiativeRow]:
    wanted = fold(text)
    return [i for i in s.scalars(select(InitiativeRow).order_by(InitiativeRow.id))
            if wanted in {fold(i.name), *map(fold, i.aliases or [])}]


class _Sentences:
    """Evidence as the whole sentences it sits in, each once, the quoted words in bold."""

    def __init__(self, s: Session):
        self.s = s
        self.texts: dict[str, tuple[str, list[int]]] = {}

    def __call__(self, ev: dict) -> str:
        if ev["doc"] not in self.texts:
            text = self.s.get(DocumentRow, ev["doc"]).text
            self.texts[ev["doc"]] = (text, sentence_ends(text))
        text, ends = self.texts[ev["doc"]]
        sentence = sentence_around(text, ev["start"], ev["end"], ends)
        words = " ".join(ev["text"].split())
        at = sentence.find(words)
        if at < 0:
            return _escape(sentence)
        return (_escape(sentence[:at]) + "[bold]" + _escape(words) + "[/bold]"
                + _escape(sentence[at + len(words):]))

    def print(self, evidence: list[dict], limit: int | None) -> None:
        seen: dict[tuple[str, str], None] = {}
        for ev in evidence:
            seen.setdefault((ev["doc"], self(ev)), None)
        lines = list(seen)
        out.print(f"\n[bold]evidence[/bold] ({len(lines)} sentence{'s' if len(lines) != 1 else ''})")
        for doc, sentence in lines[:limit]:
            out.print(f"  {_escape(doc)}: {sentence}")
        if limit is not None and len(lines) > limit:
            out.print(f"  … and {len(lines) - limit} more (--all shows them)")


def _field(label: str, value: object) -> None:
    if value not in (None, "", []):
        out.print(f"  {label}: {_escape(str(value))}")


def _names(s: Session, ids: Iterable[str]) -> dict[str, str]:
    ids = list(ids)
    return dict(s.execute(select(ActorRow.id, ActorRow.name).where(ActorRow.id.in_(ids)))
                .all()) if ids else {}


def _event_lines(s: Session, event_ids: Select) -> None:
    rows = s.scalars(select(EventRow).where(EventRow.id.in_(event_ids))
                     .order_by(EventRow.date_earliest.is_(None), EventRow.date_earliest,
                               EventRow.id)).all()
    out.print(f"\n[bold]events[/bold] ({len(rows)})")
    for e in rows:
        out.print(f"  {_when(e)}  {e.type:<9} {_escape(e.summary)}  [dim]{e.id}[/dim]")


def _show_actor(s: Session, a: dict, limit: int | None) -> None:
    out.print(f"[bold]{_escape(a['name'])}[/bold]  [dim]{a['id']}[/dim]")
    _field("type", a["type"])
    _field("country", a["country"] and f"{country_name(a['country'])} ({a['country']})")
    _field("also called", ", ".join(a["aliases"]))
    if a["roles"]:
        out.print("\n[bold]roles over time[/bold]")
        for r in sorted(a["roles"], key=lambda r: (r["valid_from"] or "", r["title"])):
            span = (f"{r['valid_from']} … {r['valid_to']}" if r["valid_from"]
                    else "undated")
            where = ", ".join(filter(None, [r["organization"], r["country"]]))
            out.print(f"  {span:<25} {_escape(r['title'])}" + (f" ({_escape(where)})" if where else ""))
    _event_lines(s, select(EventParticipantRow.event_id)
                 .where(EventParticipantRow.actor_id == a["id"]))
    _corrections(a["corrections"])
    _Sentences(s).print(a["evidence"], limit)


def _show_event(s: Session, e: dict, limit: int | None) -> None:
    out.print(f"[bold]{e['type']}[/bold]: {_escape(e['summary'])}  [dim]{e['id']}[/dim]")
    when = e["date"] or (f"between {e['date_earliest'] or '?'} and {e['date_latest'] or '?'}"
                         if e["date_earliest"] or e["date_latest"] else "unknown")
    _field("when", when)
    _field("how", e["mode"])
    _field("where", ", ".join(filter(None, [e["location"], e["country"]])))
    names = _names(s, e["participants"])
    _field("who", "; ".join(f"{names.get(p, p)} ({p})" for p in e["participants"]))
    if e["initiatives"]:
        titled = dict(s.execute(select(InitiativeRow.id, InitiativeRow.name)
                                .where(InitiativeRow.id.in_(e["initiatives"]))).all())
        _field("initiatives", "; ".join(f"{titled.get(i, i)} ({i})" for i in e["initiatives"]))
    _field("topics", ", ".join(e["topics"]))
    for rel in e["related"]:
        _field(rel["relation"], rel["event"])
    _field("confidence", e["confidence"])
    _corrections(e["corrections"])
    _reports(s, e["reported_by"])
    _Sentences(s).print(e["evidence"], limit)


def _corrections(made: list[dict]) -> None:
    if made:
        out.print(f"\n[bold]corrections[/bold] ({len(made)})")
    for c in made:
        value = ", ".join(f"{k} {v}" for k, v in (c["value"] or {}).items())
        out.print(f"  {c['number']}. {c['action']} {_escape(c['target'])} {_escape(value)} "
                  f"by {_escape(c['by'])} on {c['made_at'][:10]}: {_escape(c['why'])}")


def _reports(s: Session, doc_ids: list[str]) -> None:
    docs = s.execute(select(DocumentRow.id, DocumentRow.published, DocumentRow.title,
                            DocumentRow.outlet).where(DocumentRow.id.in_(doc_ids))
                     .order_by(DocumentRow.published, DocumentRow.id)).all()
    out.print(f"\n[bold]reported by[/bold] ({len(docs)})")
    for doc_id, published, title, outlet in docs:
        out.print(f"  {str(published or 'undated'):<10}  {_escape(doc_id)}"
                  + (f"  {_escape(title)}" if title else "")
                  + (f" ({_escape(outlet)})" if outlet else ""))


def _show_initiative(s: Session, i: dict, limit: int | None) -> None:
    out.print(f"[bold]{_escape(i['name'])}[/bold]  [dim]{i['id']}[/dim]")
    _field("also called", ", ".join(i["aliases"]))
    statuses = [(m["doc"], m["status"]) for m in i["mentions"] if m["status"]]
    if statuses:
        out.print("\n[bold]status by report[/bold]")
        for doc, status in dict.fromkeys(statuses):
            out.print(f"  {_escape(doc)}: {_escape(status)}")
    _reports(s, sorted({m["doc"] for m in i["mentions"]}))
    _Sentences(s).print([ev for m in i["mentions"] for ev in m["evidence"]], limit)


def _show_document(s: Session, d: dict, limit: int | None) -> None:
    out.print(f"[bold]{_escape(d['title'] or d['id'])}[/bold]  [dim]{d['id']}[/dim]")
    for label in ("published", "outlet", "url", "source", "dateline", "author", "language",
                  "date_note"):
        _field(label, d[label])
    if d["near_duplicate_of"]:
        _field("copy of", f"{d['near_duplicate_of']} (similarity {d['duplicate_similarity']})")
    _field("characters", f"{len(d['text']):,}")
    events = (select(EventLinkRow.event_id)
              .join(EventMentionRow, EventMentionRow.id == EventLinkRow.event_mention_id)
              .where(EventMentionRow.doc_id == d["id"]))
    _event_lines(s, events)
    people = list(s.scalars(select(ActorRow).where(ActorRow.id.in_(
        select(EventParticipantRow.actor_id).where(EventParticipantRow.event_id.in_(events))))
        .order_by(ActorRow.name)))
    out.print(f"\n[bold]taking part[/bold] ({len(people)})")
    for a in people:
        out.print(f"  {_escape(a.name)} ({a.type}{', ' + a.country if a.country else ''})  "
                  f"[dim]{a.id}[/dim]")
    figures = s.scalars(select(FigureRow).where(FigureRow.doc_id == d["id"])
                        .order_by(FigureRow.start)).all()
    out.print(f"\n[bold]figures[/bold] ({len(figures)})")
    for f in figures[:limit]:
        usd = f" = US${f.value_usd:,.0f}" if f.value_usd is not None and f.currency != "USD" else ""
        out.print(f"  {_escape(f.text)}{usd}" + (f": {_escape(f.what)}" if f.what else ""))
    quotes = s.scalars(select(QuoteRow).where(QuoteRow.doc_id == d["id"])
                       .order_by(QuoteRow.start)).all()
    out.print(f"\n[bold]quotes[/bold] ({len(quotes)})")
    for q in quotes[:limit]:
        out.print(f"  {_escape(q.speaker_name or 'unattributed')}: “{_escape(' '.join(q.text.split())[:200])}”")


RENDER = {"actors": _show_actor, "events": _show_event, "initiatives": _show_initiative,
          "documents": _show_document}
