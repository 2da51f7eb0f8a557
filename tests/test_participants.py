"""Participant keys, as extraction writes them and resolution reads them."""
from __future__ import annotations

import pytest

from dossier.participants import (COUNTRY, ORGANISATION, PERSON, ROLE, Participant, kind_of,
                                  role_key)


@pytest.mark.parametrize("key, read", [
    ("William Ruto", Participant(PERSON, "William Ruto")),
    ("country:KEN", Participant(COUNTRY, "KEN")),
    ("org:EU", Participant(ORGANISATION, "EU")),
    (role_key("Foreign Minister", "NGA"), Participant(ROLE, "Foreign Minister", "NGA")),
    (role_key("Secretary of State", None), Participant(ROLE, "Secretary of State", "")),
    # a title holding "@" keeps it: the country is what follows the last one
    (role_key("Envoy @ Large", "USA"), Participant(ROLE, "Envoy @ Large", "USA")),
])
def test_every_kind_of_key_reads_back_as_written(key: str, read: Participant) -> None:
    assert Participant.of(key) == read
    assert kind_of(key) == read.kind
