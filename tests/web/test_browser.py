"""End to end in a real browser: Debian's chromium, driven by Playwright, against the app served
by uvicorn. Screenshots of each page go to artifacts/screenshots/ for a person to look at.

Never `playwright install`: the browser is the system's (`make test` installs it)."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from demo_kb import RUTO_LANDAU_DATE, SEEDS, XSS, build, running
from dossier.web.app import create_app

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = Path(__file__).parents[2] / "artifacts" / "screenshots"
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def playwright() -> Iterator[Playwright]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: the browser tests need Debian's chromium; "
                    "`make test` installs it (apt-get install chromium)")
    with sync_playwright() as p:
        yield p


@pytest.fixture
def browser(playwright: Playwright) -> Iterator[Browser]:
    """A fresh browser (Playwright gives each launch a new, empty profile directory)."""
    b = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
    yield b
    b.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = build(tmp_path_factory.mktemp("browser") / "kb.db", [SEEDS])
    with running(create_app(db)) as base:
        yield base


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = build(tmp_path_factory.mktemp("browser-xss") / "kb.db", [XSS])
    with running(create_app(db)) as base:
        yield base


def shot(page: Page, name: str, first_screen: bool = False) -> None:
    """The whole page; `first_screen` also saves what the window shows before scrolling."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    if first_screen:
        page.screenshot(path=str(SHOTS / f"{name}-screen.png"))


def overflow(page: Page) -> int:
    """How many pixels the page, or any element outside a scrolling box, reaches past the
    window's right edge (0: nothing makes the page scroll sideways). Shapes inside an <svg>
    are left out: the drawing clips them to its own box (a zoomed map's outlines), and the
    <svg> itself is measured."""
    return page.evaluate("""() => {
        const width = document.documentElement.clientWidth;
        const shown = [...document.querySelectorAll("body *")]
            .filter(e => !e.closest(".scroll") && !(e.ownerSVGElement));
        const rights = shown.map(e => e.getBoundingClientRect().right);
        window.__wide = shown.filter(e => e.getBoundingClientRect().right > width).map(e => e.outerHTML.slice(0, 120));
        return Math.max(document.documentElement.scrollWidth, ...rights) - width;
    }""")


