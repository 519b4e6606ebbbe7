"""CSV export: header, one row per record, formula injection neutralised, csv round trip."""

from __future__ import annotations

import csv
import io

import pytest

from her2kb import exporters
from her2kb.exporters import csv as csv_export
from her2kb.records import DateParts, MeshHeading, Name, Record, StoredRecord


def _item(n: int = 1, **fields: object) -> StoredRecord:
    return StoredRecord(id=n, key=f"key{n}", record=Record.model_validate(fields))


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def chen() -> StoredRecord:
    """Seed 003 (PubMed page) as the library holds it."""
    record = Record(
        title="Strategies to target HER2/neu overexpression for cancer therapy",
        author=[Name(family="Chen", given="Jin-Shing")], authors_truncated=True,
        container_title="Drug Resist Updat", issued=DateParts(date_parts=[[2003, 6]]),
        volume="6", issue="3", page="129-136", doi="10.1016/s1368-7646(03)00040-2",
        publication_types=["Review"],
        mesh=[MeshHeading(descriptor="Receptor, ErbB-2", qualifier="metabolism", major=True),
              MeshHeading(descriptor="Humans")],
    )
    return StoredRecord(id=4, key="chen2003strategies", record=record)


def test_header_is_fixed_and_first() -> None:
    text = csv_export.export([])
    assert text == ",".join(csv_export.HEADER) + "\n"
    for column in ("key", "id", "type", "title", "authors", "journal", "year", "volume",
                   "issue", "pages", "DOI", "PMID", "PMCID", "URL", "keywords", "abstract"):
        assert column in csv_export.HEADER


def test_a_record_row() -> None:
    (row,) = _rows(csv_export.export([chen()]))
    assert row["key"] == "chen2003strategies" and row["id"] == "4"
    assert row["type"] == "article-journal"
    assert row["authors"] == "Chen, Jin-Shing; et al."
    assert (row["journal"], row["year"], row["date"]) == ("Drug Resist Updat", "2003", "2003-06")
    assert (row["volume"], row["issue"], row["pages"]) == ("6", "3", "129-136")
    assert row["DOI"] == "10.1016/s1368-7646(03)00040-2"
    assert row["mesh"] == "Receptor, ErbB-2/metabolism*; Humans"
    assert row["publication_types"] == "Review"
    assert row["PMID"] == row["abstract"] == ""


def test_names_particles_suffixes_and_corporate_authors() -> None:
    item = _item(author=[Name(literal="World Health Organization"),
                         Name(family="Cruz", given="Maria", non_dropping_particle="de la"),
                         Name(family="Doe", given="John", suffix="Jr"), Name(family="万征")])
    (row,) = _rows(csv_export.export([item]))
    assert row["authors"] == "World Health Organization; de la Cruz, Maria; Doe, John, Jr; 万征"


@pytest.mark.parametrize(("value", "written"), [
    pytest.param("=SUM(A1)", "'=SUM(A1)", id="equals"),
    pytest.param("+1", "'+1", id="plus"),
    pytest.param("-2+3", "'-2+3", id="minus-formula"),
    pytest.param("-5", "'-5", id="minus-number"),  # no number exception: see module docstring
    pytest.param("@cmd", "'@cmd", id="at"),
    pytest.param("\t=x", "'\t=x", id="tab"),
    pytest.param("\r=x", "'\n=x", id="carriage-return"),  # CR written as LF, see below
    pytest.param("\n=x", "'\n=x", id="line-feed"),
    pytest.param("a=b", "a=b", id="inside-is-fine"),
    pytest.param(" =x", " =x", id="space-first-is-text"),
    pytest.param("'quoted", "'quoted", id="apostrophe"),
])
def test_formula_cells_are_neutralised(value: str, written: str) -> None:
    assert csv_export.neutralise(value).replace("\r", "\n") == written
    (row,) = _rows(csv_export.export([_item(title=value, note=value, abstract=value)]))
    assert row["title"] == row["note"] == row["abstract"] == written


def test_a_bare_carriage_return_cannot_split_a_row() -> None:
    text = csv_export.export([_item(title="one\rtwo", note="x\ry")])
    (row,) = _rows(text)
    assert (row["title"], row["note"]) == ("one\ntwo", "x\ny")


def test_every_column_is_neutralised() -> None:
    hostile = "=HYPERLINK(\"http://x\")"
    item = _item(title=hostile, container_title=hostile, volume=hostile, issue=hostile,
                 page=hostile, publisher=hostile, keywords=[hostile, "b"],
                 author=[Name(literal=hostile)])
    text = csv_export.export([item])
    for cell in next(csv.reader(io.StringIO(text[text.index("\n") + 1:]))):
        assert not cell.startswith(csv_export.FORMULA_TRIGGERS), cell


def test_round_trip_with_the_csv_module_keeps_unicode_quotes_and_newlines() -> None:
    title = 'Zürich "HER2", 20–30% μ-opioid; 万征 ✓'
    abstract = "Line one,\nline two\r\nand \"three\"."
    items = [_item(1, title=title, abstract=abstract, keywords=["a, b", "c"]), chen()]
    text = csv_export.export(items)
    assert "\r" not in text  # `\n` line ends, also inside cells
    rows = _rows(text)
    assert [row["key"] for row in rows] == ["key1", "chen2003strategies"]
    assert rows[0]["title"] == title
    assert rows[0]["abstract"] == abstract.replace("\r\n", "\n")
    assert rows[0]["keywords"] == "a, b; c"
    assert text.encode("utf-8").decode("utf-8") == text
    assert all(len(row) == len(csv_export.HEADER) for row in rows)


def test_registered_and_deterministic() -> None:
    exporter = exporters.get("csv")
    assert exporter is csv_export.EXPORTER and exporter.suffix == ".csv"
    assert exporter.export([chen()]) == exporter.export([chen()])
    assert "csv" in exporters.names()
