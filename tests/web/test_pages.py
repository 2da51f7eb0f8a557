"""The HTML pages over the seed knowledge base, through the app (no browser): what each page
shows, and that article text never becomes markup."""
from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from demo_kb import RUTO_LANDAU_DATE, SEEDS, XSS, build
from dossier.web.app import create_app

HTML = {"accept": "text/html"}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = build(tmp_path_factory.mktemp("pages") / "kb.db", [SEEDS])
    with TestClient(create_app(db)) as c:
        yield c


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = build(tmp_path_factory.mktemp("xss") / "kb.db", [XSS])
    with TestClient(create_app(db)) as c:
        yield c


def page(client: TestClient, path: str, status: int = 200) -> str:
    r = client.get(path, headers=HTML)
    assert r.status_code == status, (path, r.text[:500])
    assert r.headers["content-type"].startswith("text/html")
    return r.text


def text_of(html: str) -> str:
    """The visible words of a page, roughly: tags dropped, entities decoded, spaces squeezed."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def links(html: str, prefix: str) -> list[str]:
    return re.findall(rf'href="({re.escape(prefix)}[^"#]*)', html)


def ruto_landau(client: TestClient) -> str:
    """The event page of the Ruto–Landau meeting, found from the timeline as a reader would."""
    timeline = page(client, "/?actor=person-christopher-landau&type=CONSULT")
    rows = [row for row in timeline.split("<tr>") if RUTO_LANDAU_DATE in row]
    assert rows, text_of(timeline)
    return links(rows[0], "/events/")[0]


def test_every_page_answers(client: TestClient) -> None:
    for path in ["/", "/actors", "/initiatives", "/figures", "/findings", "/documents",
                 "/search?q=Landau", "/search", "/?type=CONSULT&country=KEN&since=2024-01-01"]:
        html = page(client, path)
        assert '<meta name="viewport"' in html and "/static/dossier.css" in html
    assert client.get("/static/dossier.css").status_code == 200


def test_timeline_lists_events_with_dates_types_participants_and_reports(client: TestClient) -> None:
    html = page(client, "/")
    body = text_of(html)
    assert "<svg" in html and "<rect" in html            # the chart of events per month
    assert RUTO_LANDAU_DATE in body and "CONSULT" in body
    assert "William Ruto" in body and "Christopher Landau" in body
    assert len(set(links(html, "/events/"))) == int(re.search(r"<h2>(\d+) events?</h2>", html).group(1))


def test_the_ruto_landau_event_page_shows_who_when_and_every_report(client: TestClient) -> None:
    html = page(client, ruto_landau(client))
    body = text_of(html)
    assert RUTO_LANDAU_DATE in body
    for who in ("William Ruto", "Christopher Landau"):
        assert who in body
    assert "/actors/person-william-ruto" in html and "/actors/person-christopher-landau" in html
    reports = links(html, "/documents/")
    assert any(r.startswith("/documents/003_") for r in reports)
    assert any(r.startswith("/documents/004_") for r in reports)
    assert "State House" in body
    quotes = re.findall(r'href="/documents/([^"#]+)#(ev-\d+-\d+)"', html)
    assert {doc[:3] for doc, _ in quotes} >= {"003", "004"}
    assert html.count("<blockquote>") >= 2


def test_evidence_links_land_on_a_mark_in_the_document(client: TestClient) -> None:
    html = page(client, ruto_landau(client))
    doc, anchor = re.findall(r'href="/documents/([^"#]+)#(ev-\d+-\d+)"', html)[0]
    document = page(client, f"/documents/{doc}")
    start, end = map(int, anchor.split("-")[1:])
    assert re.search(rf'<(mark|span class="anchor") id="{anchor}"', document)
    assert document.count("<mark") > 5


def test_actor_page_draws_roles_over_time(client: TestClient) -> None:
    html = page(client, "/actors/person-christopher-landau")
    body = text_of(html)
    assert "Roles over time" in body and "Deputy Secretary of State" in body
    assert 'class="chart roles"' in html and 'class="bar' in html
    assert "/events/" in html


def test_initiative_figures_findings_and_search(client: TestClient) -> None:
    agoa = text_of(page(client, "/initiatives/initiative-african-growth-and-opportunity-act"))
    assert "Status over time" in agoa and "requested" in agoa and "extended" in agoa
    figures = page(client, "/figures")
    assert "Ksh95 billion" in figures and "$737,000,000" in figures and 'class="bar"' in figures
    assert "opposite trade directions" in text_of(page(client, "/findings"))
    found = page(client, "/search?q=Landau")
    assert "<mark" in found and "003_2efd09c22e395e7f" in found


def test_unknown_ids_and_bad_filters_are_pages_with_a_status(client: TestClient) -> None:
    assert "no event with id" in text_of(page(client, "/events/no-such-event", 404))
    assert "since must be a date" in text_of(page(client, "/?since=yesterday", 422))
    assert page(client, "/documents/%3Cscript%3E", 404).count("<script") == 0


def test_hostile_article_text_is_shown_as_text(hostile: TestClient) -> None:
    for doc in ("xss-report", "xss-html"):
        html = page(hostile, f"/documents/{doc}")
        assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
        scripts = re.findall(r"<script[^>]*>", html)
        assert scripts == ['<script src="/static/target.js" defer>'], scripts   # ours only
        assert "<img" not in html
        assert 'href="javascript:' not in html and "onerror=\"window" not in html
        assert "<mark" in html
    timeline = page(hostile, "/")
    for event in set(links(timeline, "/events/")):
        html = page(hostile, event)
        assert "<script" not in html and "<img" not in html and 'href="javascript:' not in html
    assert "&lt;script&gt;" in "".join(page(hostile, e) for e in set(links(timeline, "/events/")))


def test_an_unknown_page_is_an_html_error_and_the_api_keeps_json(tmp_path):
    from fastapi.testclient import TestClient

    from dossier.store.store import Store
    from dossier.web.app import create_app

    Store(str(tmp_path / "kb.db"))
    with TestClient(create_app(str(tmp_path / "kb.db"))) as client:   # no page requested before
        page = client.get("/nope", headers={"Accept": "text/html"})   # as a browser asks
        assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
        api = client.get("/api/nope")
        assert api.status_code == 404 and api.json()["error"]["status"] == 404
        assert client.get("/openapi.json").status_code == 200


def test_docs_lists_the_api_from_its_schema_with_no_script_from_elsewhere(client: TestClient) -> None:
    html = page(client, "/docs")
    body = text_of(html)
    for path in ("/api/events", "/api/relations/{a}/{b}", "/api/search", "/api/map"):
        assert path in body, path
    assert "partner" in body and "per_page" in body   # parameters with what they do
    assert "<script" not in html and "cdn" not in html.lower()
    assert 'href="/openapi.json"' in html
