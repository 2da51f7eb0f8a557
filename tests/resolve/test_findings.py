"""Findings about figures: two values for one description in one report are a disagreement;
a list of values under one description is not."""
from __future__ import annotations

from dossier.resolve.findings import FigureIn, conflicting_figures


def figure(n: int, value: float, what: str = "aid to the health sector", doc: str = "r1") -> FigureIn:
    return FigureIn(f"figure-{n}", doc, n * 10, n * 10 + 5, f"${value:g} million", value, "USD",
                    value, "2025", what)


def test_two_values_for_one_description_in_one_report_are_a_finding() -> None:
    [finding] = conflicting_figures([figure(1, 40), figure(2, 45)])
    assert finding.kind == "conflicting_figures" and "$40 million and $45 million" in finding.description


def test_the_same_value_twice_or_in_two_reports_is_not() -> None:
    assert conflicting_figures([figure(1, 40), figure(2, 40)]) == []
    assert conflicting_figures([figure(1, 40), figure(2, 45, doc="r2")]) == []


def test_a_list_of_prices_under_one_description_is_not_a_disagreement() -> None:
    """A fact sheet giving ten prices as "energy costs" would otherwise make 45 findings."""
    prices = [figure(i, 2 + i / 4, what="energy costs") for i in range(10)]
    assert conflicting_figures(prices) == []
