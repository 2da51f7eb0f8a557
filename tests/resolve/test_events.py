"""Events across documents: one record per real-world event, linked to every report of it."""
from __future__ import annotations

import random
from datetime import date

from dossier.resolve.events import Event, EventMentionIn, resolve_events

RUTO, LANDAU = "person-william-ruto", "person-christopher-landau"
MUDAVADI, BLINKEN = "person-musalia-mudavadi", "person-antony-blinken"
MODI, ISHIBA = "person-narendra-modi", "person-shigeru-ishiba"
TUGGAR, LAMMY = "person-yusuf-tuggar", "person-david-lammy"


def report(id: int, doc: str, participants: tuple[str, ...], day: date | None = None,
           earliest: date | None = None, latest: date | None = None, weekday: int | None = None,
           location: str | None = None, country: str | None = None, type: str = "CONSULT",
           evidence: tuple[int, int] = (0, 120)) -> EventMentionIn:
    if day is not None:
        earliest = latest = day
        weekday = day.weekday() if weekday is None else weekday
    return EventMentionIn(id, doc, type, "", None, earliest, latest, weekday, location, country,
                          frozenset(participants), [], [], [evidence])


def grouped(events: list[Event]) -> set[frozenset[int]]:
    return {frozenset(m.id for m in e.mentions) for e in events}


def test_two_reports_of_one_meeting_are_one_event() -> None:
    # Seed 003 dates the talks (January 29, State House in Nairobi); seed 004 says "on Thursday".
    [event] = resolve_events([
        report(1, "003", (RUTO, LANDAU), day=date(2026, 1, 29), location="Nairobi", country="KEN"),
        report(2, "004", (RUTO, LANDAU), weekday=3, location="State House, Nairobi",
               country="KEN"),
    ])
    assert event.reported_by == ["003", "004"]
    assert event.date == date(2026, 1, 29)
    assert event.window == (date(2026, 1, 29), date(2026, 1, 29))
    assert event.location == "State House, Nairobi"   # the most specific place
    assert event.participants == {RUTO, LANDAU}


def test_same_people_on_different_days_are_two_events() -> None:
    events = resolve_events([
        report(1, "a", (MODI, ISHIBA), day=date(2025, 8, 29), location="Tokyo", country="JPN"),
        report(2, "b", (MODI, ISHIBA), day=date(2025, 8, 30), location="Sendai", country="JPN"),
    ])
    assert grouped(events) == {frozenset({1}), frozenset({2})}
    assert sorted(e.date for e in events) == [date(2025, 8, 29), date(2025, 8, 30)]
    assert len({e.id for e in events}) == 2


def test_weekday_that_contradicts_the_date_is_another_event() -> None:
    events = resolve_events([
        report(1, "a", (RUTO, LANDAU), day=date(2026, 1, 29)),   # a Thursday
        report(2, "b", (RUTO, LANDAU), weekday=4),               # "on Friday", undated report
    ])
    assert grouped(events) == {frozenset({1}), frozenset({2})}


def test_week_window_containing_the_day_joins_it() -> None:
    # Seed 001 puts the STIP meeting "this week"; seed 000 reports it on a known day.
    [event] = resolve_events([
        report(1, "000", (MUDAVADI, "person-rebecca-miano", "person-meg-whitman"),
               day=date(2024, 3, 4), location="Nairobi", country="KEN"),
        report(2, "001", (MUDAVADI, "person-rebecca-miano", "person-meg-whitman"),
               earliest=date(2024, 3, 4), latest=date(2024, 3, 10), location="Nairobi",
               country="KEN"),
    ])
    assert event.date == date(2024, 3, 4)
    assert event.window == (date(2024, 3, 4), date(2024, 3, 4))


def test_same_people_in_different_countries_are_two_events() -> None:
    events = resolve_events([
        report(1, "001", (MUDAVADI, BLINKEN), weekday=3, location="Washington", country="USA"),
        report(2, "x", (MUDAVADI, BLINKEN), location="Nairobi", country="KEN"),
    ])
    assert grouped(events) == {frozenset({1}), frozenset({2})}


