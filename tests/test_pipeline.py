"""The second-process reader: the same library as in process, and failures that say so."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from her2kb import pipeline
from her2kb.db.schema import open_database
from her2kb.errors import InputError
from her2kb.ingest import FileReport, ingest_file

SAMPLES = Path(__file__).parent / "samples"
# One sample per reader, the largest of its folder: streamed and whole-text readers both.
FOLDERS = ("ris", "medline", "bibtex", "csljson", "endnote", "endnote_xml", "pubmed_xml",
           "pubmed", "scilit", "ingenta")


def _largest(folder: str) -> Path:
    files = [p for p in (SAMPLES / folder).iterdir() if p.is_file()
             and not p.name.endswith(".expected.json")]
    return max(files, key=lambda p: (p.stat().st_size, p.name))


def _ingest(path: Path, db: Path, fmt: str | None = None) -> tuple[FileReport, list[tuple]]:
    engine, _ = open_database(db)
    with path.open("rb") as handle:
        report = ingest_file(engine, handle, path.name, fmt)
    engine.dispose()
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT r.id, r.citation_key, r.title_key, r.doi_norm, r.data, s.entry_index, s.line"
            " FROM record r JOIN record_source s ON s.record_id = r.id ORDER BY r.id").fetchall()
        rows += conn.execute("SELECT * FROM citation ORDER BY id").fetchall()
    conn.close()
    return report, rows


@pytest.mark.parametrize("folder", FOLDERS)
def test_a_child_process_stores_what_this_process_stores(
    folder: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sample = _largest(folder)
    report_here, rows_here = _ingest(sample, tmp_path / "here.sqlite")
    spawned: list[list[str]] = []
    real_popen = pipeline.subprocess.Popen

    def recording_popen(command: list[str], **kwargs: object) -> object:
        spawned.append(command)
        return real_popen(command, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(pipeline, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(pipeline.subprocess, "Popen", recording_popen)
    report_child, rows_child = _ingest(sample, tmp_path / "child.sqlite")
    assert len(spawned) == 1 and spawned[0][1:3] == ["-m", "her2kb.pipeline"]
    assert rows_here, f"{sample.name} stored nothing"
    assert rows_child == rows_here
    assert vars(report_child) == vars(report_here)


def test_a_file_gone_before_the_child_reads_it_is_an_input_error(tmp_path: Path) -> None:
    items = pipeline._from_child("ris", str(tmp_path / "gone.ris"), "utf-8", "gone.ris")
    with pytest.raises(InputError, match=r"^gone\.ris: cannot read \(No such file"):
        next(items)


def test_a_failure_inside_the_child_arrives_with_its_traceback(tmp_path: Path) -> None:
    path = _largest("ris")
    items = pipeline._from_child("no-such-reader", str(path), "utf-8", path.name)
    with pytest.raises(RuntimeError, match=r"(?s)reading process failed.*FormatError"):
        next(items)
