"""BibTeX export: a hand-written golden, escaping and case rules, and agreement of two readers.

pybtex (strict) and bibtexparser v2 must both read the output and give back the
record's own values once LaTeX is decoded with pylatexenc (which also drops the
case-protection braces).
"""

from __future__ import annotations

from typing import Any

import bibtexparser
import pybtex.database
import pytest
from bibtexparser.middlewares import SeparateCoAuthors, SplitNameParts
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

from her2kb import exporters
from her2kb.errors import ExportError
from her2kb.exporters import _bibtex_names, bibtex
from her2kb.exporters import _bibtex_text as bibtex_text
from her2kb.records import DateParts, Name, Record, Relation, StoredRecord

# pylatexenc reads \textasciicircum as U+02C6 and does not know the text-mode brace
# macros; LaTeX prints `^`, `{` and `}` for them.
_CONTEXT = get_default_latex_context_db()
_CONTEXT.add_context_category("her2kb-tests", prepend=True, macros=[
    MacroTextSpec("textasciicircum", "^"),
    MacroTextSpec("textbraceleft", "{"),
    MacroTextSpec("textbraceright", "}"),
])
DECODER = LatexNodes2Text(latex_context=_CONTEXT)
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")

ABSTRACT_003 = (
    "Amplification or overexpression of the HER2/neu (also known as erbB-2) gene has been "
    "noted in various types of human cancers. Further elucidation of HER2/neu-mediated "
    "pathways and downstream molecules is critical to provide alternative therapies, overcome "
    "drug resistance, and improve the therapeutic outcome for HER2/neu-overexpressing cancer "
    "patients."
)


def chen_2003(abstract: str | None = ABSTRACT_003) -> StoredRecord:
    """Seed 003 (PubMed page): one truncated author, pages printed `129-36`, an erratum."""
    return StoredRecord(id=4, key="chen2003strategies", record=Record(
        title="Strategies to target HER2/neu overexpression for cancer therapy",
        author=[Name(family="Chen", given="Jin-Shing")], authors_truncated=True,
        container_title="Drug Resist Updat", issued=DateParts(date_parts=[[2003, 6]]),
        volume="6", issue="3", page="129-136", page_as_printed="129-36",
        doi="10.1016/s1368-7646(03)00040-2", publication_types=["Review"], abstract=abstract,
        relations=[Relation(kind="erratum_in", citation="Drug Resist Updat. 2003 Oct;6(5):296")],
    ))


def who_2020() -> StoredRecord:
    """Invented: a report by a corporate author, with a particle and a suffix."""
    return StoredRecord(id=9, key="world2020her2", record=Record(
        type="report", title="HER2 testing & costs: 20–30% of cases in Zürich",
        author=[Name(literal="World Health Organization"),
                Name(family="Cruz", given="Maria", non_dropping_particle="de la"),
                Name(family="Doe", given="John", suffix="Jr")],
        issued=DateParts(date_parts=[[2020]]), page="S3-S8", publisher="WHO Press",
        url="https://example.org/~who/her2%20report.pdf",
    ))


GOLDEN = r"""@article{chen2003strategies,
  author = {Chen, Jin-Shing and others},
  title = {Strategies to target {HER2}/neu overexpression for cancer therapy},
  journal = {Drug Resist Updat},
  year = {2003},
  month = jun,
  volume = {6},
  number = {3},
  pages = {129--136},
  doi = {10.1016/s1368-7646(03)00040-2}
}

@techreport{world2020her2,
  author = {{World Health Organization} and de la Cruz, Maria and Doe, Jr, John},
  title = {{HER2} testing \& costs: 20–30\% of cases in Zürich},
  year = {2020},
  pages = {S3--S8},
  institution = {WHO Press},
  url = {https://example.org/~who/her2%20report.pdf}
}
"""


