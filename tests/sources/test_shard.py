"""Shards: n tasks reading the same inputs each take a disjoint part, together all of it, in the
order one reader would see it, without parsing the others' lines."""
from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from dossier.sources import InputError, Shard, read_inputs


def _label(item) -> str:
    return item.id if not isinstance(item, InputError) else f"error {item.input}"


@pytest.fixture()
def inputs(tmp_path: Path) -> list[str]:
    folder = tmp_path / "folder"
    (folder / "deeper").mkdir(parents=True)
    (folder / "a.txt").write_text("Kenya and Norway met.", encoding="utf-8")
    (folder / "deeper" / "b.md").write_text("# Title\n\nGhana spoke.", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "page.html").write_text("<html><body><article><p>" + "Peru and Chile met. " * 20
                                      + "</p></article></body></html>", encoding="utf-8")
    with gzip.open(tmp_path / "news.jsonl.gz", "wt", encoding="utf-8") as f:
        for i in range(7):
            f.write('{"id": "n%d", "text": "Report %d about Chad and Niger."}\n' % (i, i))
        f.write('{"broken": \n\n')
    return [str(folder), str(tmp_path / "news.jsonl.gz"), str(tmp_path / "nowhere.txt")]


@pytest.mark.parametrize("count", [1, 2, 3, 5, 20])
def test_shards_are_disjoint_cover_everything_and_keep_input_order(inputs, count) -> None:
    whole = [_label(x) for x in read_inputs(inputs)]
    assert len(whole) == 13 and whole[-1].startswith("error") and "error" in whole[-2]
    taken = []
    for k in range(count):
        shard = Shard(k, count)
        taken += [(shard.position, _label(x)) for x in read_inputs(inputs, shard=shard)]
    assert sorted(p for p, _ in taken) == list(range(len(whole)))
    assert [label for _, label in sorted(taken)] == whole


def test_a_task_does_not_parse_the_lines_of_others(tmp_path: Path) -> None:
    """Line 2 is broken; only the task that owns it says so."""
    path = tmp_path / "x.jsonl"
    path.write_text('{"id": "a", "text": "one"}\n{oops\n{"id": "c", "text": "three"}\n',
                    encoding="utf-8")
    first = [_label(x) for x in read_inputs([str(path)], shard=Shard(0, 2))]
    second = [_label(x) for x in read_inputs([str(path)], shard=Shard(1, 2))]
    assert first == ["a", "c"] and second == [f"error {path}:2"]


def test_standard_input_cannot_be_split() -> None:
    with pytest.raises(ValueError, match="standard input"):
        list(read_inputs(["-"], shard=Shard(0, 2)))
