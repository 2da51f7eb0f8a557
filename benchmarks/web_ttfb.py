"""Time to first byte of the web app on a knowledge base of 10,000 documents.

    python benchmarks/web_ttfb.py                       # builds /tmp/dossier-ttfb.db if missing
    python benchmarks/web_ttfb.py --db kb.db --docs 10000 --requests 21

Running spaCy over 10,000 articles would take most of an hour, and what is measured here is the
serving side, so the knowledge base is written straight into the store's tables: synthetic but
shaped like the real thing (articles of ~2,500 characters about meetings between officials of
a few dozen countries, 1-3 event mentions per article, most events reported by one article and
some by several, 2-4 participants per event, roles, figures, initiatives with statuses). Rows
go in through the store's own schema and migrations, so the FTS index and its triggers are
those of a real knowledge base.

Then `dossier serve` runs in a subprocess (uvicorn, as a user would start it) on a free port,
and each URL is requested once to warm up and then N times; the time to the response headers
(the app builds the whole JSON body before it sends them) is the TTFB. The last line printed
is one JSON object: {"documents", "events", "actors", "build_seconds", "ttfb_ms": {url:
{"median", "p90", "max", "first", "status", "bytes"}}}.
"""
from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import subprocess
import sys
import time
from datetime import date, datetime, timedelta, timezone
from hashlib import sha256
from pathlib import Path

import httpx
from sqlalchemy import func, insert, select

from dossier.store.schema import (ActorMentionRow, ActorRoleRow, ActorRow, DocumentRow,
                                  EventLinkRow, EventMentionRow, EventParticipantRow, EventRow,
                                  FigureRow, InitiativeLinkRow, InitiativeMentionRow,
                                  InitiativeRow, PersonMentionRow)
from dossier.store.store import Store

COUNTRIES = [("KEN", "Kenya", "Nairobi"), ("USA", "United States", "Washington"),
             ("NGA", "Nigeria", "Abuja"), ("GBR", "United Kingdom", "London"),
             ("ETH", "Ethiopia", "Addis Ababa"), ("FRA", "France", "Paris"),
             ("ZAF", "South Africa", "Pretoria"), ("CHN", "China", "Beijing"),
             ("IND", "India", "New Delhi"), ("DEU", "Germany", "Berlin"),
             ("TZA", "Tanzania", "Dodoma"), ("UGA", "Uganda", "Kampala"),
             ("GHA", "Ghana", "Accra"), ("EGY", "Egypt", "Cairo"), ("BRA", "Brazil", "Brasilia"),
             ("JPN", "Japan", "Tokyo"), ("TUR", "Turkey", "Ankara"), ("ARE", "United Arab Emirates", "Abu Dhabi"),
             ("SEN", "Senegal", "Dakar"), ("RWA", "Rwanda", "Kigali")]
TITLES = ["President", "Foreign Minister", "Trade Minister", "Ambassador", "Defence Minister",
          "Finance Minister", "Deputy Secretary of State", "Prime Minister", "Envoy"]
FIRST = ["Amina", "John", "Grace", "Peter", "Fatima", "David", "Mary", "Samuel", "Aisha", "James",
         "Wanjiru", "Olusegun", "Helen", "Ahmed", "Chen", "Priya", "Hans", "Yuki", "Lucia", "Kofi"]
LAST = ["Odhiambo", "Smith", "Adeyemi", "Brown", "Tesfaye", "Martin", "Naidoo", "Wang", "Sharma",
        "Muller", "Mwakyusa", "Okello", "Mensah", "Hassan", "Silva", "Tanaka", "Yilmaz", "Diop",
        "Kagame", "Johnson", "Kariuki", "Baker", "Eze", "Taylor"]
TYPES = ["CONSULT"] * 5 + ["AGREE"] * 3 + ["SUPPORT", "COOPERATE", "REQUEST", "AID", "ACCUSE",
                                            "REJECT"]
TOPICS = ["trade", "security", "health", "investment", "diplomacy", "agriculture", "energy",
          "migration", "climate", "technology", "education", "infrastructure"]
INITIATIVES = [f"{a} {b}" for a in ("Strategic", "Joint", "Regional", "Bilateral", "Green")
               for b in ("Trade Partnership", "Security Compact", "Health Framework",
                         "Energy Initiative")]
STATUSES = [None, None, "negotiating", "signed", "extended", "requested", "suspended"]
FILLER = ("Officials said the discussions covered a range of issues of mutual interest, including "
          "market access, regional stability and cooperation in multilateral forums. Analysts "
          "noted that the meeting came at a time of renewed attention to the relationship. ")


