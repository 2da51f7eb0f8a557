"""The views an analyst of a relationship needs, on the seed knowledge base (Kenya and the
United States): the country-pair page and its JSON twin, the map, search over every kind of
record, countries by name, downloads of exactly what a list shows, /docs, and pages free of
"None" and "1 reports"."""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from demo_kb import SEEDS, build
from dossier.web import geo, plover
from dossier.web.app import create_app
from test_pages import links, page, text_of

RUTO, LANDAU = "person-william-ruto", "person-christopher-landau"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = build(tmp_path_factory.mktemp("analyst") / "kb.db", [SEEDS])
    with TestClient(create_app(db)) as c:
        yield c


def api(client: TestClient, url: str, status: int = 200, **params) -> dict:
    response = client.get(url, params=params)
    assert response.status_code == status, response.text
    return response.json()


def involves(event: dict, code: str) -> bool:
    return event["country"] == code or code in {p["country"] for p in event["participants"]}


# ---------------------------------------------------------------- the country pair


def test_the_relation_page_is_the_same_by_codes_and_by_names(client: TestClient) -> None:
    by_code = page(client, "/relations/KEN/USA")
    assert page(client, "/relations/Kenya/United%20States") == by_code
    assert page(client, "/relations/kenya/usa") == by_code
    body = text_of(by_code)
    assert "Kenya–United States" in body
    for heading in ("Events per month by type", "Cooperation and conflict", "The people who carried it",
                    "Initiatives", "Figures in their reports", "Findings", "Events"):
        assert heading in body, heading


def test_the_relation_lists_the_events_between_the_two_and_who_carried_them(client: TestClient) -> None:
    twin = api(client, "/api/relations/Kenya/USA", per_page=500)
    events = twin["events"]["items"]
    assert events and twin["events"]["total"] == len(events)
    assert all(involves(e, "KEN") and involves(e, "USA") for e in events)
    timeline = api(client, "/api/events", country="KEN", partner="United States", per_page=500)
    assert [e["id"] for e in timeline["items"]] == [e["id"] for e in events]
    people = {p["id"]: p for p in twin["people"]["items"]}
    assert {RUTO, LANDAU} <= set(people)
    assert all(p["country"] in ("KEN", "USA") and p["type"] != "country" for p in people.values())
    ruto_events = [e for e in events if RUTO in {p["id"] for p in e["participants"]}]
    assert people[RUTO]["event_count"] == len(ruto_events)
    html = page(client, "/relations/KEN/USA")
    assert f'href="/actors/{RUTO}"' in html and f'href="/actors/{LANDAU}"' in html


def test_the_balance_counts_every_dated_event_in_its_quad(client: TestClient) -> None:
    twin = api(client, "/api/relations/KEN/USA", per_page=500)
    dated = [e for e in twin["events"]["items"] if e["date"] or e["date_earliest"] or e["date_latest"]]
    assert sum(q["count"] for q in twin["quads"]) == len(dated)
    for q in twin["quads"]:
        assert q["quad"] in plover.QUADS
    html = page(client, "/relations/KEN/USA")
    quads = html[html.index('class="chart columns quads"'):]
    assert quads.count("<rect") >= 1 and "verbal cooperation" in quads and "material conflict" in quads


def test_initiatives_figures_and_findings_come_from_the_reports_of_those_events(client: TestClient) -> None:
    twin = api(client, "/api/relations/KEN/USA", per_page=500)
    reports = {d["id"] for e in twin["events"]["items"]
               for d in api(client, f"/api/events/{e['id']}")["reports"]}
    assert twin["figures"]["items"] and all(f["doc"] in reports for f in twin["figures"]["items"])
    assert twin["findings"]["items"]
    assert all(any(ev["doc"] in reports for ev in f["evidence"]) for f in twin["findings"]["items"])
    about = {i for e in twin["events"]["items"] for i in (x["id"] for x in e["initiatives"])}
    assert {i["id"] for i in twin["initiatives"]["items"]} == about
    agoa = next(i for i in twin["initiatives"]["items"] if "Growth and Opportunity" in i["name"])
    assert agoa["latest_status"] and agoa["statuses"]


