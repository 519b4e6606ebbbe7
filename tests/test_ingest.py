"""Ingest semantics: exact-identifier merges keep every value, citations resolve, atomicity."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from her2kb.db import citations, repository
from her2kb.db.schema import open_database
from her2kb.ingest import ingest_bytes

from .conftest import run, seed

# The paper of seed 004 as another exporter would give it (invented fields beside the real DOI).
SAME_PAPER_ENW = b"""%0 Journal Article
%A Kurebayashi, J.
%T Biological and clinical significance of HER2 overexpression in breast cancer
%J Breast cancer (Tokyo, Japan)
%V 8
%N 1
%P 45-51
%D 2001
%R 10.1007/bf02967477
%K HER2
"""

CITED_WORK_ENW = b"""%0 Journal Article
%A Cho, H.-S.
%T Structure of the extracellular region of HER2 alone and in complex with the Herceptin Fab
%J Nature
%D 2003
"""


def _item(key_or_id: str) -> dict[str, object]:
    result = run("show", key_or_id, "--json")
    assert result.exit_code == 0, result.stderr
    item: dict[str, object] = json.loads(result.stdout)
    return item


def test_shared_doi_merges_and_keeps_alternatives(tmp_path: Path) -> None:
    other = tmp_path / "same.enw"
    other.write_bytes(SAME_PAPER_ENW)
    run("ingest", str(seed("004")))
    result = run("ingest", str(other), "--json")
    assert json.loads(result.stdout)["files"][0]["merged"] == 1
    assert "merged" not in result.stderr
    items = json.loads(run("export", "--csl-json").stdout)
    assert len(items) == 1
    item = items[0]
    assert item["citation-key"] == "biological2001"  # pinned before the merge
    assert item["author"] == [{"family": "Kurebayashi", "given": "J."}]  # filled
    assert item["container-title"] == "Breast Cancer"  # stored value wins...
    alternatives = item["custom"]["alternatives"]
    assert {"field": "container_title", "value": "Breast cancer (Tokyo, Japan)"} in [
        {k: a[k] for k in ("field", "value")} for a in alternatives
    ]  # ...and the other is kept with its source
    assert item["keyword"] == "HER2"
    assert [s["format"] for s in item["custom"]["sources"]] == ["pubmed-page", "endnote"]


@pytest.mark.parametrize("cited_first", [True, False], ids=["cited-first", "citing-first"])
def test_cited_reference_links_to_its_record(tmp_path: Path, cited_first: bool) -> None:
    cited = tmp_path / "cited.enw"
    cited.write_bytes(CITED_WORK_ENW)
    order = [cited, seed("000")] if cited_first else [seed("000"), cited]
    for path in order:
        assert run("ingest", str(path)).exit_code == 0
    listed = {r["key"]: r["id"] for r in json.loads(run("list", "--json").stdout)}
    scilit = _item(str(listed["trastuzumab2007"]))
    refs = scilit["custom"]["references"]  # type: ignore[index]
    linked = [r for r in refs if r["record_id"] is not None]
    assert [(r["title"][:26], r["record_id"]) for r in linked] == [
        ("Structure of the extracell", listed["cho2003structure"])
    ]


def test_failure_mid_file_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    engine, _ = open_database(tmp_path / "kb.sqlite")
    calls = {"n": 0}
    real = citations.resolve_citations

    def failing_resolve(*args: object, **kwargs: object) -> int:
        calls["n"] += 1
        if calls["n"] == 1:  # after the batch of both records was written, before the commit
            raise RuntimeError("disk on fire")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(citations, "resolve_citations", failing_resolve)
    text = SAME_PAPER_ENW + b"\n" + CITED_WORK_ENW
    with pytest.raises(RuntimeError):
        ingest_bytes(engine, text, "two.enw")
    with engine.connect() as conn:
        counts = [conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar()
                  for t in ("source", "source_chunk", "record", "record_source")]
    assert calls["n"] == 1
    assert counts == [0, 0, 0, 0]


def test_killed_ingest_leaves_nothing(tmp_path: Path) -> None:
    big = tmp_path / "big.enw"
    filler = "An invented abstract sentence about receptor signalling. " * 20
    records = (f"%0 Journal Article\n%A Author{n}, A.\n%T Invented record number {n}\n%D 2001\n"
               f"%R 10.9999/inv.{n}\n%X {filler}\n" for n in range(6000))
    big.write_text("\n".join(records), encoding="utf-8")
    db = tmp_path / "kb.sqlite"
    open_database(db)[0].dispose()
    wal = tmp_path / "kb.sqlite-wal"
    proc = subprocess.Popen([sys.executable, "-m", "her2kb", "--db", str(db), "ingest", str(big)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Kill once the open transaction has spilled pages to the WAL: mid-write, not after.
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        if wal.exists() and wal.stat().st_size > 1 << 20:
            os.kill(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.01)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the ingest ended before it could be killed"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        counts = [conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                  for table in ("source", "source_chunk", "record", "record_source")]
    conn.close()
    assert counts == [0, 0, 0, 0]


def test_a_conflicting_type_is_kept_as_an_alternative(tmp_path: Path) -> None:
    book = tmp_path / "book.enw"
    book.write_bytes(SAME_PAPER_ENW.replace(b"%0 Journal Article", b"%0 Book"))
    run("ingest", str(seed("004")))
    run("ingest", str(book))
    item = json.loads(run("export", "--csl-json").stdout)[0]
    assert item["type"] == "article-journal"
    kept = {(a["field"], a["value"]) for a in item["custom"]["alternatives"]}
    assert {("type", "book"), ("original_type", "Book")} <= kept


def test_the_stored_source_is_the_file_byte_for_byte(tmp_path: Path) -> None:
    from sqlalchemy.orm import Session

    raw = b"\xef\xbb\xbf" + SAME_PAPER_ENW.replace(b"\n", b"\r\n") + "%K Z\u00fcrich\r\n".encode()
    engine, _ = open_database(tmp_path / "kb.sqlite")
    report = ingest_bytes(engine, raw, "crlf-bom.enw")
    assert (report.new, report.problems) == (1, [])
    with Session(engine) as session:
        source = repository.source_by_sha(session, hashlib.sha256(raw).hexdigest())
        assert source is not None and (source.encoding, source.byte_size) == ("utf-8", len(raw))
        assert repository.source_text(session, source.id).encode(source.encoding) == raw


def test_a_merge_behind_a_queued_record_keeps_both(tmp_path: Path) -> None:
    """A merge into a stored record while a new one waits in the batch: ids must not clash."""
    first = tmp_path / "a.ris"
    first.write_text("TY  - JOUR\nTI  - Trastuzumab resistance in HER2 breast cancer\n"
                     "DO  - 10.1000/x1\nPY  - 2010\nER  - \n", encoding="utf-8")
    second = tmp_path / "b.ris"
    second.write_text("TY  - JOUR\nTI  - An unrelated paper on lapatinib\nPY  - 2011\nER  - \n"
                      "TY  - JOUR\nTI  - Trastuzumab resistance in HER2 breast cancer\n"
                      "DO  - 10.1000/x1\nPY  - 2010\nVL  - 12\nER  - \n", encoding="utf-8")
    run("ingest", str(first))
    result = run("ingest", str(second), "--json")
    assert result.exit_code == 0, result.stderr
    assert {k: json.loads(result.stdout)["files"][0][k] for k in ("new", "merged")} == {
        "new": 1, "merged": 1}
    items = {item["title"]: item for item in json.loads(run("export", "--csl-json").stdout)}
    assert sorted(items) == ["An unrelated paper on lapatinib",
                             "Trastuzumab resistance in HER2 breast cancer"]
    assert items["Trastuzumab resistance in HER2 breast cancer"]["volume"] == "12"


def test_the_report_names_the_fields_each_record_lacks() -> None:
    """Seed 001 (Ingenta) has no authors, volume, issue, pages or DOI in its text."""
    result = run("ingest", str(seed("001")), str(seed("003")), "--json")
    files = {Path(f["origin"]).name[:3]: f for f in json.loads(result.stdout)["files"]}
    assert files["001"]["lacking"] == [
        f"{seed('001')}:1: lacks authors, volume, issue, pages, DOI"]
    assert (files["001"]["records_lacking"], files["003"]["records_lacking"]) == (1, 0)
    assert files["003"]["lacking"] == []
    quiet = run("ingest", str(seed("002")))
    assert "1 record lacks fields a reference needs" in quiet.stderr
    assert ": lacks" not in quiet.stderr
    verbose = run("ingest", "-v", str(seed("004")))
    assert f"note: {seed('004')}:1: lacks authors" in verbose.stderr
