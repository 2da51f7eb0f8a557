"""The JSON API on the five seed articles: what a client of /api/ sees, errors included."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from dossier.ingest import ingest
from dossier.store.store import Store
from dossier.web import access
from dossier.web.app import create_app
from dossier.web.http import MAX_BODY_BYTES

SEEDS = Path(__file__).parents[3] / "shared" / "seeds"
DOSSIER = Path(sys.executable).parent / "dossier"
SEED_IDS = sorted(p.stem for p in SEEDS.glob("*.txt"))
TALKS_REPORTS = ["003_2efd09c22e395e7f", "004_a7afc1ded1988888"]   # Ruto and Landau, 2026-01-29
RUTO, LANDAU = "person-william-ruto", "person-christopher-landau"
AGOA = "initiative-african-growth-and-opportunity-act"
TOKEN = "s3cret-token"
NEW_ARTICLE = ("President Samia Suluhu Hassan of Tanzania held talks with United States "
               "Ambassador Michael Battle at State House in Dar es Salaam on 3 March 2025. "
               "The two discussed trade and investment under the African Growth and "
               "Opportunity Act.")


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The knowledge base of the five seeds, built once for the module."""
    path = tmp_path_factory.mktemp("api") / "kb.db"
    store = Store(str(path))
    report = ingest(store, [str(SEEDS)])
    store.close()
    assert (report.new, report.failed) == (len(SEED_IDS), 0), report.errors
    return path


@pytest.fixture(scope="module")
def client(kb: Path) -> Iterator[TestClient]:
    """A read-only server (no token)."""
    with TestClient(create_app(str(kb))) as c:
        yield c


