"""The mode of an announced meeting, written by extraction and read by the resolver."""
from __future__ import annotations

import pytest

from dossier.annotate.modes import is_planned, planned_as, planned_mode


@pytest.mark.parametrize("how", [None, "visit", "phone", "multilateral"])
def test_an_announced_meeting_reads_back_as_announced_and_how(how: str | None) -> None:
    mode = planned_mode(how)
    assert is_planned(mode) and planned_as(mode) == how


@pytest.mark.parametrize("mode", [None, "", "visit", "phone"])
def test_a_held_meeting_is_not_announced(mode: str | None) -> None:
    assert not is_planned(mode) and planned_as(mode) is None
