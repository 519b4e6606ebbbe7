"""`her2kb dedup` end to end, and sources that arrive twice under two names."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from her2kb.db import merges
from her2kb.errors import Her2kbError

from .conftest import run

# The same paper from two databases: a typo in the title and no identifier in common, so
# ingest keeps them apart and dedup must find them (invented values).
PUBMED_COPY = """TY  - JOUR
TI  - Lapatinib plus capecitabine in HER2-positive advanced breast cancer
AU  - Geyer, Charles E.
AU  - Forster, John
AU  - Lindquist, Deborah
PY  - 2006
T2  - New England Journal of Medicine
VL  - 355
IS  - 26
SP  - 2733
EP  - 2743
ER  -
"""
EMBASE_COPY = """TY  - JOUR
TI  - Lapatinib plus capecitabin for HER2-positive advanced breast cancer
AU  - Geyer, C. E.
AU  - Forster, J.
AU  - Lindquist, D.
PY  - 2006
JO  - N Engl J Med
VL  - 355
SP  - 2733
ER  -
"""
# Its look-alike: the HER2-negative trial, which must never join them.
NEGATIVE_TRIAL = PUBMED_COPY.replace("HER2-positive", "HER2-negative").replace("2733", "2801") \
    .replace("2743", "2810")


def _library(tmp_path: Path) -> None:
    for name, text in (("pubmed.ris", PUBMED_COPY), ("embase.ris", EMBASE_COPY),
                       ("negative.ris", NEGATIVE_TRIAL)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = run("ingest", str(tmp_path / "pubmed.ris"), str(tmp_path / "embase.ris"),
                 str(tmp_path / "negative.ris"))
    assert result.exit_code == 0, result.stderr


def test_dedup_lists_the_pair_with_its_reason_and_not_the_look_alike(tmp_path: Path) -> None:
    _library(tmp_path)
    clusters = json.loads(run("dedup", "--json").stdout)
    assert [c["members"] for c in clusters] == [[1, 2]]
    assert clusters[0]["confidence"] >= 0.97
    reason = clusters[0]["links"][0]["reason"]
    assert reason.startswith("title 0.9") and "authors 3/3" in reason and "journal" in reason
    assert [r["key"] for r in clusters[0]["records"]] == ["geyer2006lapatinib",
                                                          "geyer2006lapatiniba"]
    plain = run("dedup")
    lines = plain.stdout.splitlines()
    assert lines[1].startswith("# cluster 1: confidence ")
    assert lines[3].split("\t")[:3] == ["1", "2", "geyer2006lapatiniba"]
    assert "*N Engl J Med" in lines[3]  # a differing value is marked when piped
    assert "1 clusters at confidence 0.8 or more" in plain.stderr


def test_apply_merges_keeps_both_sources_and_can_be_undone(tmp_path: Path) -> None:
    _library(tmp_path)
    before = run("export", "--csl-json").stdout
    applied = json.loads(run("dedup", "--apply", "--json").stdout)
    assert [(c["survivor"], c["merges"]) for c in applied] == [(1, [1])]
    items = json.loads(run("export", "--csl-json").stdout)
    assert len(items) == 2
    origins = [Path(s["origin"]).name for s in items[0]["custom"]["sources"]]
    assert origins == ["pubmed.ris", "embase.ris"]
    assert json.loads(run("dedup", "--json").stdout) == []
    assert run("undo-merge", "1").exit_code == 0
    assert run("export", "--csl-json").stdout == before


def test_apply_exits_1_when_a_cluster_is_not_merged(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    _library(tmp_path)

    def changed_meanwhile(*args: Any) -> Any:
        raise Her2kbError("record 2 was merged meanwhile")

    monkeypatch.setattr(merges, "merge_cluster", changed_meanwhile)
    result = run("dedup", "--apply", "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []
    assert "cluster [1, 2]: not merged (record 2 was merged meanwhile)" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_pair_marked_not_duplicate_is_never_proposed(tmp_path: Path) -> None:
    _library(tmp_path)
    run("not-duplicate", "2", "1")
    assert json.loads(run("dedup", "--json").stdout) == []
    assert json.loads(run("dedup", "--apply", "--json").stdout) == []


def test_the_same_bytes_under_another_name_add_an_origin_once(tmp_path: Path) -> None:
    first, copy = tmp_path / "a.ris", tmp_path / "copy of a.ris"
    first.write_text(PUBMED_COPY, encoding="utf-8")
    copy.write_text(PUBMED_COPY, encoding="utf-8")
    run("ingest", str(first))
    again = run("ingest", str(copy), "--json")
    assert json.loads(again.stdout)["files"][0]["skipped"] is True
    run("ingest", str(copy))  # and again: nothing more to remember
    run("ingest", str(first))
    item = json.loads(run("show", "1", "--json").stdout)
    assert [s["origin"] for s in item["custom"]["sources"]] == [str(first), str(copy)]
    assert len(json.loads(run("list", "--json").stdout)) == 1
