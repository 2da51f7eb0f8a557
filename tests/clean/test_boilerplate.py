import pytest

from dossier.pipeline import REGISTRY

META = "dossier.clean.metadata.v1"
BOILERPLATE = "dossier.clean.boilerplate.v1"

LAST_BODY_SENTENCE_003 = (
    "Kenya continues to be a dependable and vital friend of the United States in Africa, "
    "economically, diplomatically and in accomplishing regional and international security goals."
)
P1 = "Kenya and the United States on Monday agreed to speed up talks on a trade agreement."
P2 = "The two sides will meet again in Washington in May, officials said."


def test_stage_is_registered():
    assert REGISTRY[BOILERPLATE].needs == ("text",)


# --- the seed articles ----------------------------------------------------------------------


def test_seed_003_publisher_block_is_gone_and_the_article_is_whole(seed, clean):
    before = clean(seed("003_2efd09c22e395e7f.txt"), META).text
    doc = clean(seed("003_2efd09c22e395e7f.txt"), META, BOILERPLATE)
    for chrome in ("Expogroup", "EXPOGROUP", "full service exhibition organiser", "Privacy policy",
                   "Facebook", "Instant Reply"):
        assert chrome not in doc.text
    assert doc.text.endswith(LAST_BODY_SENTENCE_003)
    assert doc.text == before[: before.index("\n\nExpogroup")]


@pytest.mark.parametrize(
    "name",
    ["000_0588961eb53c14e0.txt", "001_f13660d5e4250ff1.txt", "002_b855b2cfa0b1d2b6.txt",
     "004_a7afc1ded1988888.txt"],
)
def test_seeds_without_chrome_are_untouched(seed, clean, name):
    before = clean(seed(name), META).text
    assert clean(seed(name), META, BOILERPLATE).text == before


# --- other outlets' chrome ---------------------------------------------------------------------


def test_menu_and_share_buttons_at_the_top_are_removed(clean):
    raw = f"Home | News | Sport | Business | Africa\n\nShare\n\nFacebook\nTwitter\nWhatsApp\n\n{P1}\n\n{P2}"
    assert clean(raw, BOILERPLATE, text=raw).text == f"{P1}\n\n{P2}"


def test_bbc_like_footer_is_removed(clean):
    raw = (
        f"{P1}\n\n{P2}\n\nShare\n\nRelated Topics\n\nKenya\n\nUnited States\n\nMore on this story\n\n"
        "Copyright 2026 BBC. All rights reserved. The BBC is not responsible for the content of "
        "external sites. Read about our approach to external linking."
    )
    assert clean(raw, BOILERPLATE, text=raw).text == f"{P1}\n\n{P2}"


@pytest.mark.parametrize(
    "chrome",
    [
        "Advertisement",
        "ADVERTISEMENT",
        "Read more: Ruto heads to Washington for trade talks",
        "ALSO READ: Kenya, US resume talks on trade pact",
        "Subscribe to our newsletter",
        "Sign up for our daily briefing",
        "Follow us on X and Instagram",
        "Click here to download the full statement",
        "Print this article",
        "Share on WhatsApp | Share on Facebook | Email",
    ],
)
def test_chrome_between_paragraphs_goes_and_the_paragraphs_stay(clean, chrome):
    raw = f"{P1}\n\n{chrome}\n\n{P2}"
    assert clean(raw, BOILERPLATE, text=raw).text == f"{P1}\n\n{P2}"


@pytest.mark.parametrize(
    "legal",
    [
        "\u00a9 2026 Nation Media Group. All rights reserved.",
        "Copyright \u00a9 2025 The Example Times",
        "Privacy Policy | Terms of Use",
        "We use cookies to improve your experience on our site.",
        "All rights reserved",
    ],
)
def test_legal_lines_are_removed(clean, legal):
    raw = f"{P1}\n\n{P2}\n\n{legal}"
    assert clean(raw, BOILERPLATE, text=raw).text == f"{P1}\n\n{P2}"


def test_about_the_publisher_block_goes_with_the_footer(clean):
    raw = (
        f"{P1}\n\n{P2}\n\nAbout Acme News\n\nAcme News is an independent newsroom covering East "
        "Africa since 2004.\n\nTerms of use\n\nPrint"
    )
    assert clean(raw, BOILERPLATE, text=raw).text == f"{P1}\n\n{P2}"


# --- what must stay ----------------------------------------------------------------------------


def test_prose_that_mentions_sharing_or_social_media_stays(clean):
    raw = (
        f"{P1}\n\nKenya will share intelligence with the US, and the ministry said so on Facebook.\n\n"
        "Read more about the deal in the ministry's statement, officials said.\n\n"
        "The Privacy Policy of the new data-sharing pact was published on Monday."
    )
    assert clean(raw, BOILERPLATE, text=raw).text == raw


def test_subheading_repeated_by_the_last_paragraph_stays_without_a_footer(clean):
    raw = f"{P1}\n\nTrade talks\n\nTrade talks will resume in Washington in May, officials said."
    assert clean(raw, BOILERPLATE, text=raw).text == raw


def test_article_ending_on_a_short_line_keeps_it_when_no_chrome_follows(clean):
    raw = f"{P1}\n\n{P2}\n\nReporting by Jane Wanjiru"
    assert clean(raw, BOILERPLATE, text=raw).text == raw


def test_short_lines_in_the_middle_stay(clean):
    raw = f"{P1}\n\nHealth cooperation\n\n{P2}\n\nShare"
    assert clean(raw, BOILERPLATE, text=raw).text == f"{P1}\n\nHealth cooperation\n\n{P2}"