def test_an_unknown_country_is_a_404_page_that_names_it(client: TestClient) -> None:
    body = text_of(page(client, "/relations/Narnia/USA", 404))
    assert "Narnia" in body and "no country" in body
    assert "Narnia" in client.get("/api/relations/KEN/Narnia").json()["error"]["message"]


def test_relations_are_linked_from_countries_the_timeline_and_events(client: TestClient) -> None:
    assert "/relations/KEN/USA" in page(client, "/actors/country-ken")
    assert "/relations/KEN/USA" in page(client, "/?country=KEN&partner=USA")
    assert "/relations/KEN/USA" in page(client, "/?country=Kenya")
    event = links(page(client, f"/?actor={LANDAU}"), "/events/")[0]
    assert "/relations/KEN/USA" in page(client, event)


def test_every_plover_type_has_one_quad() -> None:
    assert len(plover.TYPES) == 16 == len(set(plover.TYPES))
    assert sorted(t for types in plover.QUADS.values() for t in types) == sorted(plover.TYPES)
    assert plover.quad("CONSULT") == "verbal cooperation" and plover.quad("AID") == "material cooperation"
    assert plover.quad("REQUEST") == "verbal conflict" and plover.quad("ASSAULT") == "material conflict"


# ---------------------------------------------------------------- countries by name


@pytest.mark.parametrize("name,code", [("Kenya", "KEN"), ("United States", "USA"), ("U.S.", "USA")])
def test_country_takes_names_as_well_as_codes(client: TestClient, name: str, code: str) -> None:
    assert api(client, "/api/events", country=name, per_page=500)["items"] == \
        api(client, "/api/events", country=code, per_page=500)["items"]
    assert api(client, "/api/actors", country=name)["total"] == api(client, "/api/actors", country=code)["total"] > 0
    assert text_of(page(client, f"/?country={name}")) == text_of(page(client, f"/?country={code}"))


def test_a_country_with_no_events_is_an_empty_list_and_an_unknown_one_an_error(client: TestClient) -> None:
    assert api(client, "/api/events", country="Mexico")["filters"]["country"] == "MEX"
    error = api(client, "/api/events", 422, country="Narnia")["error"]
    assert "Narnia" in error["message"]


# ---------------------------------------------------------------- search


def test_search_finds_events_actors_initiatives_and_reports(client: TestClient) -> None:
    found = api(client, "/api/search", q="Landau")
    assert found["events"]["total"] > 0 and all("Landau" in e["summary"] for e in found["events"]["items"])
    assert LANDAU in {a["id"] for a in found["actors"]["items"]}
    agoa = api(client, "/api/search", q="growth opportunity")
    assert any("Growth and Opportunity" in i["name"] for i in agoa["initiatives"]["items"])
    html = page(client, "/search?q=Landau")
    assert f'href="/actors/{LANDAU}"' in html and html.count('class="ev-hit"') >= 3


def test_a_report_hit_is_the_whole_sentence_with_the_words_marked(client: TestClient) -> None:
    for hit in api(client, "/api/search", q="Landau")["items"]:
        text = api(client, f"/api/documents/{hit['id']}")["text"]
        sentence = hit["snippet"]
        assert sentence in " ".join(text.split())           # words of the report, whole
        assert sentence[0].isupper() and sentence.rstrip()[-1] in '.!?"”'
        assert [sentence[a:b] for a, b in hit["highlights"]] == ["Landau"] * len(hit["highlights"])


def test_evidence_is_the_whole_sentence_with_the_quoted_words_marked(client: TestClient) -> None:
    event = links(page(client, f"/?actor={LANDAU}&type=CONSULT"), "/events/")[0]
    html = page(client, event)
    evidence = html[html.index("<h2>Evidence</h2>"):].split("<h2>")[1]
    quotes = re.findall(r"<blockquote>(.*?)<footer>", evidence, re.S)
    assert quotes and all('<mark class="ev-hit">' in q for q in quotes)
    findings = page(client, "/findings")             # a figure's words inside their sentence
    marked = re.findall(r"<blockquote>([^<]+)<mark class=\"ev-hit\">([^<]+)</mark>", findings)
    assert marked and all(before.split() for before, _ in marked)


