import pytest

from dossier.pipeline import REGISTRY

REPAIR = "dossier.clean.repair.v1"


def test_stage_is_registered():
    assert REGISTRY[REPAIR].needs == ("text",)


def test_seed_004_glued_sentences_are_split(seed, clean):
    doc = clean(seed("004_a7afc1ded1988888.txt"))
    assert "two-day visit to Kenya. According to a statement released" in doc.text
    assert "Kenya.According" not in doc.text


def test_seed_004_attribution_is_a_line_of_its_own(seed, clean):
    doc = clean(seed("004_a7afc1ded1988888.txt"))
    assert "between our two countries\nPresident Ruto\nThe President also underscored" in doc.text
    assert "RutoThe" not in doc.text


def test_seed_004_changes_nothing_else(seed, clean):
    raw = seed("004_a7afc1ded1988888.txt")
    text = clean(raw).text
    assert text.replace("Kenya. According", "Kenya.According").replace("Ruto\nThe", "RutoThe") == raw.strip()
    assert "valued at Ksh.208 billion" in text


@pytest.mark.parametrize(
    "name",
    ["000_0588961eb53c14e0.txt", "001_f13660d5e4250ff1.txt", "002_b855b2cfa0b1d2b6.txt",
     "003_2efd09c22e395e7f.txt"],
)
def test_seeds_without_glued_text_are_untouched(seed, clean, name):
    before = clean(seed(name), "dossier.clean.metadata.v1", "dossier.clean.boilerplate.v1").text
    assert clean(seed(name)).text == before


@pytest.mark.parametrize(
    "glued, repaired",
    [
        ("The talks ended on Friday.Officials said a deal was close.",
         "The talks ended on Friday. Officials said a deal was close."),
        ("It was signed in Nairobi.A statement followed.", "It was signed in Nairobi. A statement followed."),
        ("Secretary of State Marco RubioThe two sides discussed Haiti.",
         "Secretary of State Marco Rubio\nThe two sides discussed Haiti."),
        ("Ambassador Meg WhitmanAccording to the embassy, talks will resume.",
         "Ambassador Meg Whitman\nAccording to the embassy, talks will resume."),
        ("President William RutoIn 2024, Kenya exported goods worth $737 million.",
         "President William Ruto\nIn 2024, Kenya exported goods worth $737 million."),
        ("Governor Ron DeSantisHe said the visit mattered.", "Governor Ron DeSantis\nHe said the visit mattered."),
    ],
)
def test_glued_sentences_and_captions(clean, glued, repaired):
    assert clean(glued, REPAIR, text=glued).text == repaired


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. and Kenya met in Washington, D.C. on Friday.",
        "The U.S.-Kenya talks resumed.",
        "The framework is worth Ksh.208 billion.",
        "Kenya is the No.1 exporter of tea to the region.",
        "Partners, e.g. Ethiopia, joined; i.e. Somalia did not.",
        "Growth was 3.5 per cent.",
        "Mr. Blinken and Dr.Korir met Mr.Landau.",
        "McDonald, iPhone, DeSantis, LeBron and MacArthur were mentioned.",
        "See www.state.gov or write to info@site.com or Jane.Doe@state.gov for details.",
        "The statement is at https://www.mfa.go.ke/News.Release today.",
        "He wrote in a LinkedIn post. LinkedIn is a network.",
        "Officials from AddOn Ltd met the YouTube team.",
    ],
)
def test_abbreviations_numbers_names_and_addresses_are_left_alone(clean, text):
    assert clean(text, REPAIR, text=text).text == text
