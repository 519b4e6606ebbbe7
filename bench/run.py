"""Ingest and export benchmark, measured side by side in one run.

    python bench/run.py --sizes 10000,100000          # results as a Markdown table
    python bench/run.py --sizes "" --streamed 1000000  # ingest only, corpus never in memory

For each size: a synthetic corpus (bench/corpus.py) is written as RIS and MEDLINE,
then timed:
* `her2kb ingest` of each file in a fresh library (a subprocess; wall time and peak RSS);
* the storage floor: bare sqlite3 inserting the same rows, FTS5-indexed by the same
  triggers, with no parsing, matching or provenance at all;
* rispy's bare parse of the same RIS file;
* `her2kb export --bibtex` and `--ris` of the ingested library, against bibtexparser's
  and rispy's writers given the same records already in memory.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from corpus import CorpusGenerator, stored

from her2kb import exporters
from her2kb.records import StoredRecord

FLOOR_DDL = """
CREATE TABLE record (id INTEGER PRIMARY KEY, title TEXT, authors TEXT, abstract TEXT,
  container_title TEXT, keywords TEXT, year INTEGER, doi TEXT, data TEXT);
CREATE VIRTUAL TABLE record_fts USING fts5(title, authors, abstract, container_title, keywords,
  content='record', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');
CREATE TRIGGER record_ai AFTER INSERT ON record BEGIN
  INSERT INTO record_fts(rowid, title, authors, abstract, container_title, keywords)
  VALUES (new.id, new.title, new.authors, new.abstract, new.container_title, new.keywords); END;
"""


def timed_child(argv: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (MiB) of one child process.

    GNU time reports the peak of the exec'd program itself; a forked child's own
    ru_maxrss would also count this (large) benchmark process it was copied from.
    """
    gnu_time = shutil.which("time") or "/usr/bin/time"
    start = time.perf_counter()
    proc = subprocess.run([gnu_time, "-f", "PEAK_KB %M", *argv], capture_output=True, text=True,
                          check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {proc.stderr[-2000:]}")
    peak = next(line for line in proc.stderr.splitlines() if line.startswith("PEAK_KB"))
    return elapsed, int(peak.split()[1]) // 1024


def timed(work: Callable[[], Any]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def floor_rows(items: list[StoredRecord]) -> Iterator[tuple[Any, ...]]:
    for item in items:
        r = item.record
        yield (item.id, r.title, "; ".join(a.display() for a in r.author), r.abstract,
               r.container_title, "; ".join(r.keywords), r.year, r.doi,
               r.model_dump_json(by_alias=True, exclude_defaults=True))


def storage_floor(items: list[StoredRecord], folder: Path) -> float:
    rows = list(floor_rows(items))  # prepared outside the clock: the floor is storage only
    conn = sqlite3.connect(folder / "floor.sqlite")
    conn.executescript("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;" + FLOOR_DDL)

    def insert() -> None:
        with conn:
            conn.executemany("INSERT INTO record VALUES (?,?,?,?,?,?,?,?,?)", rows)

    seconds = timed(insert)
    conn.close()
    return seconds


def her2kb(*args: str) -> list[str]:
    return [sys.executable, "-m", "her2kb", *args]


def run_size(size: int, folder: Path) -> dict[str, Any]:
    items = list(stored(CorpusGenerator(seed=size).records(size)))
    result: dict[str, Any] = {"records": size}
    for fmt in ("ris", "medline"):
        path = folder / f"corpus.{fmt}"
        path.write_text(exporters.get(fmt).export(items), encoding="utf-8")
        db = folder / f"{fmt}.sqlite"
        seconds, peak = timed_child(her2kb("--db", str(db), "ingest", str(path)))
        result[f"ingest_{fmt}_s"], result[f"ingest_{fmt}_peak_mib"] = seconds, peak
        result[f"{fmt}_mib"] = path.stat().st_size / 2**20
    result["floor_s"] = storage_floor(items, folder)
    import rispy

    ris_text = (folder / "corpus.ris").read_text(encoding="utf-8")
    result["rispy_parse_s"] = timed(lambda: rispy.loads(ris_text, enforce_list_tags=False))
    db = str(folder / "ris.sqlite")
    for fmt in ("bibtex", "ris"):
        result[f"export_{fmt}_s"], _ = timed_child(
            her2kb("--db", db, "export", f"--{fmt}", "-o", str(folder / f"out.{fmt}")))
    result["bibtexparser_write_s"] = bibtexparser_write(items)
    result["rispy_write_s"] = rispy_write(ris_text)
    # The writers alone, on the same records in memory, as the two libraries are timed.
    for fmt in ("bibtex", "ris"):
        result[f"writer_{fmt}_s"] = timed(lambda fmt=fmt: exporters.get(fmt).export(items))
    return result


def bibtexparser_write(items: list[StoredRecord]) -> float:
    import bibtexparser
    from bibtexparser.model import Entry, Field
    from bibtexparser.writer import BibtexFormat

    library = bibtexparser.Library()
    for item in items:
        r = item.record
        fields = [Field("author", " and ".join(f"{a.family}, {a.given}" for a in r.author)),
                  Field("title", r.title), Field("journal", r.container_title),
                  Field("year", str(r.year)), Field("volume", r.volume), Field("number", r.issue),
                  Field("pages", r.page), Field("doi", r.doi or ""), Field("abstract", r.abstract)]
        library.add(Entry("article", item.key, fields))
    layout = BibtexFormat()
    return timed(lambda: bibtexparser.write_string(library, bibtex_format=layout))


def rispy_write(ris_text: str) -> float:
    import rispy

    entries = rispy.loads(ris_text, enforce_list_tags=False)
    return timed(lambda: rispy.dump(entries, io.StringIO()))


def table(results: list[dict[str, Any]]) -> str:
    lines = ["| records | RIS ingest | MEDLINE ingest | storage floor | floor ÷ ingest (RIS) "
             "| rispy parse | peak RSS RIS / MEDLINE | BibTeX: CLI export / our writer "
             "/ bibtexparser | RIS: CLI export / our writer / rispy |", "|---" * 9 + "|"]
    for r in results:
        n = r["records"]
        lines.append(
            f"| {n:,} | {r['ingest_ris_s']:.1f} s ({n / r['ingest_ris_s']:,.0f}/s) "
            f"| {r['ingest_medline_s']:.1f} s ({n / r['ingest_medline_s']:,.0f}/s) "
            f"| {r['floor_s']:.1f} s ({n / r['floor_s']:,.0f}/s) "
            f"| {r['floor_s'] / r['ingest_ris_s']:.2f}× | {r['rispy_parse_s']:.1f} s "
            f"| {r['ingest_ris_peak_mib']} / {r['ingest_medline_peak_mib']} MiB "
            f"| {r['export_bibtex_s']:.1f} / {r['writer_bibtex_s']:.1f} / "
            f"{r['bibtexparser_write_s']:.1f} s "
            f"| {r['export_ris_s']:.1f} / {r['writer_ris_s']:.1f} / {r['rispy_write_s']:.1f} s |")
    return "\n".join(lines)


def write_streamed(size: int, path: Path) -> None:
    """A corpus as RIS, generated and written a thousand records at a time (for 1M)."""
    records = CorpusGenerator(seed=size).records(size)
    writer = exporters.get("ris")
    with path.open("w", encoding="utf-8") as out:
        batch: list[StoredRecord] = []
        for n, record in enumerate(records, start=1):
            batch.append(StoredRecord(id=n, key=f"bench{n}", record=record))
            if len(batch) == 1000:
                out.write(writer.export(batch) + "\n")
                batch = []
        if batch:
            out.write(writer.export(batch) + "\n")


def run_streamed(size: int, folder: Path) -> dict[str, Any]:
    """Ingest only: time, peak RSS and library size for a corpus too big to hold in memory."""
    path = folder / "corpus.ris"
    write_streamed(size, path)
    db = folder / "big.sqlite"
    seconds, peak = timed_child(her2kb("--db", str(db), "ingest", str(path)))
    return {"records": size, "ingest_ris_s": seconds, "ingest_ris_peak_mib": peak,
            "ris_mib": path.stat().st_size / 2**20, "library_mib": db.stat().st_size / 2**20}


def streamed_table(results: list[dict[str, Any]]) -> str:
    lines = ["| records | RIS file | RIS ingest | peak RSS | library file |", "|---" * 5 + "|"]
    for r in results:
        n = r["records"]
        lines.append(f"| {n:,} | {r['ris_mib']:,.0f} MiB | {r['ingest_ris_s']:.0f} s "
                     f"({n / r['ingest_ris_s']:,.0f}/s) | {r['ingest_ris_peak_mib']} MiB "
                     f"| {r['library_mib']:,.0f} MiB |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000", help="comma-separated corpus sizes")
    parser.add_argument("--streamed", default="",
                        help="comma-separated sizes to ingest only, generated as they are "
                             "written (e.g. 1000000)")
    parser.add_argument("--json", action="store_true", help="raw numbers as JSON")
    args = parser.parse_args()
    results, streamed = [], []
    for size in (int(s) for s in args.sizes.split(",") if s):
        with tempfile.TemporaryDirectory() as folder:
            results.append(run_size(size, Path(folder)))
        print(json.dumps(results[-1]), file=sys.stderr)
    for size in (int(s) for s in args.streamed.split(",") if s):
        with tempfile.TemporaryDirectory() as folder:
            streamed.append(run_streamed(size, Path(folder)))
        print(json.dumps(streamed[-1]), file=sys.stderr)
    if args.json:
        print(json.dumps(results + streamed, indent=2))
        return
    print("\n\n".join(t for t in (results and table(results),
                                   streamed and streamed_table(streamed)) if t))


if __name__ == "__main__":
    main()