# ---------------------------------------------------------------- downloads


def download(client: TestClient, href: str) -> tuple[str, str]:
    response = client.get(href.replace("&amp;", "&"))
    assert response.status_code == 200, response.text
    assert "attachment" in response.headers["content-disposition"]
    return response.headers["content-type"], response.text


def download_links(html: str) -> list[str]:
    return re.findall(r'href="(/download/[^"]+)"', html)


@pytest.mark.parametrize("path", ["/", "/?type=CONSULT&order=desc", "/actors", "/initiatives", "/figures",
                                  "/findings", "/documents", "/search?q=Kenya", "/relations/KEN/USA"])
def test_every_list_page_has_csv_and_json_downloads(client: TestClient, path: str) -> None:
    html = page(client, path)
    hrefs = download_links(html)
    assert any(".csv?" in h for h in hrefs) and any(".json?" in h for h in hrefs), path
    assert "all " in text_of(html[html.index('class="downloads"'):])
    for href in hrefs:
        kind, body = download(client, href)
        assert body and kind.startswith("text/csv" if ".csv?" in href else "application/json")


def test_a_download_of_this_page_holds_exactly_the_page(client: TestClient) -> None:
    html = page(client, "/?type=CONSULT&order=desc&page=1")
    shown = list(dict.fromkeys(links(html, "/events/")))
    total = int(re.search(r"<h2>(\d+) events?</h2>", html).group(1))
    everything = next(h for h in download_links(html) if ".json?" in h and "all=1" in h)
    _, body = download(client, everything)
    rows = json.loads(body)
    assert rows["total"] == total == len(rows["items"]) and rows["pages"] == "all"
    assert [f"/events/{e['id']}" for e in rows["items"]] == shown
    assert all(e["type"] == "CONSULT" for e in rows["items"])
    _, table = download(client, next(h for h in download_links(html) if ".csv?" in h))
    lines = list(csv.DictReader(io.StringIO(table)))
    assert [f"/events/{r['id']}" for r in lines] == shown
    assert {"date", "type", "summary", "participants", "report_count"} <= set(lines[0])


def test_a_paged_list_offers_this_page_and_every_page(client: TestClient) -> None:
    html = page(client, "/?per_page=5")   # the page's own size is what the links carry
    view = api(client, "/api/events", per_page=50)
    if view["pages"] == 1:                    # the seeds fit on one page of 50: ask the API
        response = client.get("/download/events.csv", params={"page": 2, "per_page": 5})
        lines = list(csv.DictReader(io.StringIO(response.text)))
        assert [r["id"] for r in lines] == [e["id"] for e in api(client, "/api/events", page=2,
                                                                  per_page=5)["items"]]
    assert download_links(html)


def test_relation_downloads_match_the_tables(client: TestClient) -> None:
    html = page(client, "/relations/KEN/USA")
    people = next(h for h in download_links(html) if "relation-people.csv" in h)
    _, body = download(client, people)
    names = [r["name"] for r in csv.DictReader(io.StringIO(body))]
    table = html[html.index('id="people"'):html.index('id="initiatives"')]
    assert names == re.findall(r'<a href="/actors/[^"]+">([^<]+)</a>', table)


# ---------------------------------------------------------------- the map


