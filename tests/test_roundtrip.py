"""The round-trip contract, as a matrix built from the two registries.

For every export format that also has a reader: the export is detected as that
format, reads back record for record, keeps every value the format carries, and
exporting what was read gives the same bytes again (a fixed point).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from her2kb import exporters, parsers
from her2kb.db import repository as repo
from her2kb.db.schema import open_database
from her2kb.db.stored import stored_records
from her2kb.errors import FormatError
from her2kb.exporters import Exporter
from her2kb.ingest import ingest_bytes
from her2kb.normalize import normalize
from her2kb.parsers import InputFormat, ParsedEntry
from her2kb.records import DateParts, MeshHeading, Name, Record, Relation, StoredRecord

from .conftest import SEEDS


def _pairs() -> list[Any]:
    pairs = []
    for exporter in exporters.exporters():
        try:
            reader = parsers.get(exporter.name)
        except FormatError:
            continue  # a write-only format (csv, jsonl)
        pairs.append(pytest.param(exporter, reader, id=exporter.name))
    return pairs


PAIRS = _pairs()

INVENTED = [
    Record(
        title="Trastuzumab & 20% of {HER2}-positive cases_ in Zürich: a $5 ~study^",
        author=[Name(family="Cruz", given="María José", non_dropping_particle="de la"),
                Name(family="Doe", given="John", suffix="Jr"),
                Name(literal="WHO Collaborative Group")],
        container_title="Journal of Invented Results", container_title_short="J Invent Res",
        issued=DateParts(date_parts=[[2010, 5, 1]]), volume="12", issue="3 Pt 2",
        page="129-136", DOI="10.1234/inv_(2010)05", PMID="10000001", PMCID="PMC123456",
        URL="https://example.org/a?b=1&c=%20", ISSN=["1234-5678", "8765-4321"],
        abstract="First paragraph with ‐ hyphens and “quotes”.\nSecond paragraph: 37°C, ≥5 mg.",
        keywords=["HER2", "breast neoplasms"], language="eng",
        mesh=[MeshHeading(descriptor="Breast Neoplasms", qualifier="drug therapy", major=True),
              MeshHeading(descriptor="Humans")],
        publication_types=["Journal Article", "Review"],
        relations=[Relation(kind="erratum_in", citation="J Invent Res. 2011;13(1):5")],
    ),
    Record(type="chapter", title="A chapter of examples",
           author=[Name(family="Novák", given="Eva")],
           editor=[Name(family="Roe", given="Richard")], container_title="The Book of Examples",
           publisher="Example Press", publisher_place="Brno", edition="2",
           issued=DateParts(date_parts=[[1999]]), page="45-52", ISBN=["9780000000002"]),
]


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> list[StoredRecord]:
    """The five seeds as stored by her2kb, plus the invented records above."""
    engine, _ = open_database(tmp_path_factory.mktemp("rt") / "kb.sqlite")
    for path in sorted(SEEDS.iterdir()):
        ingest_bytes(engine, path.read_bytes(), str(path))
    with Session(engine) as session:
        items = stored_records(session, repo.live_ids(session))
    start = len(items) + 1
    items += [StoredRecord(id=n, key=f"invented{n}", record=normalize(r))
              for n, r in enumerate(INVENTED, start=start)]
    return items


def _read(reader: InputFormat, text: str) -> list[Record]:
    parsed = list(reader.parse(text, "roundtrip"))
    problems = [str(p) for p in parsed if not isinstance(p, ParsedEntry)]
    assert problems == []
    return [normalize(p.record) for p in parsed if isinstance(p, ParsedEntry)]


@pytest.mark.parametrize(("exporter", "reader"), PAIRS)
def test_export_is_detected_as_its_reader(exporter: Exporter, reader: InputFormat,
                                          library: list[StoredRecord]) -> None:
    text = exporter.export(library)
    assert parsers.detect(text[: parsers.HEAD_CHARS], "export").name == reader.name


# BibTeX has a year and a month field, no day.
DATE_PRECISION = {"bibtex": 2}
# Formats whose values are one logical line: paragraph breaks in an abstract become spaces.
ONE_LINE_VALUES = {"bibtex", "biblatex", "medline"}


def _comparable(value: Any, date_parts: int, fold: bool) -> Any:
    """Dates by their parts (the printed `raw` form is the source's, not the record's)."""
    if isinstance(value, DateParts):
        return ([part[:date_parts] for part in value.date_parts], value.season)
    if fold and isinstance(value, str):
        return " ".join(value.split())
    return value


@pytest.mark.parametrize(("exporter", "reader"), PAIRS)
def test_values_survive_within_what_the_format_carries(
        exporter: Exporter, reader: InputFormat, library: list[StoredRecord]) -> None:
    back = _read(reader, exporter.export(library))
    assert len(back) == len(library)
    for item, record in zip(library, back, strict=True):
        precision = DATE_PRECISION.get(exporter.name, 3)
        fold = exporter.name in ONE_LINE_VALUES
        for attr in sorted(exporter.carries):
            got = _comparable(getattr(record, attr), precision, fold)
            want = _comparable(getattr(item.record, attr), precision, fold)
            assert got == want, (item.key, attr)


@pytest.mark.parametrize(("exporter", "reader"), PAIRS)
def test_export_read_export_is_a_fixed_point(exporter: Exporter, reader: InputFormat,
                                             library: list[StoredRecord]) -> None:
    first = exporter.export(library)
    again = [item.model_copy(update={"record": record})
             for item, record in zip(library, _read(reader, first), strict=True)]
    assert exporter.export(again) == first


def test_every_format_pair_is_in_the_matrix() -> None:
    assert {p.values[0].name for p in PAIRS} >= {"bibtex", "ris", "medline", "csl-json",
                                                 "endnote"}


def test_cli_round_trip_into_an_empty_library(tmp_path: Path,
                                              library: list[StoredRecord]) -> None:
    from .conftest import run

    source = tmp_path / "one.sqlite"
    run("--db", str(source), "ingest", str(SEEDS))
    for name in ("ris", "medline", "endnote", "csl-json", "bibtex"):
        out = tmp_path / f"library.{name}"
        assert run("--db", str(source), "export", f"--{name}", "-o", str(out)).exit_code == 0
        target = str(tmp_path / f"{name}.sqlite")
        assert run("--db", target, "ingest", str(out)).exit_code == 0
        again = tmp_path / f"again.{name}"
        run("--db", target, "export", f"--{name}", "-o", str(again))
        assert _library_view(name, again) == _library_view(name, out), name


def _library_view(name: str, path: Path) -> Any:
    """The export's text; for CSL-JSON without `custom.sources`, which names the file read."""
    text = path.read_text("utf-8")
    if name != "csl-json":
        return text
    items = json.loads(text)
    for item in items:
        item["custom"].pop("sources", None)
    return items


BATCHED = [pytest.param(e, id=e.name) for e in exporters.exporters() if e.joiner is not None]


@pytest.mark.parametrize("exporter", BATCHED)
def test_batched_export_is_the_same_file(exporter: Exporter,
                                         library: list[StoredRecord]) -> None:
    """What lets the CLI write a large library a batch at a time."""
    head, tail = library[:3], library[3:]
    assert exporter.joiner is not None
    assert exporter.export(head) + exporter.joiner + exporter.export(tail) == exporter.export(
        library)


def test_cli_export_in_batches_matches_one_piece(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from her2kb import cli_export

    from .conftest import run

    run("ingest", str(SEEDS))
    whole = {name: run("export", f"--{name}").stdout
             for name in ("ris", "bibtex", "jsonl", "csl-json", "csv")}
    monkeypatch.setattr(cli_export, "EXPORT_BATCH", 2)
    for name, text in whole.items():
        out = tmp_path / f"batched.{name}"
        assert run("export", f"--{name}", "-o", str(out)).exit_code == 0
        assert out.read_text("utf-8") == text, name
    assert not list(tmp_path.glob(".*.partial"))
