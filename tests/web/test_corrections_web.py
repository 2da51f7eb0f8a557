"""Corrections on the web: shown on the records they touch, made through the API with the
server's token, and through the form on a record's page in a real browser."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from playwright.sync_api import Browser, sync_playwright

from demo_kb import SEEDS, build, running
from dossier.web.app import create_app

HTML = {"accept": "text/html"}
TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return Path(build(tmp_path_factory.mktemp("corrections-web") / "kb.db", [SEEDS]))


@pytest.fixture
def writable(seeds_db: Path, tmp_path: Path) -> Iterator[TestClient]:
    """A server with a token over a copy of the seeds' store, for one test to correct."""
    db = tmp_path / "kb.db"
    db.write_bytes(seeds_db.read_bytes())   # the build closed its store: no write-ahead log left
    with TestClient(create_app(str(db), token=TOKEN)) as client:
        yield client


def mudavadi_event(client: TestClient) -> str:
    events = client.get("/api/events", params={"actor": "person-musalia-mudavadi"}).json()
    return events["items"][0]["id"]


def test_a_correction_needs_the_token_and_a_read_only_server_refuses_it(
        seeds_db: Path, writable: TestClient) -> None:
    body = {"action": "rename", "target": "person-musalia-mudavadi",
            "value": {"name": "W. Musalia Mudavadi"}, "by": "Ana", "why": "full name"}
    assert writable.post("/api/corrections", json=body).status_code == 401
    assert writable.post("/api/corrections", json=body,
                         headers={"Authorization": "Bearer wrong"}).status_code == 401
    with TestClient(create_app(str(seeds_db))) as read_only:
        assert read_only.post("/api/corrections", json=body, headers=AUTH).status_code == 403
        assert "Correct this record" not in read_only.get(
            "/actors/person-musalia-mudavadi", headers=HTML).text
    assert writable.get("/api/actors/person-musalia-mudavadi").json()["name"] == "Musalia Mudavadi"


def test_a_rename_through_the_api_shows_on_the_page_and_in_the_list(writable: TestClient) -> None:
    made = writable.post("/api/corrections", headers=AUTH, json={
        "action": "rename", "target": "Musalia Mudavadi", "value": {"name": "W. Musalia Mudavadi"},
        "by": "Ana Analyst", "why": "his full name"})
    assert made.status_code == 201, made.text
    assert made.json()["target"] == "person-musalia-mudavadi"   # the name found the actor
    html = writable.get("/actors/person-musalia-mudavadi", headers=HTML).text
    assert "<h1>W. Musalia Mudavadi</h1>" in html
    assert "Corrections (1)" in html and "Ana Analyst" in html and "his full name" in html
    assert writable.get("/api/actors/person-musalia-mudavadi").json()[
        "corrections"][0]["why"] == "his full name"
    listed = writable.get("/corrections", headers=HTML).text
    assert "his full name" in listed and "applied" in listed


def test_a_rejected_event_leaves_the_timeline_and_comes_back_when_undone(
        writable: TestClient) -> None:
    event = mudavadi_event(writable)
    made = writable.post("/api/corrections", headers=AUTH, json={
        "action": "reject", "target": event, "by": "Ana", "why": "a misreading"})
    assert made.status_code == 201, made.text
    assert writable.get(f"/api/events/{event}").status_code == 404
    ids = {e["id"] for e in writable.get("/api/events", params={"per_page": 500}).json()["items"]}
    assert event not in ids
    undone = writable.post(f"/api/corrections/{made.json()['number']}/undo", headers=AUTH)
    assert undone.status_code == 200 and undone.json()["undone_at"]
    assert writable.get(f"/api/events/{event}").status_code == 200


def test_a_correction_that_cannot_be_made_is_a_422_naming_why(writable: TestClient) -> None:
    for body, reason in [
            ({"action": "reject", "target": "event-nope"}, "event event-nope is gone"),
            ({"action": "country", "target": "person-musalia-mudavadi",
              "value": {"country": "Narnia"}}, "Narnia: not a country"),
            ({"action": "merge", "target": "person-musalia-mudavadi",
              "value": {"into": "Nobody Atall"}}, "Nobody Atall: no actor")]:
        answer = writable.post("/api/corrections", headers=AUTH,
                               json={**body, "by": "Ana", "why": "test"})
        assert answer.status_code == 422, answer.text
        assert reason in answer.json()["error"]["message"]
    assert writable.get("/api/corrections").json()["items"] == []
    assert writable.post("/api/corrections/9/undo", headers=AUTH).status_code == 422


@pytest.fixture
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs it")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        yield b
        b.close()


def test_an_analyst_corrects_an_actor_with_the_form_on_its_page(seeds_db: Path, tmp_path: Path,
                                                                 browser: Browser) -> None:
    db = tmp_path / "kb.db"
    db.write_bytes(seeds_db.read_bytes())
    with running(create_app(str(db), token=TOKEN)) as base:
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.goto(f"{base}/actors/person-meg-whitman")
        page.click("details.correct summary")
        form = page.locator("form.correct")
        form.locator("select[name=action]").select_option("country")
        form.locator("input[name=value]").fill("Kenya")
        form.locator("input[name=by]").fill("Ana Analyst")
        form.locator("input[name=why]").fill("posted to Nairobi, but American")
        form.locator("input[name=token]").fill("wrong")
        form.locator("button").click()
        page.wait_for_selector("form.correct .status:has-text('not saved')")
        form.locator("input[name=token]").fill(TOKEN)
        with page.expect_navigation():
            form.locator("button").click()
        assert "Corrections (1)" in page.content()
        assert "Kenya (KEN)" in page.inner_text("main")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.screenshot(path=str(tmp_path / "corrected.png"), full_page=True)