def test_the_map_places_each_event_and_links_each_dot(client: TestClient) -> None:
    mapped = api(client, "/api/map")
    assert mapped["total"] == api(client, "/api/events")["total"]
    placed = sum(p["count"] for p in mapped["places"])
    assert placed + mapped["unplaced"] == mapped["total"] and placed > 0
    nairobi = next(p for p in mapped["places"] if p["location"] == "Nairobi")
    assert abs(nairobi["lat"] + 1.28) < 0.1 and abs(nairobi["lon"] - 36.82) < 0.1
    for p in mapped["places"]:
        if p["precision"] == "country":     # a country alone: at its centroid from the outlines
            assert (p["lat"], p["lon"]) == tuple(round(v, 4) for v in geo.centroids()[p["country"]])
    html = page(client, "/map")
    dots = re.findall(r'<a class="dot" href="([^"]+)"', html)
    assert len(dots) == len(mapped["places"])
    assert all(h.startswith("/events/") or h.startswith("#place-") for h in dots)
    assert html.count("<path d=") > 150            # the world's outlines, drawn here
    assert "<script" not in html and "http" not in html.split("<svg")[1].split("</svg>")[0]


def test_the_map_is_filtered_like_the_timeline(client: TestClient) -> None:
    consult = api(client, "/api/map", type="CONSULT", country="Kenya")
    assert consult["total"] == api(client, "/api/events", type="CONSULT", country="KEN")["total"]
    events = {e["id"] for p in consult["places"] for e in p["events"]}
    assert events and all(api(client, f"/api/events/{e}")["type"] == "CONSULT" for e in events)
    assert "/map?" in page(client, "/?type=CONSULT") and "type=CONSULT" in page(client, "/map?type=CONSULT")


# ---------------------------------------------------------------- words on the pages


def every_page(client: TestClient) -> list[str]:
    paths = ["/", "/actors", "/initiatives", "/figures", "/findings", "/documents", "/map", "/docs",
             "/search?q=Kenya", "/relations/KEN/USA", "/relations/USA/KEN"]
    timeline = page(client, "/")
    paths += sorted(set(links(timeline, "/events/")) | set(links(timeline, "/actors/")))
    paths += sorted(set(links(page(client, "/documents"), "/documents/")))
    paths += sorted(set(links(page(client, "/initiatives"), "/initiatives/")))
    return paths


def test_no_page_says_none_or_one_reports(client: TestClient) -> None:
    for path in every_page(client):
        body = text_of(page(client, path))
        assert not re.search(r"\bNone\b", body), (path, body[max(0, body.find("None") - 80):][:160])
        assert not re.search(r"(?<![\d,.])1 (reports|events|documents|mentions|figures|findings|actors|places)\b",
                             body), path


def test_the_figures_chart_is_on_a_log_scale(client: TestClient) -> None:
    from dossier.web.charts import figure_bars
    bars = figure_bars([{"value_usd": 2e12}, {"value_usd": 5e6}, {"value_usd": None}])
    big, small, none = bars["rows"]
    assert big["pct"] > small["pct"] > 5 and none["pct"] == 0      # linear would be 0.00025%
    assert [t["text"] for t in bars["ticks"]][0] == "$1M" and bars["ticks"][-1]["text"] == "$10T"
    html = page(client, "/figures")
    assert "log scale" in text_of(html) and re.search(r'class="axis">.*\$1\d?[MB]', html)


# ---------------------------------------------------------------- the source URL


def test_a_web_address_is_a_link_and_anything_else_stays_text(tmp_path: Path) -> None:
    records = tmp_path / "two.jsonl"
    text = ("President William Ruto met United States Ambassador Meg Whitman in Nairobi on "
            "3 March 2024 to discuss trade.")
    records.write_text("\n".join(json.dumps(r) for r in (
        {"id": "web", "url": "https://news.example.org/2024/03/talks", "text": text},
        {"id": "odd", "url": "javascript:alert(1)", "text": text + " They met again."})) + "\n")
    with TestClient(create_app(build(tmp_path / "kb.db", [records]))) as c:
        html = page(c, "/documents/web")
        assert '<a href="https://news.example.org/2024/03/talks" rel="noopener noreferrer nofollow">' in html
        odd = page(c, "/documents/odd")
        assert "javascript:alert(1)" in text_of(odd) and 'href="javascript:' not in odd


def test_the_readme_and_the_server_agree_on_docs(client: TestClient) -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text()
    assert "`/docs`" in readme
    assert "/api/relations" in text_of(page(client, "/docs"))
