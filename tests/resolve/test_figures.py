"""Figures of different reports compared: agreement, conflict, opposite trade directions."""
from __future__ import annotations

from dossier.resolve.figures import FigureRef, compare_figures, content_words


def test_descriptions_fold_trade_words_and_us_names():
    assert content_words("Kenya sold items to the United States") == \
        content_words("Kenya exported goods to the US")


def test_same_quantity_in_two_reports_agrees_and_opposite_direction_conflicts():
    figures = [FigureRef(1, "a", 736e6, "2024", "Kenya sold items to the United States"),
               FigureRef(2, "a", 767e6, "2024", "Kenya sold items to the United States"),
               FigureRef(3, "b", 737e6, "2024", "Kenya exported goods to the US"),
               FigureRef(4, "b", 771e6, "2024", "imports from the United States into Kenya")]
    verdicts = {(c.figure, c.other): c.verdict for c in compare_figures(figures)}
    assert verdicts[(1, 3)] == "consistent"
    assert verdicts[(2, 4)] == "conflicting direction"   # same value, said to go the other way
    assert (1, 2) not in verdicts                         # one report is not compared with itself


def test_values_far_apart_conflict_and_other_periods_are_never_compared():
    figures = [FigureRef(1, "a", 14.5e6, "2025", "humanitarian aid to north-east Nigeria"),
               FigureRef(2, "b", 19.0e6, "2025", "humanitarian aid to north-east Nigeria"),
               FigureRef(3, "c", 14.5e6, "2023", "humanitarian aid to north-east Nigeria")]
    verdicts = {(c.figure, c.other): c.verdict for c in compare_figures(figures)}
    assert verdicts[(1, 2)] == "conflicting"
    assert not any(3 in pair for pair in verdicts)
