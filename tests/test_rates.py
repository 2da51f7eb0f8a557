"""Exchange rates to the dollar: the bundled HMRC tables, and the user's own."""
from __future__ import annotations

from datetime import date

import pytest

from dossier.rates import ExchangeRates, RatesFileError, load_user_rates
from dossier.resolve.figures import usd_rate


def test_kenyan_shillings_per_dollar_in_early_2026_are_near_129():
    rate = ExchangeRates().for_month("KES", date(2026, 1, 15))
    assert 120 < rate.units_per_usd < 140
    assert rate.period == "2026-01" and "HMRC" in rate.source


def test_a_year_is_converted_at_its_average_and_an_unknown_currency_has_no_rate():
    rates = ExchangeRates()
    assert rates.for_year("KES", 2024).period == "2024"
    assert rates.for_month("XYZ", date(2025, 1, 1)) is None


def test_the_reports_month_comes_first_then_the_figures_period_then_nothing():
    rates = ExchangeRates()
    assert usd_rate(rates, "KES", "2024", date(2026, 2, 12)).period == "2026-02"
    assert usd_rate(rates, "KES", "2024", None).period == "2024"
    assert usd_rate(rates, "KES", None, None) is None


def test_user_rates_win_and_bad_lines_are_named(tmp_path):
    good = tmp_path / "rates.csv"
    good.write_text("currency,month,units_per_usd\nkes,2026-02,100\n", encoding="utf-8")
    rate = ExchangeRates(load_user_rates(good)).for_month("KES", date(2026, 2, 3))
    assert (rate.units_per_usd, rate.source) == (100.0, "user rates")
    bad = tmp_path / "bad.csv"
    bad.write_text("currency,month,units_per_usd\nKES,Feb 2026,100\n", encoding="utf-8")
    with pytest.raises(RatesFileError, match="bad.csv:2"):
        load_user_rates(bad)
