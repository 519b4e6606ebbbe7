"""CSL-JSON export: schema validity, the `custom` names scripts rely on, determinism."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from her2kb import exporters
from her2kb.errors import ExportError
from her2kb.exporters import csljson
from her2kb.records import (
    Alternative,
    CitedReference,
    DateParts,
    MeshHeading,
    Name,
    Record,
    Relation,
    SourceRef,
    StoredRecord,
)

from .conftest import GOLDEN

SCHEMA_PATH = Path(csljson.__file__).parent.parent / "data" / "csl" / "csl-data.json"

# Seed 000 (Scilit listing): the ten references as printed, from the reviewed golden file.
SCILIT_REFERENCES = [
    (ref["title"], ref["journal"], ref["year"])
    for ref in json.loads((GOLDEN / "seeds_expected.json").read_text("utf-8"))[
        "000_21f426c25603dadc.txt"]["references"]
]
# Seed 004 (PubMed abstract page): MeSH headings as (descriptor, qualifier, major).
MESH_004 = [
    ("Antineoplastic Agents", "therapeutic use", False), ("Biomarkers, Tumor", "metabolism", True),
    ("Breast Neoplasms", "drug therapy", False), ("Breast Neoplasms", "metabolism", True),
    ("Female", None, False), ("Gene Amplification", None, False),
    ("Genes, erbB-2", "genetics", False), ("Humans", None, False), ("Prognosis", None, False),
    ("Receptor, ErbB-2", "metabolism", True),
]
SHA = "0" * 64


def scilit_000() -> StoredRecord:
    record = Record(
        title=("Trastuzumab: mechanism of action, resistance and future perspectives in "
               "HER2-overexpressing breast cancer"),
        container_title="Annals of Oncology", publisher="Elsevier",
        issued=DateParts(date_parts=[[2007, 1, 17]], raw="17 January 2007"), volume="18",
        issue="6", page="977-984", doi="10.1093/annonc/mdl475",
        publication_types=["journal article", "review article"], open_access=True,
        top_cited=True, references_total_stated=57,
        abstract=("Trastuzumab is a humanized mAb directed against … "
                  "possible clinical implications."),
        references=[CitedReference(title=t, container_title=j, year=y)
                    for t, j, y in SCILIT_REFERENCES],
    )
    sources = [SourceRef(format="scilit", origin="data/seeds/000_21f426c25603dadc.txt", sha256=SHA)]
    return StoredRecord(id=1, key="trastuzumab2007", record=record, sources=sources)


def chen_003() -> StoredRecord:
    record = Record(
        title="Strategies to target HER2/neu overexpression for cancer therapy",
        author=[Name(family="Chen", given="Jin-Shing")], authors_truncated=True,
        container_title="Drug Resist Updat", issued=DateParts(date_parts=[[2003, 6]]),
        volume="6", issue="3", page="129-136", page_as_printed="129-36",
        doi="10.1016/s1368-7646(03)00040-2", publication_types=["Review"],
        relations=[Relation(kind="erratum_in", citation="Drug Resist Updat. 2003 Oct;6(5):296")],
    )
    return StoredRecord(id=4, key="chen2003strategies", record=record)


def breast_004() -> StoredRecord:
    record = Record(
        title="Biological and clinical significance of HER2 overexpression in breast cancer",
        container_title="Breast Cancer", issued=DateParts(date_parts=[[2001]]), volume="8",
        issue="1", page="45-51", doi="10.1007/BF02967477",
        publication_types=["Research Support, Non-U.S. Gov't", "Review"],
        mesh=[MeshHeading(descriptor=d, qualifier=q, major=m) for d, q, m in MESH_004],
        substances=["Antineoplastic Agents", "Biomarkers, Tumor", "Receptor, ErbB-2"],
    )
    return StoredRecord(id=5, key="biological2001", record=record)


def tricky() -> StoredRecord:
    """Invented: every optional field, odd characters, a corporate author, alternatives."""
    record = Record(
        type="report", title="Cost & effect: 20–30% of {HER2}‐positive cases in Zürich ~ $5",
        author=[Name(literal="World Health Organization"),
                Name(family="Cruz", given="Maria", non_dropping_particle="de la"),
                Name(family="Doe", given="John", suffix="Jr"), Name(family="万征")],
        container_title="Reports", container_title_short="Rep", publisher="WHO Press",
        issued=DateParts(date_parts=[[2020, 3], [2020, 5]], season=2, raw="2020 Spring"),
        available_date=DateParts(date_parts=[[2019, 12, 24]]), volume="2", issue="4",
        page="S3-S8", number_of_pages=6, doi="10.1000/abc_def(2020)12", pmid="12345678",
        pmcid="PMC123456", url="https://example.org/~who/her2%20report.pdf",
        issn=["1368-7646", "1532-2084"], abstract="Line one.\nLine two with \\ and ^.",
        keywords=["HER2", "ErbB-2 & EGFR"], original_type="RPRT", language="en",
        open_access=False, full_text_excerpt="1. Introduction …",
        relations=[Relation(kind="comment_in", citation="A. 2020;1:2"),
                   Relation(kind="comment_in", citation="B. 2021;3:4"),
                   Relation(kind="retraction_in", citation="C. 2022;5:6")],
        references=[CitedReference(title="Known", doi="10.1000/xyz", year=2001, record_id=3)],
    )
    alternatives = [Alternative(field="issued", value={"date-parts": [[2021]]},
                                source_sha256=SHA)]
    return StoredRecord(id=9, key="world2020cost", record=record, alternatives=alternatives)


def all_items() -> list[StoredRecord]:
    return [scilit_000(), chen_003(), breast_004(), tricky()]


def exported() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(csljson.export(all_items()))
    return data


def test_output_validates_against_the_vendored_schema() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema).check_schema(schema)
    jsonschema.validate(exported(), schema)
    assert csljson.validate(all_items()) == []


def test_validate_reports_bad_items() -> None:
    errors = csljson.validate([{"id": "x", "type": "journal-article", "keyword": ["a"]}])
    assert any(e.startswith("0/type: 'journal-article' is not one of") for e in errors)
    assert "0/keyword: ['a'] is not of type 'string'" in errors


def test_validate_without_jsonschema_names_the_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "jsonschema", None)  # makes `import jsonschema` fail
    with pytest.raises(ExportError, match="pip install jsonschema"):
        csljson.validate(all_items())


def test_csl_fields() -> None:
    scilit, chen, breast, odd = exported()
    assert chen["id"] == chen["citation-key"] == "chen2003strategies"
    assert chen["type"] == "article-journal"
    assert chen["author"] == [{"family": "Chen", "given": "Jin-Shing"}]
    assert chen["issued"] == {"date-parts": [[2003, 6]]}
    assert chen["page"] == "129-136"
    assert chen["DOI"] == "10.1016/s1368-7646(03)00040-2"
    assert chen["container-title"] == "Drug Resist Updat"
    assert scilit["issued"] == {"date-parts": [[2007, 1, 17]], "raw": "17 January 2007"}
    assert "author" not in scilit and "author" not in breast  # no empty lists
    assert odd["keyword"] == "HER2, ErbB-2 & EGFR"
    assert odd["ISSN"] == "1368-7646, 1532-2084"
    assert odd["author"][0] == {"literal": "World Health Organization"}
    assert odd["author"][1] == {"family": "Cruz", "given": "Maria",
                                "non-dropping-particle": "de la"}
    assert odd["author"][2]["suffix"] == "Jr"
    assert odd["issued"] == {"date-parts": [[2020, 3], [2020, 5]], "season": 2,
                             "raw": "2020 Spring"}
    assert odd["available-date"] == {"date-parts": [[2019, 12, 24]]}
    assert (odd["PMID"], odd["PMCID"], odd["number-of-pages"]) == ("12345678", "PMC123456", 6)
    assert odd["container-title-short"] == "Rep"
    assert odd["abstract"] == "Line one.\nLine two with \\ and ^."


def test_custom_names_scripts_rely_on() -> None:
    scilit, chen, breast, odd = exported()
    refs = scilit["custom"]["references"]
    assert len(refs) == 10
    assert refs[0] == {"title": SCILIT_REFERENCES[0][0], "container-title": "The Oncologist",
                      "year": 2006, "record_id": None}
    assert scilit["custom"]["publication_types"] == ["journal article", "review article"]
    assert scilit["custom"]["sources"] == [
        {"format": "scilit", "origin": "data/seeds/000_21f426c25603dadc.txt", "sha256": SHA}]
    assert (scilit["custom"]["open_access"], scilit["custom"]["top_cited"]) == (True, True)
    assert scilit["custom"]["references_total_stated"] == 57
    assert scilit["custom"]["record_id"] == 1
    assert chen["custom"] == {
        "record_id": 4, "authors_truncated": True, "page_as_printed": "129-36",
        "publication_types": ["Review"], "erratum_in": ["Drug Resist Updat. 2003 Oct;6(5):296"],
    }
    assert breast["custom"]["mesh"][1] == {"descriptor": "Biomarkers, Tumor",
                                           "qualifier": "metabolism", "major": True}
    assert [tuple(m.values()) for m in breast["custom"]["mesh"]] == [
        (d, m, q) for d, q, m in MESH_004]  # sorted keys: descriptor, major, qualifier
    assert breast["custom"]["substances"][2] == "Receptor, ErbB-2"
    custom = odd["custom"]
    assert custom["comment_in"] == ["A. 2020;1:2", "B. 2021;3:4"]
    assert custom["retraction_in"] == ["C. 2022;5:6"]
    assert custom["open_access"] is False  # False is information; None is left out
    assert "top_cited" not in custom and "authors_truncated" not in custom
    assert (custom["original_type"], custom["full_text_excerpt"]) == ("RPRT", "1. Introduction …")
    assert custom["references"] == [{"title": "Known", "container-title": None, "year": 2001,
                                     "record_id": 3, "DOI": "10.1000/xyz"}]
    assert custom["alternatives"] == [{"field": "issued", "value": {"date-parts": [[2021]]},
                                       "source_sha256": SHA}]


def _nulls_outside_custom(value: Any, path: str = "") -> list[str]:
    if value is None or value == [] or value == {}:
        return [path]
    if isinstance(value, dict):
        return [p for k, v in value.items() if k != "custom"
                for p in _nulls_outside_custom(v, f"{path}/{k}")]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _nulls_outside_custom(v, f"{path}/{i}")]
    return []


def test_no_nulls_or_empty_values_outside_custom() -> None:
    assert _nulls_outside_custom(exported()) == []


def test_to_csl_is_what_export_writes() -> None:
    assert exported() == [csljson.to_csl(item) for item in all_items()]


def test_output_is_deterministic_and_sorted() -> None:
    text = csljson.export(all_items())
    assert csljson.export(all_items()) == text
    assert text.startswith("[\n{") and text.endswith("}\n]\n") and "\r" not in text
    for line in text.splitlines()[1:-1]:
        item = json.loads(line.rstrip(","))
        assert line.rstrip(",") == json.dumps(item, ensure_ascii=False, sort_keys=True)
    assert "Zürich" in text  # UTF-8 kept, not \u-escaped


def test_empty_export_and_duplicate_keys() -> None:
    assert csljson.export([]) == "[]\n"
    item = chen_003()
    with pytest.raises(ExportError, match="share the citation key"):
        csljson.export([item, item.model_copy(update={"id": 8})])


def test_every_record_attribute_has_a_place() -> None:
    placed = csljson.CSL_FIELDS | csljson.CUSTOM_FIELDS | csljson.STRUCTURED
    assert placed == set(Record.model_fields)
    assert not csljson.CSL_FIELDS & csljson.CUSTOM_FIELDS


def test_registry() -> None:
    exporter = exporters.get("csl-json")
    assert exporter is csljson.EXPORTER
    assert (exporter.suffix, exporter.export) == (".json", csljson.export)


TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1)


@settings(max_examples=100, deadline=None)
@given(title=TEXT, keywords=st.lists(TEXT, max_size=3), family=TEXT.filter(str.strip))
def test_random_text_stays_valid_and_exact(title: str, keywords: list[str], family: str) -> None:
    record = Record(title=title, keywords=keywords, author=[Name(family=family)])
    item = StoredRecord(id=1, key="k", record=record)
    [back] = json.loads(csljson.export([item]))
    assert (back["title"], back["author"]) == (title, [{"family": family}])
    assert csljson.validate([back]) == []
