"""Exchange rates to the US dollar, offline.

The default source is HM Revenue & Customs' published exchange rates, bundled with the
`hmrc-rates` package (monthly rates since 2014, yearly averages since 2010, nearly every
currency including KES and NGN). HMRC quotes units per pound, so a rate to the dollar is the
ratio of two rates of the same table. Users can supply their own CSV (`currency,month,units_per_usd`
with month as YYYY-MM, or YYYY for a yearly average); its rows take precedence.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from hmrc_rates import HmrcRatesError, Rates, YearEnd

HMRC_SOURCE = "HMRC exchange rates (hmrc-rates package)"


@dataclass(frozen=True)
class UsdRate:
    units_per_usd: float
    period: str  # "2026-01" for a month, "2024" for a yearly average
    source: str


class RatesFileError(ValueError):
    """The user's rates file cannot be read; the message names the line and the reason."""


def load_user_rates(path: Path) -> dict[tuple[str, str], float]:
    """(currency, "YYYY-MM" or "YYYY") -> units per USD, from `currency,month,units_per_usd`."""
    rates: dict[tuple[str, str], float] = {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            if not {"currency", "month", "units_per_usd"} <= set(reader.fieldnames or []):
                raise RatesFileError(f"{path}: expected the columns currency,month,units_per_usd")
            for n, row in enumerate(reader, start=2):
                month, currency = (row["month"] or "").strip(), (row["currency"] or "").strip()
                if not re.fullmatch(r"\d{4}(?:-\d{2})?", month) or not re.fullmatch(r"[A-Za-z]{3}", currency):
                    raise RatesFileError(f"{path}:{n}: month must be YYYY-MM or YYYY and currency "
                                         f"a three-letter code")
                try:
                    value = float(row["units_per_usd"])
                except (TypeError, ValueError):
                    raise RatesFileError(f"{path}:{n}: units_per_usd is not a number") from None
                if value <= 0:
                    raise RatesFileError(f"{path}:{n}: units_per_usd must be positive")
                rates[(currency.upper(), month)] = value
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise RatesFileError(f"{path}: cannot read ({e})") from None
    return rates


class ExchangeRates:
    def __init__(self, user_rates: dict[tuple[str, str], float] | None = None):
        self._hmrc = Rates()
        self._user = dict(user_rates or {})
        self._user_source = "user rates"

    def for_month(self, currency: str, month: date) -> UsdRate | None:
        """The rate of `month` (or the latest earlier month published, up to a year back)."""
        currency = currency.upper()
        key = f"{month.year:04d}-{month.month:02d}"
        if (currency, key) in self._user:
            return UsdRate(self._user[(currency, key)], key, self._user_source)
        if currency == "USD":
            return UsdRate(1.0, key, "identity")
        try:
            units = self._hmrc.monthly_rate_or_earlier(currency, key, 12)
            dollars = self._hmrc.monthly_rate_or_earlier("USD", key, 12)
        except HmrcRatesError:
            return None
        ym = units.period.year_month
        return UsdRate(float(units.units_per_gbp / dollars.units_per_gbp),
                       f"{ym.year:04d}-{ym.month:02d}", HMRC_SOURCE)

    def for_year(self, currency: str, year: int) -> UsdRate | None:
        """The average rate over a calendar year, for figures that describe a whole year."""
        currency = currency.upper()
        if (currency, str(year)) in self._user:
            return UsdRate(self._user[(currency, str(year))], str(year), self._user_source)
        if currency == "USD":
            return UsdRate(1.0, str(year), "identity")
        try:
            table = self._hmrc.average(YearEnd.december(year))
            ratio: Decimal = table.rate(currency).units_per_gbp / table.rate("USD").units_per_gbp
        except HmrcRatesError:
            return self.for_month(currency, date(year, 12, 1))
        return UsdRate(float(ratio), str(year), HMRC_SOURCE + ", yearly average")