def build(path: Path, n_docs: int, seed: int = 7) -> None:
    """Write a synthetic knowledge base of `n_docs` documents into a fresh store at `path`."""
    rng = random.Random(seed)
    store = Store(str(path))
    people = []   # (actor id, name, title, country)
    for k in range(600):
        code, _, _ = COUNTRIES[k % len(COUNTRIES)]
        name = f"{FIRST[k % len(FIRST)]} {LAST[(k * 7) % len(LAST)]} {k}"
        people.append((f"person-{k}", name, TITLES[k % len(TITLES)], code))
    initiatives = [(f"initiative-{k}", name) for k, name in enumerate(INITIATIVES)]
    rows: dict[type, list[dict]] = {t: [] for t in (
        DocumentRow, PersonMentionRow, ActorMentionRow, ActorRoleRow, EventMentionRow, EventRow,
        EventLinkRow, EventParticipantRow, FigureRow, InitiativeMentionRow, InitiativeLinkRow)}
    pm_id = em_id = fig_id = im_id = 0
    start_day = date(2020, 1, 1)
    recent: list[tuple[str, date, list[str]]] = []   # events others may report again
    for d in range(n_docs):
        doc_id = f"doc-{d:05d}"
        day = start_day + timedelta(days=rng.randrange(0, 6 * 365))
        a, b = rng.sample(people, 2)
        city = next(c[2] for c in COUNTRIES if c[0] == a[3])
        opening = (f"{a[2]} {a[1]} held talks with {b[2]} {b[1]} in {city} on "
                   f"{day:%d %B %Y}. ")
        body = opening + "".join(FILLER for _ in range(12))
        title = f"{a[1]} and {b[1]} discuss {rng.choice(TOPICS)} in {city}"
        rows[DocumentRow].append(dict(
            id=doc_id, source=f"synthetic/{doc_id}.txt", url=f"https://news.example/{doc_id}",
            title=title, outlet=rng.choice(["Daily Wire Service", "The Observer", "Capital FM"]),
            published=day + timedelta(days=1), language="en", text=body, raw=body,
            content_hash=sha256(body.encode() + doc_id.encode()).hexdigest(), minhash=[],
            warnings=[], ingested_at=datetime.now(timezone.utc)))
        for person, (s0, e0) in ((a, (0, len(a[2]) + 1 + len(a[1]))),
                                 (b, (opening.index(b[2]), opening.index(b[2]) + len(b[2]) + 1 + len(b[1])))):
            pm_id += 1
            rows[PersonMentionRow].append(dict(id=pm_id, doc_id=doc_id, start=s0, end=e0,
                                               surface=person[1], name=person[1], country=person[3]))
            rows[ActorMentionRow].append(dict(person_mention_id=pm_id, actor_id=person[0]))
            if rng.random() < 0.2:
                rows[ActorRoleRow].append(dict(actor_id=person[0], doc_id=doc_id, start=s0, end=e0,
                                               title=person[2], country=person[3],
                                               valid_from=day, valid_to=day))
        for _ in range(rng.choice((1, 1, 2, 3))):
            em_id += 1
            kind = rng.choice(TYPES)
            topics = rng.sample(TOPICS, rng.randint(1, 4))
            inits = [i[0] for i in rng.sample(initiatives, rng.choice((0, 0, 1, 2)))]
            rows[EventMentionRow].append(dict(
                id=em_id, doc_id=doc_id, type=kind, summary=opening.strip(), date_earliest=day,
                date_latest=day, date_precision="day", location=city, country=a[3],
                participants=[a[1], b[1]], topics=topics, initiatives=inits,
                evidence=[[0, len(opening) - 1]]))
            if recent and rng.random() < 0.3:     # another report of a known event
                event_id, _, _ = rng.choice(recent)
            else:
                event_id = f"event-{em_id:06d}"
                undated = rng.random() < 0.1
                rows[EventRow].append(dict(
                    id=event_id, type=kind, summary=opening.strip(), mode=None,
                    date=None if undated else day, date_earliest=None if undated else day,
                    date_latest=None if undated else day, location=city, country=a[3],
                    topics=topics, initiatives=inits, related=[]))
                members = {a[0], b[0], f"country-{a[3].lower()}", f"country-{b[3].lower()}"}
                rows[EventParticipantRow].extend(dict(event_id=event_id, actor_id=m)
                                                 for m in members)
                recent = (recent + [(event_id, day, [])])[-50:]
            rows[EventLinkRow].append(dict(event_mention_id=em_id, event_id=event_id))
        if rng.random() < 0.35:
            fig_id += 1
            value = rng.randint(1, 900) * 1e6
            rows[FigureRow].append(dict(id=fig_id, doc_id=doc_id, start=0, end=10,
                                        text=f"${value / 1e6:.0f} million", value=value,
                                        currency="USD", value_usd=value, what="trade",
                                        comparisons=[]))
        if rng.random() < 0.5:
            im_id += 1
            initiative_id, name = rng.choice(initiatives)
            rows[InitiativeMentionRow].append(dict(id=im_id, doc_id=doc_id, start=0, end=10,
                                                   name=name, status=rng.choice(STATUSES)))
            rows[InitiativeLinkRow].append(dict(mention_id=im_id, initiative_id=initiative_id))
    with store.session() as s:
        s.execute(insert(ActorRow), [dict(id=f"country-{c.lower()}", name=n, type="country",
                                          country=c, aliases=[c]) for c, n, _ in COUNTRIES]
                  + [dict(id=i, name=n, type="person", country=c, aliases=[])
                     for i, n, _, c in people])
        s.execute(insert(InitiativeRow), [dict(id=i, name=n, aliases=[]) for i, n in initiatives])
        for table, batch in rows.items():
            for k in range(0, len(batch), 5000):
                s.execute(insert(table), batch[k:k + 5000])
    store.close()