def test_one_shared_participant_is_not_enough() -> None:
    # Ruto met Landau and, the same day, Xi's envoy: two meetings.
    events = resolve_events([
        report(1, "a", (RUTO, LANDAU), day=date(2026, 1, 29)),
        report(2, "b", (RUTO, "person-wang-yi"), day=date(2026, 1, 29)),
    ])
    assert grouped(events) == {frozenset({1}), frozenset({2})}


def test_report_naming_fewer_participants_joins() -> None:
    # One report lists the whole delegation, another only the two leaders.
    [event] = resolve_events([
        report(1, "a", (TUGGAR, LAMMY, "person-doris-uzoka-anite"), day=date(2024, 10, 15),
               location="London", country="GBR"),
        report(2, "b", (TUGGAR, LAMMY), day=date(2024, 10, 15), location="London",
               country="GBR"),
    ])
    assert event.participants == {TUGGAR, LAMMY, "person-doris-uzoka-anite"}


def test_different_event_types_stay_apart() -> None:
    events = resolve_events([
        report(1, "001", (MUDAVADI, BLINKEN), weekday=3, country="USA", type="CONSULT"),
        report(2, "001", (MUDAVADI, BLINKEN), weekday=3, country="USA", type="REQUEST",
               evidence=(800, 950)),
    ])
    assert grouped(events) == {frozenset({1}), frozenset({2})}
    assert {e.mentions[0].type for e in events} == {"CONSULT", "REQUEST"}


def test_overlapping_windows_narrow_to_what_both_reports_allow() -> None:
    # Both undated reports say "last week" relative to different papers; the windows overlap.
    [event] = resolve_events([
        report(1, "a", (TUGGAR, LAMMY), earliest=date(2024, 10, 14), latest=date(2024, 10, 20)),
        report(2, "b", (TUGGAR, LAMMY), earliest=date(2024, 10, 16), latest=date(2024, 10, 22)),
    ])
    assert event.window == (date(2024, 10, 16), date(2024, 10, 20))
    assert event.date is None   # no report gives the day


def test_result_does_not_depend_on_input_order() -> None:
    mentions = [
        report(1, "003", (RUTO, LANDAU), day=date(2026, 1, 29), location="Nairobi", country="KEN"),
        report(2, "004", (RUTO, LANDAU), weekday=3, location="State House, Nairobi",
               country="KEN"),
        report(3, "a", (MODI, ISHIBA), day=date(2025, 8, 29), location="Tokyo", country="JPN"),
        report(4, "b", (MODI, ISHIBA), day=date(2025, 8, 30), location="Sendai", country="JPN"),
        report(5, "c", (MODI, ISHIBA), earliest=date(2025, 8, 25), latest=date(2025, 8, 31)),
        report(6, "001", (MUDAVADI, BLINKEN), weekday=3, location="Washington", country="USA"),
        report(7, "d", (TUGGAR, LAMMY), day=date(2024, 10, 15), location="London", country="GBR"),
    ]

    def summary(events: list[Event]) -> set:
        return {(e.id, e.date, e.location, frozenset(m.id for m in e.mentions)) for e in events}

    expected = summary(resolve_events(mentions))
    for seed in range(6):
        shuffled = mentions[:]
        random.Random(seed).shuffle(shuffled)
        assert summary(resolve_events(shuffled)) == expected
    assert {frozenset({1, 2}), frozenset({7}), frozenset({6})} <= \
        {ids for _, _, _, ids in expected}