def test_from_the_timeline_to_the_event_and_a_participant(browser: Browser, demo: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(demo + "/")
    assert page.locator("figure.chart svg rect").count() > 0
    shot(page, "timeline")

    row = page.locator("table.events tbody tr", has_text=RUTO_LANDAU_DATE).filter(
        has_text="Christopher Landau").filter(has_text="CONSULT")   # the meeting, not its acts
    row.locator("td.when a").click()
    page.wait_for_url("**/events/**")
    body = page.locator("main").inner_text()
    assert RUTO_LANDAU_DATE in body
    participants = page.locator("ul.participants").inner_text()
    assert "William Ruto" in participants and "Christopher Landau" in participants
    reports = page.locator("ul.reports").inner_text()
    assert "003_2efd09c22e395e7f" in reports and "004_a7afc1ded1988888" in reports
    assert page.locator("blockquote").count() >= 2
    shot(page, "event")

    evidence = page.locator("blockquote footer a").first
    href = evidence.get_attribute("href")
    quoted = page.locator("blockquote").first.evaluate("b => b.firstChild.textContent")
    evidence.click()
    page.wait_for_url("**/documents/**")
    target = page.locator(f"#{href.split('#')[1]}")
    assert target.count() == 1 and target.evaluate("e => e.tagName") in ("MARK", "SPAN")
    assert page.evaluate("document.querySelector(':target') !== null")
    outlined = page.locator("mark.hit")           # every piece of the span, by static/target.js
    assert "".join(outlined.all_inner_texts()).split() == quoted.split()
    shot(page, "document")

    page.go_back()
    page.locator("ul.participants a", has_text="Christopher Landau").click()
    page.wait_for_url("**/actors/person-christopher-landau")
    assert "Roles over time" in page.locator("main").inner_text()
    assert page.locator("figure.roles .track").count() >= 2
    assert page.locator("figure.roles .bar, figure.roles .dot").count() >= 2
    assert "Deputy Secretary of State" in page.locator("figure.roles").inner_text()
    shot(page, "actor")
    assert errors == []


def test_pages_fit_a_phone(browser: Browser, demo: str) -> None:
    page = browser.new_page(viewport=PHONE, device_scale_factor=1, is_mobile=True)
    for name, path in [("timeline", "/"), ("actor", "/actors/person-christopher-landau"),
                       ("figures", "/figures"), ("findings", "/findings"),
                       ("initiative", "/initiatives/initiative-african-growth-and-opportunity-act"),
                       ("document", "/documents/003_2efd09c22e395e7f"), ("search", "/search?q=Landau"),
                       ("relation", "/relations/KEN/USA"), ("map", "/map"), ("docs", "/docs"),
                       ("search-everything", "/search?q=Kenya")]:
        page.goto(demo + path)
        assert overflow(page) <= 0, (path, page.evaluate("window.__wide"))
        shot(page, f"phone-{name}", first_screen=True)
    page.goto(demo + "/")
    page.locator("table.events a[href^='/events/']").first.click()
    assert overflow(page) <= 0
    shot(page, "phone-event", first_screen=True)


def test_hostile_text_never_runs(browser: Browser, hostile: str) -> None:
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    visited = []
    for doc in ("xss-report", "xss-html"):
        page.goto(f"{hostile}/documents/{doc}")
        visited.append(doc)
        assert "<script>window.__pwned=1</script>" in page.locator(".doctext").inner_text()
        links = page.locator(".doctext a")
        assert links.count() == 0          # the article's <a href="javascript:"> stayed text
        page.get_by_text("link", exact=False).first.click()
        assert page.evaluate("typeof window.__pwned") == "undefined"
        shot(page, f"xss-{doc}")
    page.goto(hostile + "/")
    events = page.locator("table.events td.when a")
    assert events.count() >= 1
    for i in range(events.count()):
        page.goto(hostile + "/")
        page.locator("table.events td.when a").nth(i).click()
        page.wait_for_url("**/events/**")
        assert page.evaluate("typeof window.__pwned") == "undefined"
        quoted = page.locator("main").inner_text()
        if "window.__pwned" in quoted:          # an event page that quotes the hostile words
            visited.append(page.url)
            shot(page, "xss-event")
    assert any("/events/" in v for v in visited), "no event page quotes the hostile text"
    assert dialogs == []


def smallest_label(page: Page, selector: str) -> float:
    """The smallest font size, in CSS pixels as drawn, of the visible texts under `selector`."""
    return page.evaluate("""(sel) => Math.min(...[...document.querySelectorAll(sel)]
        .filter(e => e.getClientRects().length && getComputedStyle(e).display !== 'none')
        .map(e => parseFloat(getComputedStyle(e).fontSize)))""", selector)


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, PHONE])
def test_the_relation_page_reads_at_any_width(browser: Browser, demo: str, viewport: dict) -> None:
    phone = viewport == PHONE
    page = browser.new_page(viewport=viewport, is_mobile=phone)
    page.goto(demo + "/relations/Kenya/United%20States")
    assert page.locator("h1").inner_text() == "Kenya–United States"
    assert overflow(page) <= 0, page.evaluate("window.__wide")
    charts = page.locator("figure.chart.columns")
    assert charts.count() == 2 and page.locator("figure.quads svg rect").count() >= 1
    assert smallest_label(page, "figure.chart .axis span, figure.chart .legend span") >= 11
    for chart in range(2):                    # the drawing is as wide as its box, not a sliver
        box = charts.nth(chart).locator("svg").bounding_box()
        assert box["width"] >= viewport["width"] * 0.8 and box["height"] >= 100
    people = page.locator("#people + .scroll table")
    assert "William Ruto" in people.inner_text() and "Christopher Landau" in people.inner_text()
    assert page.get_by_role("link", name="CSV").count() >= 4
    shot(page, "phone-relation" if phone else "relation", first_screen=True)
    page.get_by_role("link", name="William Ruto").first.click()
    page.wait_for_url("**/actors/person-william-ruto")


def test_map_dots_lead_to_their_events(browser: Browser, demo: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(demo + "/map")
    dots = page.locator("figure.map a.dot")
    assert dots.count() >= 3 and page.locator("figure.map .land path").count() > 150
    shot(page, "map", first_screen=True)
    single = page.locator('figure.map a.dot[data-count="1"]').first
    label = single.locator("title").text_content()
    single.click()
    page.wait_for_url("**/events/**")
    assert page.locator("h1").inner_text().split()[0] in label
    page.go_back()
    several = page.locator('figure.map a.dot:not([data-count="1"])').first
    several.click()
    target = page.evaluate("location.hash")
    assert target.startswith("#place-")
    listed = page.locator(f"{target} ul a[href^='/events/']")
    assert listed.count() == min(int(several.get_attribute("data-count")), 20)
    assert page.locator(f"{target}").evaluate("e => e.getBoundingClientRect().top < innerHeight")


def test_the_phone_timeline_says_report_and_reports(browser: Browser, demo: str) -> None:
    page = browser.new_page(viewport=PHONE, is_mobile=True)
    page.goto(demo + "/")
    counts = [t.strip() for t in page.locator("table.events td.num").all_inner_texts()]
    assert counts and all(re.fullmatch(r"1 report|\d+ reports", c) and c != "1 reports" for c in counts), counts
    assert smallest_label(page, "figure.chart .axis span") >= 11
    downloads = page.locator("p.downloads")
    assert "CSV" in downloads.inner_text() and "JSON" in downloads.inner_text()