def counts(path: Path) -> dict[str, int]:
    store = Store(str(path))
    with store.session() as s:
        out = {t.__tablename__: s.scalar(select(func.count()).select_from(t))
               for t in (DocumentRow, EventRow, ActorRow)}
    store.close()
    return out


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(client: httpx.Client, seconds: float = 30) -> None:
    """Until the server just started answers (or `seconds` have passed)."""
    for _ in range(int(seconds * 10)):
        try:
            client.get("/openapi.json")
            return
        except httpx.TransportError:
            time.sleep(0.1)


def ttfb(client: httpx.Client, url: str, n: int) -> dict:
    """Median, p90 and max milliseconds to the response headers, after one warm-up request
    (`first`: that request's time, before the per-state cache of web/cache.py holds anything
    of this URL's own)."""
    times, status, size, first = [], 0, 0, 0.0
    for k in range(n + 1):
        t0 = time.perf_counter()
        with client.stream("GET", url) as response:
            elapsed = time.perf_counter() - t0
            status, size = response.status_code, len(response.read())
        if k:
            times.append(elapsed * 1000)
        else:
            first = elapsed * 1000
    times.sort()
    return {"median": round(statistics.median(times), 1),
            "p90": round(times[int(0.9 * (len(times) - 1))], 1), "max": round(times[-1], 1),
            "first": round(first, 1), "status": status, "bytes": size}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/dossier-ttfb.db"))
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=21)
    args = parser.parse_args()

    build_seconds = None
    if not args.db.exists() or counts(args.db)["documents"] < args.docs:
        for suffix in ("", "-wal", "-shm"):
            Path(str(args.db) + suffix).unlink(missing_ok=True)
        t0 = time.perf_counter()
        build(args.db, args.docs)
        build_seconds = round(time.perf_counter() - t0, 1)
    sizes = counts(args.db)
    print(f"knowledge base {args.db}: {sizes}", file=sys.stderr)

    port = free_port()
    dossier = Path(sys.executable).parent / "dossier"
    server = subprocess.Popen([str(dossier), "serve", "--db", str(args.db), "--port", str(port)],
                              stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            wait_until_up(client)
            event = client.get("/api/events", params={"per_page": 1}).json()["items"][0]["id"]
            urls = ["/", "/api/events", "/api/events?type=CONSULT&country=KEN",
                    "/api/events?since=2023-01-01&until=2023-03-31",
                    "/api/events?sort=reports&order=desc", "/api/events?page=100",
                    f"/api/events/{event}", "/api/actors", "/api/actors/person-1",
                    "/api/documents", "/api/documents/doc-00042",
                    "/api/search?q=talks%20Nairobi", "/api/initiatives/initiative-3",
                    # the analyst's views: a relationship, the map, search, downloads, /docs
                    "/relations/KEN/USA", "/relations/Kenya/United%20States?page=2",
                    "/api/relations/KEN/USA", "/?country=Kenya&partner=USA", "/map",
                    "/map?country=KEN&type=CONSULT", "/api/map", "/search?q=talks%20Nairobi",
                    "/actors/country-ken", "/figures", "/docs",
                    "/download/events.csv?country=KEN&page=1&per_page=50",
                    "/download/events.csv?country=KEN&partner=USA&all=1",
                    "/download/actors.json?all=1"]
            results = {}
            for url in urls:
                results[url] = ttfb(client, url, args.requests)
                print(f"{url:50} {results[url]}", file=sys.stderr)
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(json.dumps({"documents": sizes["documents"], "events": sizes["events"],
                      "actors": sizes["actors"], "build_seconds": build_seconds,
                      "requests": args.requests, "ttfb_ms": results}))


if __name__ == "__main__":
    main()