@pytest.fixture(scope="module")
def writable(kb: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """A server with a token, on its own copy of the knowledge base (writes stay there)."""
    copy = tmp_path_factory.mktemp("api-write") / "kb.db"
    shutil.copy(kb, copy)
    with TestClient(create_app(str(copy), token=TOKEN)) as c:
        yield c


def get(client: TestClient, url: str, status: int = 200, **params) -> dict:
    response = client.get(url, params=params)
    assert response.status_code == status, response.text
    return response.json()


def all_events(client: TestClient, **params) -> list[dict]:
    return get(client, "/api/events", per_page=500, **params)["items"]


def assert_error(response: httpx.Response, status: int) -> dict:
    """The one error shape, with the HTTP status in it and a message for a person."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "message", "detail"}
    assert body["error"]["status"] == status and body["error"]["message"]
    return body["error"]


def assert_slices(client: TestClient, evidence: list[dict]) -> None:
    """Every evidence record's offsets cut its text out of its document."""
    texts: dict[str, str] = {}
    for ev in evidence:
        if ev["doc"] not in texts:
            texts[ev["doc"]] = get(client, f"/api/documents/{ev['doc']}")["text"]
        assert texts[ev["doc"]][ev["start"]:ev["end"]] == ev["text"]
        assert ev["text"] and " ".join(ev["text"].split()) in ev["sentence"]


# ---------------------------------------------------------------- events


def test_the_timeline_starts_with_the_dated_ruto_landau_talks(client: TestClient) -> None:
    page = get(client, "/api/events")
    assert page["total"] == len(page["items"]) > 10
    latest = [e for e in page["items"] if e["date"] == page["items"][0]["date"]]
    first = next(e for e in latest if e["type"] == "CONSULT")   # and what was agreed there
    assert first["date"] == "2026-01-29"
    assert {p["id"] for p in first["participants"]} >= {RUTO, LANDAU}
    assert first["report_count"] == 2
    undated = [e for e in page["items"] if e["date"] is None and e["date_earliest"] is None]
    assert page["items"][-len(undated):] == undated   # undated events come last


@pytest.mark.parametrize("params, holds", [
    ({"type": "CONSULT"}, lambda e: e["type"] == "CONSULT"),
    ({"type": "consult"}, lambda e: e["type"] == "CONSULT"),
    ({"actor": RUTO}, lambda e: RUTO in {p["id"] for p in e["participants"]}),
    ({"country": "USA"}, lambda e: e["country"] == "USA"
     or "USA" in {p["country"] for p in e["participants"]}),
    ({"topic": "health"}, lambda e: "health" in e["topics"]),
    ({"initiative": AGOA}, lambda e: AGOA in {i["id"] for i in e["initiatives"]}),
    ({"since": "2026-01-01", "until": "2026-01-31"}, lambda e: e["date"] == "2026-01-29"),
])
def test_each_filter_keeps_exactly_the_matching_events(client: TestClient, params: dict,
                                                       holds) -> None:
    everything = all_events(client)
    kept = all_events(client, **params)
    assert kept, params
    assert all(holds(e) for e in kept)
    assert [e["id"] for e in kept] == [e["id"] for e in everything if holds(e)]
    assert "event-" in kept[0]["id"] and get(client, "/api/events", **params)["total"] == len(kept)


def test_filters_combine_and_a_date_range_without_events_is_empty(client: TestClient) -> None:
    talks = all_events(client, actor=LANDAU, type="CONSULT", country="KEN")
    assert [e["date"] for e in talks] == ["2026-01-29"]
    assert get(client, "/api/events", since="1990-01-01", until="1990-12-31")["total"] == 0


def test_pages_cover_every_event_once(client: TestClient) -> None:
    everything = [e["id"] for e in all_events(client)]
    first = get(client, "/api/events", per_page=5)
    assert first["pages"] == -(-len(everything) // 5) and first["total"] == len(everything)
    paged = [e["id"] for n in range(1, first["pages"] + 1)
             for e in get(client, "/api/events", per_page=5, page=n)["items"]]
    assert paged == everything
    assert get(client, "/api/events", per_page=5, page=first["pages"] + 1)["items"] == []


def test_events_sort_by_reports_type_and_date_descending(client: TestClient) -> None:
    by_reports = all_events(client, sort="reports", order="desc")
    counts = [e["report_count"] for e in by_reports]
    assert counts == sorted(counts, reverse=True) and counts[0] == 2
    types = [e["type"] for e in all_events(client, sort="type")]
    assert types == sorted(types)
    newest = all_events(client, order="desc")
    assert newest[0]["date"] == "2026-01-29"   # undated still last, not first


def test_facets_count_types_and_months_for_the_chart(client: TestClient) -> None:
    page = get(client, "/api/events", per_page=1)
    facets = page["facets"]
    assert sum(f["count"] for f in facets["type"]) == page["total"]
    assert {"month": "2026-01", "type": "CONSULT", "count": 1} in facets["by_month"]
    assert facets["undated"] + sum(m["count"] for m in facets["by_month"]) == page["total"]
    assert {"value": "KEN", "count": page["total"]} in facets["country"]
    assert any(a["value"] == RUTO and a["name"] == "William Ruto" for a in facets["actor"])
    agoa = next(i for i in facets["initiative"] if i["value"] == AGOA)
    assert agoa["name"] == "African Growth and Opportunity Act"


def test_facets_follow_the_filters_and_can_be_left_out(client: TestClient) -> None:
    ruto = get(client, "/api/events", actor=RUTO)
    assert sum(f["count"] for f in ruto["facets"]["type"]) == ruto["total"]
    assert ruto["facets"]["actor"][0] == {"value": RUTO, "name": "William Ruto",
                                          "count": ruto["total"]}
    bare = get(client, "/api/events", actor=RUTO, facets="false")
    assert bare["facets"] is None and bare["items"] == ruto["items"]


def test_one_event_with_its_reports_evidence_and_participants(client: TestClient) -> None:
    talks_id = all_events(client, since="2026-01-29", until="2026-01-29", type="CONSULT")[0]["id"]
    e = get(client, f"/api/events/{talks_id}")
    assert (e["date"], e["type"], e["location"]) == ("2026-01-29", "CONSULT", "State House, Nairobi")
    assert [r["id"] for r in e["reports"]] == TALKS_REPORTS   # the dated report first
    assert e["reports"][0]["published"] == "2026-02-12" and e["reports"][0]["title"]
    assert {ev["doc"] for ev in e["evidence"]} == set(TALKS_REPORTS)
    assert any("January 29" in ev["text"] for ev in e["evidence"])
    assert_slices(client, e["evidence"])
    landau = next(p for p in e["participants"] if p["id"] == LANDAU)
    assert "Deputy Secretary of State" in {r["title"] for r in landau["roles"]}
    assert_slices(client, [r["evidence"] for p in e["participants"] for r in p["roles"]])
    assert any(q["speaker"] == RUTO and q["doc"] in TALKS_REPORTS for q in e["quotes"])


# ---------------------------------------------------------------- actors, initiatives


def test_actors_list_with_titles_and_counts(client: TestClient) -> None:
    page = get(client, "/api/actors", per_page=500)
    ruto = next(a for a in page["items"] if a["id"] == RUTO)
    assert ruto["country"] == "KEN" and "President" in ruto["titles"] and ruto["event_count"] > 0
    busiest = get(client, "/api/actors", sort="events", order="desc")["items"]
    assert busiest[0]["event_count"] == max(a["event_count"] for a in page["items"])
    found = get(client, "/api/actors", q="landau")["items"]
    assert [a["id"] for a in found] == [LANDAU]
    assert all(a["country"] == "USA" for a in get(client, "/api/actors", country="usa")["items"])


def test_an_actor_with_roles_over_time_events_and_evidence(client: TestClient) -> None:
    a = get(client, f"/api/actors/{LANDAU}")
    titles = [r["title"] for r in a["roles"]]
    assert {"Ambassador", "Deputy Secretary of State"} <= set(titles)
    dated = [r for r in a["roles"] if r["valid_from"] or r["reported"]]
    assert dated and a["roles"][:len(dated)] == dated   # dated roles first, in time order
    assert all("valid_to" in r for r in a["roles"])
    assert_slices(client, [r["evidence"] for r in a["roles"]])
    assert "2026-01-29" in [e["date"] for e in a["events"]] and a["event_count"] == len(a["events"])
    assert {d["id"] for d in a["documents"]} >= set(TALKS_REPORTS)


def test_initiatives_with_status_history(client: TestClient) -> None:
    listed = {i["id"]: i for i in get(client, "/api/initiatives")["items"]}
    assert listed[AGOA]["statuses"] == ["extended", "requested"]
    assert listed[AGOA]["latest_status"] == "extended"
    agoa = get(client, f"/api/initiatives/{AGOA}")
    statuses = {(h["doc"], h["status"]) for h in agoa["history"] if h["status"]}
    assert ("001_f13660d5e4250ff1", "requested") in statuses
    assert ("003_2efd09c22e395e7f", "extended") in statuses
    dates = [h["published"] for h in agoa["history"]]
    assert dates == sorted(dates, key=lambda d: (d is None, d or ""))
    assert {c["status"] for c in agoa["status_changes"]} == {"requested", "extended"}
    assert_slices(client, [h["evidence"] for h in agoa["history"]])
    assert any(e["date"] == "2026-01-29" for e in agoa["events"])


# ---------------------------------------------------------------- figures, findings, documents


def test_figures_in_their_currency_and_in_dollars(client: TestClient) -> None:
    page = get(client, "/api/figures")
    assert {c["value"] for c in page["facets"]["currency"]} == {"KES", "USD"}
    for f in page["items"]:
        if f["currency"] == "USD":
            assert f["value_usd"] == f["value"]
        else:
            assert f["value_usd"] == pytest.approx(f["value"] / f["usd_rate"])
            assert f["usd_rate_date"] and f["usd_rate_source"]
    kes = get(client, "/api/figures", currency="kes")["items"]
    assert kes and {f["currency"] for f in kes} == {"KES"}
    assert any(f["text"] == "Ksh208 billion" and 1.5e9 < f["value_usd"] < 1.7e9 for f in kes)
    assert_slices(client, [f["evidence"] for f in page["items"]])
    by_usd = [f["value_usd"] for f in get(client, "/api/figures", sort="value_usd",
                                          order="desc")["items"]]
    assert by_usd == sorted(by_usd, reverse=True)
    one_doc = get(client, "/api/figures", doc=TALKS_REPORTS[1])["items"]
    assert one_doc and {f["doc"] for f in one_doc} == {TALKS_REPORTS[1]}


def test_findings_cite_both_sides(client: TestClient) -> None:
    page = get(client, "/api/findings")
    kinds = {f["value"] for f in page["facets"]["kind"]}
    assert "conflicting_figures" in kinds
    across = [f for f in page["items"] if len({ev["doc"] for ev in f["evidence"]}) == 2]
    assert across and across[0]["description"]
    assert_slices(client, [ev for f in page["items"] for ev in f["evidence"]])
    only = get(client, "/api/findings", kind="stale_title")["items"]
    assert only and {f["kind"] for f in only} == {"stale_title"}


def test_documents_list_and_one_document_with_its_evidence_spans(client: TestClient) -> None:
    page = get(client, "/api/documents")
    assert sorted(d["id"] for d in page["items"]) == SEED_IDS
    assert page["items"][0]["published"] == "2026-02-12"   # newest first, undated after
    assert all("text" not in d and d["excerpt"] for d in page["items"])
    doc = get(client, f"/api/documents/{TALKS_REPORTS[0]}")
    kinds = {sp["kind"] for sp in doc["spans"]}
    assert {"person", "role", "event", "figure", "quote", "initiative"} <= kinds
    starts = [sp["start"] for sp in doc["spans"]]
    assert starts == sorted(starts)
    ruto = [doc["text"][sp["start"]:sp["end"]] for sp in doc["spans"]
            if sp["kind"] == "person" and sp["ref"] == RUTO]
    assert "William Ruto" in ruto
    figures = {doc["text"][sp["start"]:sp["end"]] for sp in doc["spans"] if sp["kind"] == "figure"}
    assert "Ksh208 billion" in figures
    talks = all_events(client, since="2026-01-29", until="2026-01-29", type="CONSULT")[0]["id"]
    event_spans = [(sp["start"], sp["end"]) for sp in doc["spans"] if sp["ref"] == talks]
    evidence = get(client, f"/api/events/{talks}")["evidence"]
    assert event_spans == [(ev["start"], ev["end"]) for ev in evidence
                           if ev["doc"] == TALKS_REPORTS[0]]


# ---------------------------------------------------------------- search


def test_search_finds_the_reports_that_name_landau(client: TestClient) -> None:
    page = get(client, "/api/search", q="Landau")
    ids = [h["id"] for h in page["items"]]
    assert set(TALKS_REPORTS) <= set(ids) and page["total"] == len(ids)
    for hit in page["items"]:
        assert [hit["snippet"][a:b] for a, b in hit["highlights"]] == ["Landau"]
    assert {h["id"] for h in get(client, "/api/search", q="landau ruto")["items"]} \
        >= set(TALKS_REPORTS)
    assert set(TALKS_REPORTS) <= {h["id"] for h in get(client, "/api/search", q="Land*")["items"]}
    assert get(client, "/api/search", q="Landau Zanzibar")["total"] == 0


@pytest.mark.parametrize("q", ['"', '*', '"Landau', 'Landau"*', 'NEAR(Ruto', '-Landau',
                               'AND OR NOT', "Ruto's (talks)", "^col:x", ""])
def test_search_syntax_characters_are_text_not_errors(client: TestClient, q: str) -> None:
    page = get(client, "/api/search", q=q)
    assert page["q"] == q and isinstance(page["items"], list)
    if "Landau" in q:
        assert set(TALKS_REPORTS) <= {h["id"] for h in page["items"]}


# ---------------------------------------------------------------- errors and OpenAPI


@pytest.mark.parametrize("kind", ["events", "actors", "initiatives", "documents"])
def test_an_unknown_id_is_404_in_the_error_shape(client: TestClient, kind: str) -> None:
    error = assert_error(client.get(f"/api/{kind}/no-such-thing"), 404)
    assert "no-such-thing" in error["message"]


@pytest.mark.parametrize("url, field", [
    ("/api/events?page=0", "page"), ("/api/events?per_page=100000", "per_page"),
    ("/api/events?since=last-week", "since"), ("/api/events?sort=colour", "sort"),
    ("/api/events?order=up", "order"), ("/api/search", "q"),
])
def test_invalid_parameters_are_422_naming_the_parameter(client: TestClient, url: str,
                                                         field: str) -> None:
    error = assert_error(client.get(url), 422)
    assert field in error["message"]
    assert error["detail"][0]["loc"][-1] == field


def test_an_unknown_route_is_404_in_the_error_shape(client: TestClient) -> None:
    assert_error(client.get("/api/nothing-here"), 404)


def test_a_read_running_past_the_time_limit_is_stopped_with_503(
        kb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(access, "PROGRESS_EVERY", 1)
    with TestClient(create_app(str(kb), read_time_limit=0.0)) as slow:
        error = assert_error(slow.get("/api/events"), 503)
    assert "took longer" in error["message"]


def test_openapi_lists_every_route(client: TestClient) -> None:
    spec = get(client, "/openapi.json")
    paths = spec["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/actors", "/api/actors/{actor_id}",
                 "/api/initiatives", "/api/initiatives/{initiative_id}", "/api/figures",
                 "/api/findings", "/api/documents", "/api/documents/{doc_id}", "/api/search"):
        assert "get" in paths[path], path
    assert "post" in paths["/api/documents"]
    assert {p["name"] for p in paths["/api/events"]["get"]["parameters"]} >= {
        "actor", "country", "type", "topic", "initiative", "since", "until", "sort", "order",
        "page", "per_page"}


# ---------------------------------------------------------------- writing


def test_a_server_without_token_refuses_documents(client: TestClient) -> None:
    response = client.post("/api/documents", json={"text": NEW_ARTICLE},
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert "read-only" in assert_error(response, 403)["message"]
    assert get(client, "/api/documents")["total"] == len(SEED_IDS)


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"},
                                     {"Authorization": TOKEN}, {"Authorization": f"Basic {TOKEN}"}])
def test_a_missing_or_wrong_token_is_401(writable: TestClient, headers: dict) -> None:
    response = writable.post("/api/documents", json={"text": NEW_ARTICLE}, headers=headers)
    assert "token" in assert_error(response, 401)["message"]
    assert response.headers["www-authenticate"] == "Bearer"
    assert get(writable, "/api/search", q="Samia")["total"] == 0


def test_the_right_token_adds_documents_that_are_listed_and_searchable(
        writable: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    response = writable.post("/api/documents", headers=auth, json=[{
        "id": "tz-talks", "text": NEW_ARTICLE, "title": "Tanzania and US talk trade",
        "url": "https://example.com/tz-talks", "published": "2025-03-04"}])
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["documents"] == [{"id": "tz-talks", "status": "new"}]
    assert body["knowledge_base"]["documents"] == len(SEED_IDS) + 1
    listed = {d["id"]: d for d in get(writable, "/api/documents")["items"]}
    assert listed["tz-talks"]["title"] == "Tanzania and US talk trade"
    assert listed["tz-talks"]["published"] == "2025-03-04"
    assert get(writable, "/api/documents/tz-talks")["text"].startswith("President Samia")
    assert [h["id"] for h in get(writable, "/api/search", q="Samia Hassan")["items"]] == ["tz-talks"]
    assert any("Tanzania" in (e["summary"] or "") or e["date"] == "2025-03-03"
               for e in all_events(writable))

    again = writable.post("/api/documents", headers=auth, json={"text": NEW_ARTICLE,
                                                                "id": "tz-talks"})
    assert again.status_code == 200 and again.json()["documents"][0]["status"] == "unchanged"


def test_a_record_without_text_is_422_and_nothing_is_stored(writable: TestClient) -> None:
    before = get(writable, "/api/documents")["total"]
    response = writable.post("/api/documents", headers={"Authorization": f"Bearer {TOKEN}"},
                             json=[{"text": "Kenya and Uganda signed a pipeline deal."},
                                   {"title": "no body"}])
    error = assert_error(response, 422)
    assert "document 1" in error["message"] and "text" in error["message"]
    assert get(writable, "/api/documents")["total"] == before


def test_a_lone_surrogate_escape_is_422_naming_the_record(writable: TestClient) -> None:
    body = '[{"text": "Kenya and Uganda signed a pipeline deal."}, {"text": "Kenya \\ud800 met"}]'
    response = writable.post("/api/documents", content=body,
                             headers={"Authorization": f"Bearer {TOKEN}",
                                      "Content-Type": "application/json"})
    error = assert_error(response, 422)
    assert "document 1" in error["message"] and "surrogate" in error["message"]


# ---------------------------------------------------------------- the command


def test_serve_help_describes_the_options() -> None:
    result = subprocess.run([str(DOSSIER), "serve", "--help"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    for option in ("--db", "--host", "--port", "--token", "DOSSIER_TOKEN"):
        assert option in result.stdout


def test_serve_refuses_a_knowledge_base_that_does_not_exist(tmp_path: Path) -> None:
    result = subprocess.run([str(DOSSIER), "serve", "--db",
                             str(tmp_path / "typo.db")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "no knowledge base here" in result.stderr
    assert not (tmp_path / "typo.db").exists()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_dossier_serve_answers_over_http(kb: Path) -> None:
    port = free_port()
    server = subprocess.Popen([str(DOSSIER), "serve", "--db", str(kb),
                               "--port", str(port)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/events", timeout=5)
                break
            except httpx.TransportError:
                assert server.poll() is None, server.communicate()[1]
                assert time.monotonic() < deadline, "the server did not start within 60 s"
                time.sleep(0.2)
        assert response.status_code == 200
        assert response.json()["items"][0]["date"] == "2026-01-29"
        refused = httpx.post(f"http://127.0.0.1:{port}/api/documents", json={"text": "x"})
        assert refused.status_code == 403
    finally:
        server.terminate()
        server.wait(timeout=30)


# ---------------------------------------------------------------- what HTTP itself asks


def test_head_is_answered_like_get_without_a_body(client: TestClient) -> None:
    for url in ("/", "/api/events", "/actors"):
        response = client.head(url)
        assert response.status_code == 200, url
        assert response.content == b""
        assert response.headers["content-type"] == client.get(url).headers["content-type"]


def test_a_page_past_any_list_is_422_not_a_crash(client: TestClient) -> None:
    for url in ("/api/events", "/api/actors", "/api/documents", "/api/search?q=Kenya"):
        sep = "&" if "?" in url else "?"
        error = assert_error(client.get(f"{url}{sep}page={2 ** 63}"), 422)
        assert "page" in error["message"]
    assert client.get(f"/actors?page={2 ** 63}", headers={"Accept": "text/html"}).status_code == 422


def test_a_search_of_thousands_of_words_is_refused_and_short_prefixes_are_words(
        client: TestClient) -> None:
    error = assert_error(client.get("/api/search", params={"q": " ".join(["a*"] * 3000)}), 422)
    assert "at most 20 words" in error["message"]
    assert get(client, "/api/search", q="a* Kenya")["total"] == get(client, "/api/search",
                                                                    q="a Kenya")["total"]


def test_a_body_over_the_limit_is_413_before_it_is_read(writable: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    huge = b'{"text": "' + b"a" * (MAX_BODY_BYTES + 10) + b'"}'
    error = assert_error(writable.post("/api/documents", content=huge, headers=auth), 413)
    assert "too large" in error["message"]

    def chunks():   # no Content-Length: counted as it arrives
        yield b'{"text": "'
        for _ in range(MAX_BODY_BYTES // 1_000_000 + 2):
            yield b"a" * 1_000_000
        yield b'"}'
    assert_error(writable.post("/api/documents", content=chunks(), headers=auth), 413)


def test_an_id_with_a_slash_opens(writable: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    added = writable.post("/api/documents", headers=auth,
                          json={"id": "outlet/2024/tz-talks", "text": NEW_ARTICLE + " Again."})
    assert added.status_code == 201, added.text
    assert get(writable, "/api/documents/outlet/2024/tz-talks")["id"] == "outlet/2024/tz-talks"
    page = writable.get("/documents/outlet%2F2024%2Ftz-talks", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "Samia Suluhu Hassan" in page.text


def test_serving_a_store_does_not_load_the_language_model() -> None:
    """A read-only server starts in a second, not after spaCy's two."""
    check = ("import sys, dossier.web.app, dossier.resolve.rebuild; "
             "print(sorted(m for m in sys.modules if m == 'spacy' or m.startswith('thinc')))")
    result = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
