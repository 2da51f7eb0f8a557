"""Figures in one currency: `value_usd` at the rate of the figure's period or report date.

A figure about a year ("exports in 2024") is converted at that year's average rate; any other at
the rate of the month its report was published. A report without a publication date borrows the
date of the events it reports (known from other reports of them); with no date at all the
figure keeps `value_usd` empty rather than a guess. The rate, its period and its source are
stored with the figure.
"""
from __future__ import annotations

import re
from datetime import date

from dossier.rates import ExchangeRates, UsdRate


def usd_rate(rates: ExchangeRates, currency: str, period: str | None,
             report_date: date | None) -> UsdRate | None:
    if period and (m := re.fullmatch(r"((?:19|20)\d\d)(?:-(\d\d))?", period)):
        year = int(m.group(1))
        return rates.for_month(currency, date(year, int(m.group(2)), 1)) if m.group(2) \
            else rates.for_year(currency, year)
    if report_date:
        return rates.for_month(currency, report_date)
    return None
