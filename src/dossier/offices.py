"""The user's dictionary of office holders: a CSV file with one tenure per row.

    name,title,country,valid_from,valid_to
    David Lammy,Foreign Secretary,GBR,2024-07-05,2025-09-05

Dates are ISO (an empty valid_to means still in office). It is consulted where the corpus is
silent: to say who "the US Secretary of State" was on a report's date, and to give a person a
country no report states.
"""
from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from dossier.resolve.actors import OfficeHolder

COLUMNS = ("name", "title", "country", "valid_from", "valid_to")


class OfficesFileError(ValueError):
    """The file cannot be read as a dictionary of office holders; the message says where."""


def _day(value: str | None, where: str) -> date | None:
    if not value or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise OfficesFileError(f"{where}: {value!r} is not an ISO date (YYYY-MM-DD)") from None


def load_offices(path: Path) -> list[OfficeHolder]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in ("name", "title") if c not in (reader.fieldnames or [])]
            if missing:
                raise OfficesFileError(f"{path}: missing column(s) {', '.join(missing)}; "
                                       f"expected {','.join(COLUMNS)}")
            holders = []
            for n, row in enumerate(reader, start=2):
                where = f"{path}:{n}"
                if not (row.get("name") or "").strip() or not (row.get("title") or "").strip():
                    raise OfficesFileError(f"{where}: name and title are required")
                holders.append(OfficeHolder(
                    row["name"].strip(), row["title"].strip(),
                    (row.get("country") or "").strip().upper() or None,
                    _day(row.get("valid_from"), where), _day(row.get("valid_to"), where)))
            return holders
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise OfficesFileError(f"{path}: cannot read ({e})") from None
