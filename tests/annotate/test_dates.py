"""Date expressions as windows, against the publication date (the anchor) or without one."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dossier.annotate.dates import normalise

SEEDS = Path(__file__).parents[3] / "shared" / "seeds"

THURSDAY = date(2026, 2, 12)   # the publication date of seed 003, a Thursday


def seed_text(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def dates_by_text(doc) -> dict:
    return {d.text: d.value for d in doc.dates}


# --- weekdays ----------------------------------------------------------------------------------

def test_weekday_named_on_the_anchor_day_is_that_day() -> None:
    # "on Thursday" in a Thursday paper is the day of publication, not a week earlier.
    value = normalise("on Thursday", THURSDAY)
    assert value.exact == THURSDAY
    assert value.precision == "day" and value.weekday == 3


def test_bare_weekday_is_the_most_recent_such_day() -> None:
    assert normalise("Wednesday", THURSDAY).exact == date(2026, 2, 11)
    assert normalise("Friday", THURSDAY).exact == date(2026, 2, 6)


def test_last_and_next_weekday_skip_the_anchor_day() -> None:
    assert normalise("last Thursday", THURSDAY).exact == date(2026, 2, 5)
    assert normalise("next Thursday", THURSDAY).exact == date(2026, 2, 19)


def test_weekday_in_a_sentence_about_the_future_looks_ahead() -> None:
    tuesday = date(2026, 2, 10)
    assert normalise("Thursday", tuesday, future=True).exact == date(2026, 2, 12)
    assert normalise("Thursday", tuesday).exact == date(2026, 2, 5)


def test_weekday_without_anchor_stays_open_but_remembers_the_day() -> None:
    value = normalise("Thursday", None)
    assert value.earliest is None and value.latest is None
    assert value.weekday == 3
    assert value.exact is None


def test_seed_004_thursday_in_a_thursday_paper(annotate) -> None:
    # Seed 004 reports the Ruto-Landau talks of Thursday 29 January 2026 "on Thursday".
    doc = annotate(seed_text("004"), published=date(2026, 1, 29))
    assert dates_by_text(doc)["Thursday"].exact == date(2026, 1, 29)


def test_nigeria_uk_snippet_weekday_against_the_paper_date(annotate) -> None:
    doc = annotate("ABUJA — Foreign Minister Yusuf Tuggar met British Foreign Secretary David Lammy "
                   "in London on Tuesday to discuss trade and security.", published=date(2024, 10, 17))
    assert dates_by_text(doc)["Tuesday"].exact == date(2024, 10, 15)


def test_planned_visit_weekday_is_the_coming_one(annotate) -> None:
    doc = annotate("Chinese Foreign Minister Wang Yi will visit Addis Ababa on Thursday to meet "
                   "Ethiopian officials, the ministry said.", published=date(2024, 3, 5), events=False)
    assert dates_by_text(doc)["Thursday"].exact == date(2024, 3, 7)


def test_seeds_without_publication_date_keep_weekdays_open(seed_docs) -> None:
    # Seeds 000, 001 and 004 carry no publication date: no day may be invented for them.
    for key, weekday in (("000", 0), ("001", 3), ("004", 3)):
        doc = seed_docs[key]
        assert doc.published is None
        days = [d.value for d in doc.dates if d.value.weekday == weekday]
        assert days, key
        assert all(v.earliest is None and v.latest is None for v in days), key


# --- relative years, weeks and days ------------------------------------------------------------

def test_last_year_is_the_year_before_the_anchor() -> None:
    value = normalise("last year", THURSDAY)
    assert (value.earliest, value.latest) == (date(2025, 1, 1), date(2025, 12, 31))
    assert value.precision == "year"


def test_last_year_without_anchor_is_not_guessed() -> None:
    value = normalise("last year", None)
    assert value is not None and value.earliest is None and value.latest is None


def test_seed_004_framework_signed_last_year(annotate) -> None:
    doc = annotate(seed_text("004"), published=date(2026, 1, 29))
    value = dates_by_text(doc)["last year"]
    assert (value.earliest, value.latest) == (date(2025, 1, 1), date(2025, 12, 31))


def test_week_words_give_a_monday_to_sunday_window() -> None:
    this_week = normalise("this week", THURSDAY)
    assert (this_week.earliest, this_week.latest) == (date(2026, 2, 9), date(2026, 2, 15))
    assert this_week.precision == "week"
    last_week = normalise("last week", THURSDAY)
    assert (last_week.earliest, last_week.latest) == (date(2026, 2, 2), date(2026, 2, 8))
    unanchored = normalise("this week", None)
    assert unanchored.precision == "week" and unanchored.earliest is None


def test_days_ago_and_yesterday() -> None:
    assert normalise("yesterday", THURSDAY).exact == date(2026, 2, 11)
    assert normalise("two days ago", THURSDAY).exact == date(2026, 2, 10)


# --- month and day without a year --------------------------------------------------------------

def test_january_29_in_a_february_paper_is_this_year() -> None:
    assert normalise("January 29", THURSDAY).exact == date(2026, 1, 29)
    assert normalise("Jan. 29", THURSDAY).exact == date(2026, 1, 29)


def test_dec_30_in_a_january_paper_is_last_december() -> None:
    assert normalise("Dec. 30", date(2026, 1, 5)).exact == date(2025, 12, 30)
    assert normalise("December 30", date(2026, 1, 5)).exact == date(2025, 12, 30)


def test_early_january_in_a_late_december_paper_is_next_year() -> None:
    assert normalise("January 3", date(2025, 12, 28)).exact == date(2026, 1, 3)


def test_month_day_without_any_anchor_gets_no_invented_year() -> None:
    value = normalise("January 29", None)
    assert value is None or (value.earliest is None and value.latest is None)


def test_seed_003_conference_on_january_29_against_posted_date(seed_docs) -> None:
    doc = seed_docs["003"]
    assert doc.published == date(2026, 2, 12)   # from "Posted on :Thursday , 12th February 2026"
    assert dates_by_text(doc)["January 29"].exact == date(2026, 1, 29)


# --- explicit dates and coarser windows --------------------------------------------------------

@pytest.mark.parametrize("text", ["29 January 2026", "Jan. 29, 2026", "Thursday, January 29, 2026"])
def test_explicit_dates_need_no_anchor(text: str) -> None:
    assert normalise(text, None).exact == date(2026, 1, 29)


def test_months_years_and_decades_are_windows() -> None:
    month = normalise("March 2024", None)
    assert (month.earliest, month.latest, month.precision) == (date(2024, 3, 1), date(2024, 3, 31),
                                                                "month")
    year = normalise("in 2024", None)
    assert (year.earliest, year.latest, year.precision) == (date(2024, 1, 1), date(2024, 12, 31),
                                                             "year")
    early = normalise("early 2026", None)
    assert (early.earliest, early.latest) == (date(2026, 1, 1), date(2026, 6, 30))
    nineties = normalise("the 1990s", None)
    assert (nineties.earliest, nineties.latest) == (date(1990, 1, 1), date(1999, 12, 31))


def test_seed_003_years_of_trade_figures(seed_docs) -> None:
    values = dates_by_text(seed_docs["003"])
    assert (values["2024"].earliest, values["2024"].latest) == (date(2024, 1, 1), date(2024, 12, 31))


# --- durations are not dates -------------------------------------------------------------------

@pytest.mark.parametrize("text", ["a two-day visit", "two-day", "three more years",
                                  "an additional three years", "more than 20 years", "30 years",
                                  "the past decade"])
def test_durations_are_not_dates(text: str) -> None:
    assert normalise(text, THURSDAY) is None


def test_seeds_keep_no_duration_among_their_dates(seed_docs) -> None:
    # "a two-day official visit", "a three-day official visit", "three more years",
    # "more than 20 years", "over 30 years" all name lengths of time.
    for key, doc in seed_docs.items():
        for d in doc.dates:
            assert "-day" not in d.text and "years" not in d.text, (key, d.text)


def test_date_spans_quote_the_text(seed_docs) -> None:
    for doc in seed_docs.values():
        for d in doc.dates:
            assert d.span.text_in(doc.text) == d.text


@pytest.mark.parametrize("text", ["June 11-13", "June 11–13, 2021", "11-13 June"])
def test_a_run_of_days_is_one_window(text: str) -> None:
    value = normalise(text, date(2021, 4, 23), future=True)
    assert (value.earliest, value.latest) == (date(2021, 6, 11), date(2021, 6, 13))


def test_may_opening_a_wish_is_not_the_month(annotate) -> None:
    doc = annotate("We congratulate both teams on reaching the final in Kenya.  May the best team "
                   "win! The final is set for May 5. May God bless them all.",
                   events=False, published=date(2026, 4, 6))
    assert [(d.text, d.value.earliest) for d in doc.dates if "May" in d.text] == \
        [("May 5", date(2026, 5, 5))]
