"""Who takes part in an event, as a document names them: the keys event mentions store.

A person named by name is their name ("William Ruto"); a person named only by title is
`role_key` ("role:Foreign Minister@KEN"); a country acting as such is `places.COUNTRY_KEY` with
its code ("country:KEN"); an international organisation `organisations.ORGANISATION_KEY` with
its code ("org:EU"). Extraction writes them and resolution reads them into actors, so they live
below both.
"""
from __future__ import annotations

ROLE_KEY = "role:"


def role_key(title: str, country: str | None) -> str:
    """The participant key of someone the text names only by title: "role:Foreign Minister@KEN"
    (no country: "role:Foreign Minister@")."""
    return f"{ROLE_KEY}{title}@{country or ''}"


def role_key_country(key: str) -> str:
    """The country of a `role_key`, "" when it has none."""
    return key.rpartition("@")[2]