def sample_items() -> list[StoredRecord]:
    """The seeds' values plus invented records full of TeX specials."""
    tricky = Record(
        title=("Cost & effect of $5 #1 HER2_low {sub}group ~ x^2 \\ path: 20–30% in Zürich, "
               "HER2‐positive mAb and ErbB-2 -- ``quoted'' text"),
        author=[Name(family="Käkönen", given="Sanna-Maria"),
                Name(family="Cruz", given="Maria", non_dropping_particle="de la"),
                Name(family="Roe", suffix="III"),
                Name(literal="Johnson & Johnson Research Group"),
                Name(family="Smith, Barney", given="Anne and Bob")],
        container_title="Journal of R&D {Studies}", container_title_short="J R&D",
        issued=DateParts(date_parts=[[2019, 12, 24]]), volume="12", issue="3-4",
        page="e2051", number_of_pages=9, publisher="Springer & Co",
        issn=["1368-7646", "1532-2084"], doi="10.1000/abc_def(2020)12",
        url="https://example.org/~lab/paper%20one.pdf?id=a_b#sec", pmid="12345678",
        pmcid="PMC123456", language="en", keywords=["HER2", "ErbB-2 & EGFR", "50% rule"],
        abstract="A lone { brace, 100% of $ and # and _ and ~ and ^ and \\\nline two @article{y}",
    )
    chapter = Record(type="chapter", title="DNA repair in HER2 cells",
                     author=[Name(family="万征")], container_title="Methods in Oncology",
                     issued=DateParts(date_parts=[[2011]]), publisher="Humana")
    scilit = Record(
        title=("Trastuzumab: mechanism of action, resistance and future perspectives in "
               "HER2-overexpressing breast cancer"),
        container_title="Annals of Oncology", publisher="Elsevier",
        issued=DateParts(date_parts=[[2007, 1, 17]]), volume="18", issue="6", page="977-984",
        doi="10.1093/annonc/mdl475", open_access=True, top_cited=True,
    )
    nahta = Record(
        title=("Molecular Mechanisms of Trastuzumab-Based Treatment in HER2-Overexpressing "
               "Breast Cancer"),
        author=[Name(family="Nahta", given="Rita")], container_title="ISRN Oncology",
        issued=DateParts(date_parts=[[2012]]), doi="10.5402/2012/428062",
        url="http://www.hindawi.com/journals/isrn.oncology/2012/428062/",
        abstract="The HER2 receptor is overexpressed in 20–30% of metastatic breast cancers.",
    )
    records = [tricky, chapter, scilit, nahta]
    keys = ["kakonen2019cost", "wanzheng2011dna", "trastuzumab2007", "nahta2012molecular"]
    pairs = enumerate(zip(keys, records, strict=True))
    made = [StoredRecord(id=i, key=k, record=r) for i, (k, r) in pairs]
    return [*made, chen_2003(), who_2020()]


# What a reader must find, by BibTeX field, for each CSL type used above.
CONTAINER = {"article-journal": "journal", "chapter": "booktitle", "report": "series"}
PUBLISHER = {"report": "institution"}


def expected_fields(record: Record) -> dict[str, str]:
    values: dict[str, Any] = {
        "title": record.title, CONTAINER[record.type]: record.container_title,
        "shortjournal": record.container_title_short, "year": record.year,
        "volume": record.volume, "number": record.issue, "pages": record.page,
        "pagetotal": record.number_of_pages,
        PUBLISHER.get(record.type, "publisher"): record.publisher,
        "issn": ", ".join(record.issn), "doi": record.doi, "url": record.url,
        "pmid": record.pmid, "pmcid": record.pmcid, "language": record.language,
        "keywords": ", ".join(record.keywords), "abstract": record.abstract,
    }
    return {k: " ".join(str(v).split()) for k, v in values.items() if v not in (None, "")}


def expected_names(record: Record) -> list[tuple[str, str, str]]:
    names = [
        (n.literal, "", "") if n.literal else
        (" ".join(p for p in (n.non_dropping_particle, n.family) if p), n.given or "",
         n.suffix or "")
        for n in record.author
    ]
    return [*names, ("others", "", "")] if record.authors_truncated else names