def test_an_announced_visit_is_linked_to_the_visit_reported_later():
    from dossier.resolve.events import EventMentionIn, link_announcements, resolve_events

    def mention(i, doc, kind, mode, people, country, day):
        return EventMentionIn(i, doc, kind, "", mode, day, day, None, None, country,
                              frozenset(people), [], [], [(0, 1)])

    events = resolve_events([
        mention(1, "a", "AGREE", "planned meeting (visit)", {"person-rubio", "country-ken"}, None,
                date(2025, 3, 1)),
        mention(2, "b", "CONSULT", "visit", {"person-rubio", "person-ruto"}, "KEN", date(2025, 5, 2)),
        mention(3, "c", "CONSULT", None, {"person-rubio", "person-mudavadi"}, "USA", date(2025, 4, 1)),
    ])
    ids = {e.mentions[0].id: e.id for e in events}
    assert link_announcements(events) == [(ids[1], ids[2])]

    # a call does not fulfil an announced visit, nor does a meeting years later or an undated one
    events = resolve_events([
        mention(1, "a", "AGREE", "planned meeting (visit)", {"person-rubio", "country-ken"}, None,
                date(2025, 3, 1)),
        mention(2, "b", "CONSULT", "phone", {"person-rubio", "person-ruto"}, None, date(2025, 5, 2)),
        mention(4, "d", "CONSULT", "visit", {"person-rubio", "person-ruto"}, "KEN", date(2027, 5, 2)),
        mention(5, "e", "CONSULT", "visit", {"person-rubio", "person-ruto"}, "KEN", None),
    ])
    assert link_announcements(events) == []


def test_statements_of_the_same_parties_join_only_when_they_fall_on_one_day() -> None:
    usa, kenya = "country-usa", "country-ken"
    events = resolve_events([
        report(1, "a", (usa, kenya), type="SUPPORT"),                    # undated praise
        report(2, "b", (usa, kenya), type="SUPPORT"),                    # another one, elsewhere
        report(3, "c", (usa, kenya), day=date(2025, 5, 2), type="AID"),
        report(4, "d", (usa, kenya), day=date(2025, 5, 2), type="AID"),  # the same aid, same day
    ])
    assert grouped(events) == {frozenset({1}), frozenset({2}), frozenset({3, 4})}


def test_undated_meetings_reported_weeks_apart_are_two_meetings() -> None:
    first = report(1, "a", (MODI, ISHIBA))
    second = report(2, "b", (MODI, ISHIBA))
    same_week = report(3, "c", (MODI, ISHIBA))
    first.reported_on, second.reported_on, same_week.reported_on = (
        date(2025, 3, 1), date(2025, 6, 1), date(2025, 3, 4))
    assert grouped(resolve_events([first, second, same_week])) == {frozenset({1, 3}), frozenset({2})}


def test_looking_events_up_by_participant_and_date_finds_what_comparing_with_all_finds() -> None:
    """The index skips each mention's most common participant and events that ended before it;
    on a random corpus where one country takes part in most events, it must choose exactly as
    comparing every mention with every earlier event (in the order they were made) would."""
    from dossier.resolve.events import _compatible

    rng = random.Random(7)
    people = [f"person-{i}" for i in range(12)]
    mentions = []
    for i in range(400):
        parties = set(rng.sample(people, rng.choice((1, 1, 2))))
        if rng.random() < 0.8:
            parties.add("country-usa")
        if len(parties) < 2:
            parties.add(rng.choice(people))
        day = date(2025, 1, 1).toordinal() + rng.randrange(60)
        kind = rng.choice(("exact", "exact", "window", "undated"))
        mentions.append(report(
            i, f"doc{rng.randrange(150)}", tuple(parties),
            day=date.fromordinal(day) if kind == "exact" else None,
            earliest=date.fromordinal(day) if kind == "window" else None,
            latest=date.fromordinal(day + 6) if kind == "window" else None,
            type=rng.choice(("CONSULT", "CONSULT", "AID"))))
    copies = frozenset({"doc3", "doc9"})

    brute: list[Event] = []
    for m in sorted(mentions, key=lambda m: (m.doc_id in copies, m.earliest is None,
                                             m.earliest or date.min, m.doc_id, m.id)):
        home = next((e for e in brute if _compatible(m, e, copies)), None)
        if home is None and m.doc_id in copies:
            continue
        if home is None:
            home = Event("")
            brute.append(home)
        home.add(m)
    assert len(brute) > 50 and any(len(e.mentions) > 2 for e in brute)
    assert grouped(resolve_events(mentions, copies)) == grouped(brute)
