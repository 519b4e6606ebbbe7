"""CSL-JSON reader (formats.md §9): samples, our own export read back, schema agreement.

Expected values are read off the sample files by hand. Every item the vendored CSL
schema accepts must be accepted here too, and no text makes the reader raise.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from her2kb import parsers
from her2kb.exporters import csljson
from her2kb.normalize import normalize
from her2kb.parsers import ParsedEntry, ParseProblem
from her2kb.parsers import _json_stream as json_stream
from her2kb.parsers import csljson as reader
from her2kb.records import (
    CitedReference,
    DateParts,
    MeshHeading,
    Name,
    Record,
    Relation,
    SourceRef,
    StoredRecord,
)

from .conftest import read_sample, sample_records
from .test_export_biblatex import TEXT, WORD, assert_same, dates, names, optional, record_strategy
from .test_export_csljson import all_items

SAMPLES = Path(__file__).parent / "samples" / "csljson"


def read(name: str) -> list[ParsedEntry | ParseProblem]:
    return read_sample(reader.FORMAT, SAMPLES / name)


def records(name: str) -> list[dict[str, Any]]:
    return sample_records(reader.FORMAT, SAMPLES / name)


def test_zotero_pretty_printed_array() -> None:
    article, chapter = records("zotero_array_pretty_printed.json")
    assert article["title"] == "Invented predictors of response to HER2-directed therapy"
    assert article["author"] == [
        {"family": "Ferreira", "given": "Ana Luísa"},
        {"family": "Cruz", "given": "María", "non-dropping-particle": "de la"},
    ]
    assert article["container-title"] == "Invented Journal of Breast Research"
    assert article["container-title-short"] == "Inv J Breast Res"  # journalAbbreviation
    assert article["issued"] == {"date-parts": [[2017, 6]]}
    assert (article["volume"], article["issue"]) == ("8", "3")
    assert (article["page"], article["page-as-printed"]) == ("233-241", "233-41")
    assert (article["DOI"], article["PMID"]) == ("10.5555/ijbr.2017.233", "28765432")
    assert (article["ISSN"], article["language"]) == (["1234-5679"], "eng")
    assert chapter["type"] == "chapter"
    assert chapter["author"] == [{"literal": "Invented Cancer Genetics Consortium"}]
    assert chapter["editor"] == [{"family": "Okonkwo", "given": "Adaeze"}]
    assert chapter["issued"] == {"date-parts": [[2015]]}  # a string in date-parts
    assert (chapter["publisher"], chapter["publisher-place"]) == ("Invented Academic Press",
                                                                 "Leiden")
    assert chapter["ISBN"] == ["978-3-16-148410-0"]


def test_line_numbers_point_at_each_item() -> None:
    assert [item.line for item in read("zotero_array_pretty_printed.json")] == [2, 37]


def test_pandoc_single_object_with_numbers_and_doi_url() -> None:
    (entry,) = records("pandoc_single_object.json")
    assert entry["title"] == "An invented single-item CSL-JSON record"
    assert (entry["volume"], entry["issue"], entry["page"]) == ("22", "1", "5-9")
    assert entry["DOI"] == "10.5555/il.2019.5"
    assert entry["issued"] == {"date-parts": [[2019, 2, 28]]}


def test_strings_in_date_parts() -> None:
    issued = [r["issued"] for r in records("strings_in_date_parts.json")]
    assert issued == [
        {"date-parts": [[2010, 5]]},
        {"date-parts": [[2009, 12, 30], [2010, 1, 5]]},
        {"date-parts": [[2008]], "season": 3, "raw": "2008 Fall"},
        {"date-parts": [[2007, 3]], "raw": "2007 Mar"},
    ]


def test_legacy_journal_abbreviation_and_keyword_string() -> None:
    (entry,) = records("journal_abbreviation_keyword_string.json")
    assert entry["container-title-short"] == "Inv J Clin Oncol"
    assert entry["keywords"] == ["HER2", "trastuzumab", "cardiotoxicity"]
    assert entry["number-of-pages"] == 12


def test_broken_item_is_a_problem_with_its_line_and_the_rest_imports() -> None:
    first, problem, last = read("broken_item_between_good_ones.json")
    assert isinstance(first, ParsedEntry) and first.record.title == "First good item"
    assert isinstance(problem, ParseProblem) and problem.line == 3
    assert "not valid JSON" in problem.reason
    assert isinstance(last, ParsedEntry) and last.record.title == "Last good item"


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.json")), ids=lambda p: p.stem)
def test_samples_are_detected_as_csl_json_only(path: Path) -> None:
    head = path.read_text("utf-8")[: parsers.HEAD_CHARS]
    scores = {fmt.name: fmt.detect(head) for fmt in parsers.formats()
              if not fmt.fallback}
    assert [name for name, score in scores.items() if score > 0] == ["csl-json"]


@pytest.mark.parametrize(("head", "score"), [
    pytest.param('[{"id": "a", "type": "book", "title": "T"', 100, id="cut-off-array"),
    pytest.param('{"title": "not CSL", "authors": []}', 0, id="json-not-csl"),
    pytest.param('[{"type": "FeatureCollection"}]', 100, id="complete-with-type"),
    pytest.param('{"type": "Feature", "geometry": {"type": "Point"', 0, id="cut-off-geojson"),
    pytest.param("[]", 0, id="empty-array"),
    pytest.param("@article{k, title={x}}", 0, id="bibtex"),
])
def test_detect(head: str, score: int) -> None:
    assert reader.detect(head) == score


def test_registry_names() -> None:
    for alias in ("csl", "json", "csljson", "CSL-JSON"):
        assert parsers.get(alias) is reader.FORMAT


# --- our own export read back -----------------------------------------------------------

def library_free(item: StoredRecord) -> Record:
    """What the reader can know: cited references' record_id belongs to the exporting
    library, and the export groups relations by kind (custom keys are sorted)."""
    record = item.record
    references = [ref.model_copy(update={"record_id": None}) for ref in record.references]
    relations = sorted(record.relations, key=lambda relation: relation.kind)
    editors = [name.model_copy(update={"orcid": None, "affiliations": []})
               for name in record.editor]  # custom.author_details covers authors only
    return normalize(record.model_copy(update={
        "references": references, "relations": relations, "editor": editors}))


def read_export(items: list[StoredRecord]) -> tuple[list[ParsedEntry], str, str]:
    text = csljson.export(items)
    entries = list(reader.FORMAT.parse(text, "ours.json"))
    assert all(isinstance(entry, ParsedEntry) for entry in entries), entries
    parsed = [entry for entry in entries if isinstance(entry, ParsedEntry)]
    again = csljson.export([item.model_copy(update={"record": entry.record})
                            for item, entry in zip(items, parsed, strict=True)])
    return parsed, text, again


def test_our_export_reads_back_equal() -> None:
    items = all_items()
    parsed, _, _ = read_export(items)
    for item, entry in zip(items, parsed, strict=True):
        assert_same(normalize(entry.record), library_free(item))
    warnings = [w for entry in parsed for w in entry.warnings]
    assert warnings == ["custom record_id, sources describe the exporting library, not the "
                        "work; ignored (this file's other items too)"]


def test_export_of_what_was_read_is_byte_identical() -> None:
    items = [item.model_copy(update={"record": library_free(item)}) for item in all_items()]
    _, text, again = read_export(items)
    assert again == text


def test_reference_record_ids_are_not_carried_over() -> None:
    record = Record(title="T", references=[CitedReference(title="R", year=2001, record_id=7)])
    (entry,), _, _ = read_export([StoredRecord(id=1, key="k", record=record)])
    assert entry.record.references == [CitedReference(title="R", year=2001)]


CSL_EXTRA: dict[str, st.SearchStrategy[Any]] = {
    "author": st.lists(names().map(lambda n: n if n.literal else n.model_copy(update={
        "orcid": "0000-0002-1825-0097", "affiliations": ["Invented Institute"]})),
        max_size=3),
    "available_date": optional(dates()),
    "mesh": st.lists(st.builds(MeshHeading, descriptor=WORD, qualifier=optional(WORD),
                               major=st.booleans()), max_size=2),
    "substances": st.lists(WORD, max_size=2), "publication_types": st.lists(WORD, max_size=2),
    "original_type": optional(WORD), "open_access": optional(st.booleans()),
    "top_cited": optional(st.booleans()), "references_total_stated": optional(st.integers(0, 99)),
    "full_text_excerpt": optional(TEXT), "pii": optional(WORD),
    "relations": st.lists(st.builds(Relation, kind=st.sampled_from(["erratum_in", "comment_on"]),
                                    citation=TEXT), max_size=2),
    "references": st.lists(st.builds(CitedReference, title=optional(TEXT), year=optional(
        st.integers(1900, 2025)), container_title=optional(TEXT)), max_size=2),
}


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record=record_strategy(CSL_EXTRA))
def test_round_trip_of_generated_records(record: Record) -> None:
    item = StoredRecord(id=3, key="k", record=record,
                        sources=[SourceRef(format="ris", origin="a.ris", sha256="0" * 64)])
    (entry,), text, again = read_export([item])
    assert_same(normalize(entry.record), library_free(item))
    assert again == text  # relations come back grouped by kind, as the export wrote them


# --- the schema's view ------------------------------------------------------------------

SCHEMA = csljson.schema()
SCHEMA_TYPES = SCHEMA["items"]["properties"]["type"]["enum"]
STRING_OR_NUMBER = st.one_of(TEXT, st.integers(-5, 3000))
CSL_NAMES = st.fixed_dictionaries({}, optional={
    "family": TEXT, "given": TEXT, "literal": TEXT, "suffix": TEXT,
    "non-dropping-particle": TEXT, "dropping-particle": TEXT,
    "comma-suffix": st.booleans(), "parse-names": st.booleans(),
})
CSL_DATES = st.fixed_dictionaries({}, optional={
    "date-parts": st.lists(st.lists(st.one_of(st.integers(0, 2100), st.sampled_from(
        ["2010", "5", "31", "0"])), min_size=1, max_size=3), min_size=1, max_size=2),
    "season": st.one_of(st.integers(1, 4), st.sampled_from(["1", "Spring", "winter"])),
    "circa": st.booleans(), "literal": TEXT, "raw": st.sampled_from(["2003 Jun", "n.d.", ""]),
})
CSL_ITEMS = st.fixed_dictionaries(
    {"id": st.one_of(WORD, st.integers()), "type": st.sampled_from(SCHEMA_TYPES)},
    optional={
        "title": TEXT, "container-title": TEXT, "journalAbbreviation": TEXT,
        "author": st.lists(CSL_NAMES, max_size=3), "editor": st.lists(CSL_NAMES, max_size=2),
        "issued": CSL_DATES, "accessed": CSL_DATES, "volume": STRING_OR_NUMBER,
        "issue": STRING_OR_NUMBER, "page": STRING_OR_NUMBER, "edition": STRING_OR_NUMBER,
        "number-of-pages": STRING_OR_NUMBER, "DOI": TEXT, "PMID": TEXT, "ISSN": TEXT,
        "keyword": TEXT, "abstract": TEXT, "language": TEXT, "URL": TEXT,
        "custom": st.dictionaries(st.sampled_from(
            ["mesh", "references", "author_details", "erratum_in", "record_id", "other"]),
            st.one_of(WORD, st.lists(WORD), st.integers())),
    },
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(item=CSL_ITEMS)
def test_every_item_the_schema_accepts_is_read(item: dict[str, Any]) -> None:
    assume(jsonschema.Draft7Validator(SCHEMA).is_valid([item]))
    (found,) = reader.FORMAT.parse(json.dumps([item]), "schema.json")
    if isinstance(found, ParseProblem):
        assert found.reason == "no title, identifier or abstract found"
        assert not str(item.get("title", "")).strip()
    else:
        assert found.record.title == (str(item["title"]).strip() or None
                                      if "title" in item else None)


def test_streaming_reads_items_across_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(json_stream, "CHUNK", 7)
    items = [{"id": n, "type": "book", "title": f"Title number {n}", "volume": 10 ** n}
             for n in range(6)]
    text = "[\n" + ",\n".join(json.dumps(i) for i in items) + "\n]\n"
    found = list(reader.read(io.StringIO(text), "chunks.json"))
    assert [e.record.title for e in found if isinstance(e, ParsedEntry)] == [
        f"Title number {n}" for n in range(6)]
    assert [e.record.volume for e in found if isinstance(e, ParsedEntry)] == [
        str(10 ** n) for n in range(6)]
    assert [e.line for e in found] == [2, 3, 4, 5, 6, 7]


def test_reading_is_lazy() -> None:
    text = "[" + ",\n".join(json.dumps({"id": n, "type": "book", "title": f"T{n}"})
                            for n in range(20000)) + "]"
    stream = io.StringIO(text)
    first = next(reader.read(stream, "lazy.json"))
    assert isinstance(first, ParsedEntry) and first.record.title == "T0"
    assert stream.tell() <= json_stream.CHUNK < len(text) / 10


@pytest.mark.parametrize(("text", "reason"), [
    pytest.param('"just a string"', "not CSL-JSON: expected an array of items", id="string"),
    pytest.param('[{"id": 1, "type": "book", "title": "T"}, 5]',
                 "a CSL-JSON item must be an object", id="number-item"),
    pytest.param('[{"id": 1, "title": "unclosed', "not valid JSON: Unterminated string "
                 "starting at", id="unterminated"),
])
def test_problems(text: str, reason: str) -> None:
    problems = [p for p in reader.FORMAT.parse(text, "p.json") if isinstance(p, ParseProblem)]
    assert problems and problems[-1].reason == reason


def test_names_dates_and_types_are_coerced() -> None:
    item = {"id": "x", "type": "post-weblog", "title": "T",
            "author": [{"given": "Plato"}, {"family": "Beethoven", "given": "Ludwig",
                                            "dropping-particle": "van"}, "Doe, Jane"],
            "issued": {"date-parts": [["2010", "0", "0"]], "circa": True}}
    (entry,) = reader.FORMAT.parse(json.dumps(item), "c.json")
    assert isinstance(entry, ParsedEntry)
    assert entry.record.type == "webpage" and entry.record.original_type == "post-weblog"
    assert entry.record.author == [
        Name(literal="Plato"),
        Name(family="Beethoven", given="Ludwig", non_dropping_particle="van"),
        Name(family="Doe", given="Jane"),
    ]
    assert entry.record.issued == DateParts(date_parts=[[2010]])
    assert entry.warnings == ("a circa date is stored without its circa flag",)


# Any JSON built from CSL and custom keys, with values of any JSON type.
ODD_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from([
        "id", "type", "title", "author", "issued", "date-parts", "custom", "mesh", "references",
        "author_details", "family", "literal", "season", "raw", "keyword", "ISSN", "DOI",
        "erratum_in", "number-of-pages", "position", "orcid"]), inner, max_size=4),
).map(json.dumps)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(), st.text(alphabet='[]{}",:0123456789 \ntrueflsn\\'),
                 st.text().map(lambda s: '[{"id": 1, "title": ' + json.dumps(s) + s), ODD_JSON))
def test_reader_never_raises(text: str) -> None:
    for item in reader.FORMAT.parse(text, "random.json"):
        assert isinstance(item, ParsedEntry | ParseProblem)