def decode(field: str, value: str) -> str:
    if field in {"doi", "url"}:
        return value  # verbatim
    text = DECODER.latex_to_text(value)
    return text.replace("–", "-") if field == "pages" else text


def joined(parts: list[str]) -> str:
    return " ".join(DECODER.latex_to_text(part) for part in parts)


def read_pybtex(text: str) -> dict[str, tuple[dict[str, str], list[tuple[str, str, str]]]]:
    data = pybtex.database.parse_string(text, "bibtex")  # strict: raises on any error
    result = {}
    for key, entry in data.entries.items():
        fields = {name.lower(): decode(name.lower(), value) for name, value in entry.fields.items()}
        names = [(joined(p.prelast_names + p.last_names), joined(p.first_names + p.middle_names),
                  joined(p.lineage_names)) for p in entry.persons.get("author", [])]
        result[key] = (fields, names)
    return result


def read_bibtexparser(text: str) -> dict[str, tuple[dict[str, str], list[tuple[str, str, str]]]]:
    library = bibtexparser.parse_string(
        text, append_middleware=[SeparateCoAuthors(), SplitNameParts()]
    )
    assert not library.failed_blocks, [b.error for b in library.failed_blocks]
    result = {}
    for entry in library.entries:
        fields = {f.key: decode(f.key, f.value) for f in entry.fields if f.key != "author"}
        authors = entry.fields_dict["author"].value if "author" in entry.fields_dict else []
        names = [(joined(n.von + n.last), joined(n.first), joined(n.jr)) for n in authors]
        result[entry.key] = (fields, names)
    return result


@pytest.mark.parametrize("reader", [read_pybtex, read_bibtexparser])
def test_both_readers_give_back_the_records_values(reader: Any) -> None:
    items = sample_items()
    read = reader(bibtex.export(items))
    assert list(read) == [item.key for item in items]
    for item in items:
        fields, names = read[item.key]
        month = fields.pop("month", None)
        assert fields == expected_fields(item.record), item.key
        assert names == expected_names(item.record), item.key
        issued = item.record.issued
        if issued and len(issued.date_parts[0]) > 1:
            number = issued.date_parts[0][1]
            assert month in {bibtex.MONTHS[number - 1], MONTH_NAMES[number - 1]}
        else:
            assert month is None


def test_golden() -> None:
    assert bibtex.export([chen_2003(abstract=None), who_2020()]) == GOLDEN


def test_output_is_deterministic() -> None:
    first = bibtex.export(sample_items())
    assert bibtex.export(sample_items()) == first
    assert "\r" not in first
    assert first.endswith("}\n")


def test_entry_types_and_renamed_fields() -> None:
    text = bibtex.export(sample_items())
    assert "@incollection{wanzheng2011dna," in text
    assert "  booktitle = {{DNA} repair" not in text  # the container is not the title
    assert "  booktitle = {Methods in Oncology}" in text
    assert "  title = {{DNA} repair in {HER2} cells}" in text
    assert "@techreport{world2020her2," in text
    assert "  month = dec" in text


@pytest.mark.parametrize(("raw", "written"), [
    ("a & b", r"a \& b"), ("100%", r"100\%"), ("$5", r"\$5"), ("#1", r"\#1"),
    ("a_b", r"a\_b"), ("{x}", r"\{x\}"), ("a ~ b", r"a \textasciitilde{} b"),
    ("x^2", r"x\textasciicircum{}2"), ("C:\\dir", r"C:\textbackslash{}dir"),
    ("a { b", r"a \textbraceleft{} b"), ("} a {", r"\textbraceright{} a \textbraceleft{}"),
    ("a -- b --- c", "a -{}- b -{}-{}- c"), ("``q''", "`{}`q'{}'"), ("¡!` ¿?`", "¡!{}` ¿?{}`"),
    ("20–30% in Zürich", r"20–30\% in Zürich"), ("  two\n lines ", "two lines"),
])
def test_escape(raw: str, written: str) -> None:
    assert bibtex_text.escape(raw) == written


