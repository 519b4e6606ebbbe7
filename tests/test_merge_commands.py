"""merge / undo-merge / not-duplicate / cites / cited-by through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import run, seed

# One paper as two databases export it: no identifier in common, a typo in one title, so
# ingest does not merge them on its own (invented values).
FULL_NAMES = """TY  - JOUR
TI  - Trastuzumab resistence in HER2-positive breast cancer
AU  - Nahta, Rita
PY  - 2006
T2  - Nature Clinical Practice Oncology
VL  - 3
KW  - trastuzumab
ER  -
"""
ABBREVIATED = """TY  - JOUR
TI  - Trastuzumab resistance in HER2 positive breast cancer.
AU  - Nahta, R.
PY  - 2006
JO  - Nat Clin Pract Oncol
VL  - 3
SP  - 269
EP  - 280
DO  - 10.1038/ncponc0509
KW  - HER2
ER  -
"""
CITED_WORK_ENW = """%0 Journal Article
%A Cho, H.-S.
%T Structure of the extracellular region of HER2 alone and in complex with the Herceptin Fab
%J Nature
%D 2003
"""


def _two_copies(tmp_path: Path) -> None:
    (tmp_path / "a.ris").write_text(FULL_NAMES, encoding="utf-8")
    (tmp_path / "b.ris").write_text(ABBREVIATED, encoding="utf-8")
    assert run("ingest", str(tmp_path / "a.ris"), str(tmp_path / "b.ris")).exit_code == 0


def test_merge_keeps_every_value_and_undo_restores_the_export(tmp_path: Path) -> None:
    _two_copies(tmp_path)
    before = run("export", "--csl-json").stdout
    result = run("merge", "1", "2", "--json")
    assert json.loads(result.stdout) == {"survivor": 2, "merges": [1]}  # 2 has the DOI
    item = json.loads(run("show", "2", "--json").stdout)
    assert item["citation-key"] == "nahta2006trastuzumaba"  # the survivor keeps its key
    assert item["page"] == "269-280" and item["DOI"] == "10.1038/ncponc0509"
    assert item["keyword"] == "HER2, trastuzumab"
    kept = {(a["field"], json.dumps(a["value"])) for a in item["custom"]["alternatives"]}
    assert ("container_title", '"Nature Clinical Practice Oncology"') in kept
    assert ("title", '"Trastuzumab resistence in HER2-positive breast cancer"') in kept
    assert [s["origin"] for s in item["custom"]["sources"]] == [
        str(tmp_path / "a.ris"), str(tmp_path / "b.ris")]
    assert item["custom"]["merges"][0] | {"at": None} == {
        "merge": 1, "absorbed": 1, "rule": "by hand", "score": None, "at": None,
        "undone_at": None}
    assert len(json.loads(run("export", "--csl-json").stdout)) == 1

    undone = run("undo-merge", "1")
    assert undone.exit_code == 0
    assert undone.stdout == "undid merge 1: records 2 and 1 are apart again\n"
    assert run("export", "--csl-json").stdout == before
    again = run("undo-merge", "1")
    assert again.exit_code == 1 and "already undone" in again.stderr


def test_only_the_latest_merge_into_a_record_can_be_undone(tmp_path: Path) -> None:
    _two_copies(tmp_path)
    third = tmp_path / "c.ris"
    third.write_text(FULL_NAMES.replace("VL  - 3", "VL  - 3\nIS  - 5")
                     .replace("resistence", "resistanse"), encoding="utf-8")
    run("ingest", str(third))
    run("merge", "1", "2")
    run("merge", "2", "3")
    refused = run("undo-merge", "1")
    assert refused.exit_code == 1
    assert "merge 2 into record 2 came later; undo it first (her2kb undo-merge 2)" in (
        refused.stderr)
    assert run("undo-merge", "2").exit_code == 0
    assert run("undo-merge", "1").exit_code == 0
    assert [r["id"] for r in json.loads(run("list", "--json").stdout)] == [1, 2, 3]


def test_a_merge_cannot_be_undone_once_its_survivor_was_merged_on(tmp_path: Path) -> None:
    _two_copies(tmp_path)
    # Two identifiers: this copy survives when record 2 (one identifier) joins it.
    third = tmp_path / "c.nbib"
    third.write_text("PMID- 16700001\nTI  - Trastuzumab resistanse in HER2-positive breast "
                     "cancer.\nFAU - Nahta, Rita\nDP  - 2006\nTA  - Nat Clin Pract Oncol\n"
                     "VI  - 3\nPMC - PMC1500001\n", encoding="utf-8")
    assert run("ingest", str(third)).exit_code == 0
    assert json.loads(run("merge", "1", "2", "--json").stdout) == {"survivor": 2, "merges": [1]}
    assert json.loads(run("merge", "2", "3", "--json").stdout) == {"survivor": 3, "merges": [2]}
    refused = run("undo-merge", "1")
    assert refused.exit_code == 1
    assert ("record 2 was itself merged into record 3 later; undo that first "
            "(her2kb undo-merge 2)") in refused.stderr
    assert [r["id"] for r in json.loads(run("list", "--json").stdout)] == [3]
    assert run("undo-merge", "2").exit_code == 0
    assert run("undo-merge", "1").exit_code == 0
    assert [r["id"] for r in json.loads(run("list", "--json").stdout)] == [1, 2, 3]


@pytest.mark.parametrize(("args", "message"), [
    (("merge", "1", "1"), "at least two different live records"),
    (("merge", "1", "99"), "no record with id or key '99'"),
    (("not-duplicate", "2", "2"), "give two different ids"),
    (("undo-merge", "7"), "no merge 7"),
])
def test_bad_requests_are_one_line_errors(tmp_path: Path, args: tuple[str, ...],
                                          message: str) -> None:
    _two_copies(tmp_path)
    result = run(*args)
    assert result.exit_code == 1
    assert message in result.stderr and result.stderr.count("\n") == 1


def test_not_duplicate_is_remembered_once(tmp_path: Path) -> None:
    _two_copies(tmp_path)
    assert run("not-duplicate", "1", "2").stdout == (
        "records 1 and 2: noted as different works\n")
    assert run("not-duplicate", "2", "1").stdout == (
        "records 2 and 1: already noted as different works\n")


def test_cites_and_cited_by_follow_resolved_references(tmp_path: Path) -> None:
    cited = tmp_path / "cho.enw"
    cited.write_text(CITED_WORK_ENW, encoding="utf-8")
    run("ingest", str(seed("000")), str(cited))  # Scilit page with its reference list
    works = json.loads(run("cites", "1", "--json").stdout)
    assert [w["position"] for w in works] == list(range(1, 11))  # the 10 the page lists
    linked = [w for w in works if w["record_id"] is not None]
    assert [(w["record_id"], w["year"]) for w in linked] == [(2, 2003)]
    assert linked[0]["title"].startswith("Structure of the extracellular region of HER2")
    citing = json.loads(run("cited-by", "2", "--json").stdout)
    assert [c["id"] for c in citing] == [1]
    assert json.loads(run("cited-by", "1", "--json").stdout) == []


def test_ingest_merges_a_sure_title_match_and_flags_a_maybe(tmp_path: Path) -> None:
    same = tmp_path / "same.ris"
    same.write_text(FULL_NAMES.replace("resistence", "resistance"), encoding="utf-8")
    (tmp_path / "b.ris").write_text(ABBREVIATED, encoding="utf-8")
    run("ingest", str(tmp_path / "b.ris"))
    result = run("ingest", str(same), "--json")
    report = json.loads(result.stdout)["files"][0]
    assert (report["new"], report["merged"], report["maybe"]) == (0, 1, 0)
    merge = json.loads(run("show", "1", "--json").stdout)["custom"]["merges"][0]
    assert merge["rule"].startswith("match: ") and merge["score"] >= 0.97
    # Same title, authors, year and volume, another journal: a maybe (0.88), stored apart.
    other = tmp_path / "other.ris"
    other.write_text(FULL_NAMES.replace("resistence", "resistance")
                     .replace("Nature Clinical Practice Oncology", "Oncology Reports"),
                     encoding="utf-8")
    flagged = run("ingest", str(other), "-v")
    assert flagged.exit_code == 0
    assert (f"warning: {other}:1: may be the same work as nahta2006trastuzumab (0.88: title "
            "1.00, authors 1/1, year, journal differs, volume); review with her2kb dedup"
            ) in flagged.stderr
    assert "1 new record may duplicate a record in the library; review it with: her2kb dedup" \
        in flagged.stderr
    assert flagged.stdout.splitlines()[1].split("\t")[2:5] == ["1", "0", "0"]
    assert len(json.loads(run("list", "--json").stdout)) == 2


@pytest.mark.parametrize(("year", "linked"), [("2004", True), ("2006", False)])
def test_a_reference_links_across_one_year_not_three(tmp_path: Path, year: str,
                                                     linked: bool) -> None:
    """Seed 000 cites Cho et al. 2003; an epub/print year apart is the same work."""
    cited = tmp_path / "cho.enw"
    cited.write_text(CITED_WORK_ENW.replace("%D 2003", f"%D {year}"), encoding="utf-8")
    run("ingest", str(cited), str(seed("000")))  # the cited work first, this time
    citing = json.loads(run("cited-by", "1", "--json").stdout)
    assert [c["id"] for c in citing] == ([2] if linked else [])


def test_the_merge_log_holds_the_survivor_before_and_after(tmp_path: Path,
                                                           _isolated_library: Path) -> None:
    import sqlite3

    _two_copies(tmp_path)
    before = json.loads(run("show", "2", "--json").stdout)
    run("merge", "1", "2")
    after = json.loads(run("show", "2", "--json").stdout)
    with sqlite3.connect(_isolated_library) as conn:
        logged_before, logged_after = (json.loads(v) for v in conn.execute(
            "SELECT before, after FROM merge_log WHERE id = 1").fetchone())
    conn.close()
    assert logged_before["page"] == before["page"] == "269-280"
    assert logged_before["keywords"] == ["HER2"] and before["keyword"] == "HER2"
    assert logged_after["keywords"] == ["HER2", "trastuzumab"] == after["keyword"].split(", ")
    assert logged_after["container-title"] == after["container-title"]
