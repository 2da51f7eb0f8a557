"""The stage registry and the runner: a bad configuration fails before any document is read."""
from __future__ import annotations

import pytest

from dossier.document import Document
from dossier.pipeline import DEFAULT_STAGES, REGISTRY, Pipeline, PipelineError

TALKS = ("Kenyan President William Ruto met US Secretary of State Antony Blinken in Nairobi "
         "on 3 March 2024.")


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def test_the_default_pipeline_builds_with_every_default_stage_in_order(pipeline: Pipeline) -> None:
    assert [st.name for st in pipeline.stages] == list(DEFAULT_STAGES)
    assert all(name in REGISTRY for name in DEFAULT_STAGES)


def test_the_default_pipeline_turns_text_into_an_event(pipeline: Pipeline) -> None:
    doc = pipeline(Document(id="talks", source="talks.txt", raw=TALKS))
    assert doc.text.strip() == TALKS
    assert {p.name for p in doc.people} >= {"William Ruto", "Antony Blinken"}
    [event] = doc.events
    assert event.participants == ["Antony Blinken", "William Ruto"]
    assert event.date is not None and event.date.exact is not None
    assert event.date.exact.isoformat() == "2024-03-03"
    assert event.location == "Nairobi"


def test_pipe_keeps_each_document_with_its_id(pipeline: Pipeline) -> None:
    docs = [Document(id=f"d{i}", source=f"d{i}.txt", raw=TALKS.replace("3 March", f"{i} March"))
            for i in (1, 2)]
    out = list(pipeline.pipe(docs))
    assert [d.id for d in out] == ["d1", "d2"]
    assert [d.events[0].date.exact.day for d in out] == [1, 2]


def test_an_unknown_stage_is_refused_by_name() -> None:
    with pytest.raises(PipelineError) as info:
        Pipeline([*DEFAULT_STAGES[:2], "dossier.annotate.telepathy.v1"])
    message = str(info.value)
    assert "dossier.annotate.telepathy.v1" in message
    assert DEFAULT_STAGES[0] in message   # it lists what is known, so a typo is easy to fix


def test_a_stage_before_what_it_needs_is_refused() -> None:
    events = REGISTRY["dossier.annotate.events.v1"]
    assert events.needs
    with pytest.raises(PipelineError) as info:
        Pipeline(["dossier.annotate.events.v1", *[n for n in DEFAULT_STAGES
                                                  if n != "dossier.annotate.events.v1"]])
    message = str(info.value)
    assert "dossier.annotate.events.v1" in message
    assert any(need in message for need in events.needs)


def test_annotating_uncleaned_text_is_refused() -> None:
    """The NLP stage needs the cleaned text: running it first is a configuration error."""
    nlp = REGISTRY["dossier.annotate.nlp.v1"]
    missing = [n for n in nlp.needs if n != "raw"]
    assert missing, "the NLP stage should need something the cleaning stages add"
    with pytest.raises(PipelineError, match="dossier.annotate.nlp.v1"):
        Pipeline(["dossier.annotate.nlp.v1"])


def test_pipeline_errors_are_value_errors() -> None:
    """Callers that validate configuration with `except ValueError` catch it too."""
    assert issubclass(PipelineError, ValueError)