@pytest.mark.parametrize(("raw", "written"), [
    ("HER2-positive breast cancer", "{HER2}-positive breast cancer"),
    ("HER2‐positive", "{HER2}‐positive"),  # U+2010 hyphen
    ("Trastuzumab is a humanized mAb", "Trastuzumab is a humanized {mAb}"),
    ("ErbB‐2‐mediated angiogenesis", "{ErbB}‐2‐mediated angiogenesis"),
    ("DNA repair and ÉTAT", "{DNA} repair and {ÉTAT}"),
    ("Hepatitis B virus", "Hepatitis {B} virus"),
    ("A study in Zürich", "A study in Zürich"),
    ("HER2_low & R\\D", r"{HER2}\_low \& {R}\textbackslash{}{D}"),
    ("{HER2}", r"\{{HER2}\}"),
])
def test_case_protection_after_escaping(raw: str, written: str) -> None:
    assert bibtex_text.protect_case(bibtex_text.escape(raw)) == written


def test_verbatim_fields_are_not_escaped() -> None:
    text = bibtex.export(sample_items()[:1])
    assert "  doi = {10.1000/abc_def(2020)12}," in text
    assert "  url = {https://example.org/~lab/paper%20one.pdf?id=a_b#sec}," in text


@pytest.mark.parametrize(("name", "written"), [
    (Name(family="Cruz", given="Maria", non_dropping_particle="de la"), "de la Cruz, Maria"),
    (Name(family="Doe", given="John", suffix="Jr"), "Doe, Jr, John"),
    (Name(family="Roe", suffix="III"), "Roe, III, {}"),
    (Name(literal="World Health Organization"), "{World Health Organization}"),
    (Name(family="Chen", given="Jin-Shing"), "Chen, Jin-Shing"),
    (Name(family="Smith, Barney", given="Anne and Bob"), "{Smith, Barney}, {Anne and Bob}"),
])
def test_names(name: Name, written: str) -> None:
    assert _bibtex_names.format_name(name) == written


def test_duplicate_and_unwritable_keys_are_refused() -> None:
    item = chen_2003()
    with pytest.raises(ExportError, match="share the citation key 'chen2003strategies'"):
        bibtex.export([item, item.model_copy(update={"id": 5})])
    with pytest.raises(ExportError, match="cannot be written in BibTeX"):
        bibtex.export([item.model_copy(update={"key": "chen 2003,x"})])


def test_registry() -> None:
    assert exporters.names()[:2] == ["bibtex", "csl-json"]
    assert exporters.get("BibTeX") is bibtex.EXPORTER
    assert bibtex.EXPORTER.suffix == ".bib"
    with pytest.raises(ExportError, match="choose one of: bibtex, csl-json"):
        exporters.get("nope")


def test_field_map_decides_every_record_attribute() -> None:
    assert set(bibtex.FIELD_MAP) == set(Record.model_fields)


def test_empty_export_and_empty_record() -> None:
    assert bibtex.export([]) == ""
    text = bibtex.export([StoredRecord(id=1, key="k", record=Record())])
    assert text == "@article{k,\n}\n"
    assert read_pybtex(text) == read_bibtexparser(text) == {"k": ({}, [])}


TITLE_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1)


@settings(max_examples=100, deadline=None)
@given(TITLE_TEXT)
def test_random_titles_survive_both_readers(title: str) -> None:
    assume(title.strip())
    text = bibtex.export([StoredRecord(id=1, key="k", record=Record(title=title))])
    want = " ".join(title.split())
    assert read_bibtexparser(text)["k"][0]["title"] == want
    assert read_pybtex(text)["k"][0]["title"] == want
