"""A correction is shown on the pages and in the JSON of the records it touches."""
from __future__ import annotations

from datetime import datetime

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from demo_kb import SEEDS, build
from dossier.resolve.corrections import APPLIED, apply_one
from dossier.store.schema import CorrectionRow, EventParticipantRow
from dossier.store.store import Store, derived_changed
from dossier.web.app import create_app

HTML = {"accept": "text/html"}


def correct(db: str, action: str, target: str, value: dict, why: str) -> None:
    """As `dossier correct` stores and applies one."""
    store = Store(db)
    with store.session() as s:
        c = CorrectionRow(action=action, target=target, value=value, author="Ana Analyst",
                          reason=why, made_at=datetime(2026, 12, 4, 9, 30))
        s.add(c)
        s.flush()
        assert apply_one(s, c) == APPLIED
        derived_changed(s)
    store.close()


@pytest.fixture(scope="module")
def corrected(tmp_path_factory: pytest.TempPathFactory) -> tuple[TestClient, str]:
    db = build(tmp_path_factory.mktemp("corrected") / "kb.db", [SEEDS])
    store = Store(db)
    with store.session() as s:
        event = s.scalar(select(EventParticipantRow.event_id)
                         .where(EventParticipantRow.actor_id == "person-musalia-mudavadi"))
    store.close()
    correct(db, "rename", "person-musalia-mudavadi", {"name": "W. Musalia Mudavadi"},
            "his full name")
    correct(db, "confirm", event, {}, "checked against the statement")
    with TestClient(create_app(db)) as client:
        yield client, event


def test_an_actor_page_shows_its_correction_with_who_when_and_why(corrected) -> None:
    client, _ = corrected
    html = client.get("/actors/person-musalia-mudavadi", headers=HTML).text
    assert "<h1>W. Musalia Mudavadi</h1>" in html
    assert "Corrections (1)" in html and "Ana Analyst" in html and "his full name" in html
    assert "2026-12-04" in html
    data = client.get("/api/actors/person-musalia-mudavadi").json()
    assert data["corrections"][0]["why"] == "his full name"


def test_an_event_page_shows_that_it_was_confirmed(corrected) -> None:
    client, event = corrected
    html = client.get(f"/events/{event}", headers=HTML).text
    assert "confirm" in html and "checked against the statement" in html
    assert client.get(f"/api/events/{event}").json()["corrections"][0]["action"] == "confirm"
