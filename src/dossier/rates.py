"""Exchange rates to the US dollar, offline.

The default source is HM Revenue & Customs' published exchange rates, bundled with the
`hmrc-rates` package (monthly rates since 2014, yearly averages since 2010, nearly every
currency including KES and NGN). HMRC quotes units per pound, so a rate to the dollar is the
ratio of two rates of the same table. Users can supply their own CSV (`currency,month,units_per_usd`
with month as YYYY-MM, or YYYY for a yearly average); its rows take precedence.
"""
from __future__ import annotations

import csv
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


class ExchangeRates:
    def __init__(self, user_csv: Path | None = None):
        self._hmrc = Rates()
        self._user: dict[tuple[str, str], float] = {}
        if user_csv is not None:
            with user_csv.open(encoding="utf-8") as fh:
                for row in csv.DictReader(fh):
                    self._user[(row["currency"].upper(), row["month"])] = float(row["units_per_usd"])
        self._user_source = f"user rates ({user_csv})" if user_csv else ""

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
