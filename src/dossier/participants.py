"""Who takes part in an event, as a document names them: the keys event mentions store.

A person named by name is their name ("William Ruto"); a person named only by title is
`role_key` ("role:Foreign Minister@KEN"); a country acting as such is `places.COUNTRY_KEY` with
its code ("country:KEN"); an international organisation `organisations.ORGANISATION_KEY` with
its code ("org:EU"). Extraction writes them and resolution reads them into actors, so they live
below both.
"""
from __future__ import annotations

from dataclasses import dataclass

from dossier.organisations import ORGANISATION_KEY
from dossier.places import COUNTRY_KEY

ROLE_KEY = "role:"
PERSON, ROLE, COUNTRY, ORGANISATION = "person", "role", "country", "organisation"


def role_key(title: str, country: str | None) -> str:
    """The participant key of someone the text names only by title: "role:Foreign Minister@KEN"
    (no country: "role:Foreign Minister@")."""
    return f"{ROLE_KEY}{title}@{country or ''}"


@dataclass(frozen=True)
class Participant:
    """A participant key read: what kind of participant, and who."""

    kind: str           # PERSON, ROLE, COUNTRY or ORGANISATION
    value: str          # the name, the title, the country's or the organisation's code
    country: str = ""   # a role's country ("" when the text gives none)

    @classmethod
    def of(cls, key: str) -> Participant:
        if key.startswith(COUNTRY_KEY):
            return cls(COUNTRY, key.removeprefix(COUNTRY_KEY))
        if key.startswith(ORGANISATION_KEY):
            return cls(ORGANISATION, key.removeprefix(ORGANISATION_KEY))
        if key.startswith(ROLE_KEY):
            title, _, country = key.removeprefix(ROLE_KEY).rpartition("@")
            return cls(ROLE, title, country)
        return cls(PERSON, key)


def kind_of(key: str) -> str:
    """PERSON, ROLE, COUNTRY or ORGANISATION."""
    return Participant.of(key).kind
