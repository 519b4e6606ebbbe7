"""BibLaTeX export, and the BibTeX-family round trip: write, read back, write again.

The round trip is a contract (architecture.md §7): `normalize(parse(export(R)))` equals
R projected on what the format carries (`project`, which spells out every loss), and
exporting what was read gives the same bytes. pybtex (strict) and bibtexparser read
our BibLaTeX too.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from her2kb import exporters
from her2kb.exporters import biblatex, bibtex
from her2kb.normalize import normalize
from her2kb.parsers import ParsedEntry, _bibtex_map
from her2kb.parsers import bibtex as reader
from her2kb.records import CslType, DateParts, Name, Record, StoredRecord

from .conftest import run
from .test_export_bibtex import chen_2003, read_bibtexparser, read_pybtex, sample_items, who_2020

GOLDEN = r"""@article{chen2003strategies,
  author = {Chen, Jin-Shing and others},
  title = {Strategies to target {HER2}/neu overexpression for cancer therapy},
  journaltitle = {Drug Resist Updat},
  date = {2003-06},
  volume = {6},
  number = {3},
  pages = {129--136},
  doi = {10.1016/s1368-7646(03)00040-2}
}

@report{world2020her2,
  author = {{World Health Organization} and de la Cruz, Maria and Doe, Jr, John},
  title = {{HER2} testing \& costs: 20–30\% of cases in Zürich},
  date = {2020},
  pages = {S3--S8},
  institution = {WHO Press},
  url = {https://example.org/~who/her2%20report.pdf}
}
"""


def test_golden() -> None:
    assert biblatex.export([chen_2003(abstract=None), who_2020()]) == GOLDEN


@pytest.mark.parametrize(("parts", "season", "written"), [
    ([[2003]], None, "2003"), ([[2003, 6]], None, "2003-06"), ([[2003, 6, 5]], None, "2003-06-05"),
    ([[2003, 6], [2003, 8]], None, "2003-06/2003-08"), ([[2003]], 1, "2003-21"),
    ([[2003]], 4, "2003-24"), ([[2003, 6]], 2, "2003-06"),
])
def test_iso_dates(parts: list[list[int]], season: int | None, written: str) -> None:
    assert biblatex.iso_date(DateParts(date_parts=parts, season=season)) == written


def test_biblatex_fields() -> None:
    record = Record(
        type="article-newspaper", title="T", container_title="Invented Times",
        container_title_short="Inv Times", pmid="12345678", pmcid="PMC1", language="en-GB",
        issued=DateParts(date_parts=[[2019, 2, 3]]), accessed=DateParts(date_parts=[[2020, 1]]),
        publisher_place="Lyon",
    )
    text = biblatex.export([StoredRecord(id=1, key="k", record=record)])
    assert text == (
        "@article{k,\n  entrysubtype = {newspaper},\n  title = {T},\n"
        "  journaltitle = {Invented Times},\n  shortjournal = {Inv Times},\n"
        "  date = {2019-02-03},\n  location = {Lyon},\n  urldate = {2020-01},\n"
        "  eprint = {12345678},\n  eprinttype = {pubmed},\n  pmcid = {PMC1},\n"
        "  language = {en-GB},\n  langid = {english}\n}\n"
    )


@pytest.mark.parametrize(("csl", "bibtype", "container"), [
    ("webpage", "online", "organization"), ("report", "report", "maintitle"),
    ("thesis", "thesis", "maintitle"), ("chapter", "incollection", "booktitle"),
    ("article", "misc", "howpublished"), ("manuscript", "unpublished", "howpublished"),
])
def test_types_and_container_fields(csl: CslType, bibtype: str, container: str) -> None:
    record = Record(type=csl, title="T", container_title="C", publisher="P")
    text = biblatex.export([StoredRecord(id=1, key="k", record=record)])
    assert text.startswith(f"@{bibtype}{{k,")
    assert f"  {container} = {{C}}" in text


def test_registry() -> None:
    assert exporters.get("biblatex") is biblatex.EXPORTER
    assert biblatex.EXPORTER.export_ascii is biblatex.export_ascii
    assert biblatex.EXPORTER.carries >= {"issued", "accessed", "pmid", "container_title_short"}


def test_field_map_decides_every_record_attribute() -> None:
    assert set(biblatex.FIELD_MAP) == set(Record.model_fields)


@pytest.mark.parametrize("oracle", [read_pybtex, read_bibtexparser])
def test_other_readers_accept_our_biblatex(oracle: Any) -> None:
    items = sample_items()
    found = oracle(biblatex.export(items))
    assert list(found) == [item.key for item in items]
    for item in items:
        fields, _ = found[item.key]
        if item.record.title:
            assert fields["title"] == " ".join(item.record.title.split())
        if item.record.doi:
            assert fields["doi"] == item.record.doi


# --- the round trip ---------------------------------------------------------------------

FAMILIES = ["Chen", "Käkönen", "O'Neill", "Müller-Lange", "Nguyen", "Ødegaard", "Łukasiewicz",
            "Santos Silva", "Ng", "Smith"]
GIVENS = [None, "Jin-Shing", "Maria", "J. A.", "Sanna-Maria", "Ángel", "Zoë"]
PARTICLES = [None, None, "de la", "van der", "von"]
SUFFIXES = [None, None, "Jr", "III", "Sr."]
LITERALS = ["World Health Organization", "Johnson & Johnson Research Group",
            "HER2 Study Group {Europe}", "万征"]
# Titles and other text: letters of several scripts plus everything TeX treats specially.
TEXT = st.text(
    alphabet=st.one_of(st.characters(categories=("Lu", "Ll", "Nd")),
                       st.sampled_from(list(" &%$#_{}~^\\-–‐‑'`\".,:;!?()/@«»<>—"))),
    min_size=1, max_size=40,
)
WORD = st.text(alphabet=st.characters(categories=("Lu", "Ll")), min_size=1, max_size=10)


@st.composite
def names(draw: st.DrawFn) -> Name:
    if draw(st.integers(0, 5)) == 0:
        return Name(literal=draw(st.sampled_from(LITERALS)))
    return Name(family=draw(st.sampled_from(FAMILIES)), given=draw(st.sampled_from(GIVENS)),
                non_dropping_particle=draw(st.sampled_from(PARTICLES)),
                suffix=draw(st.sampled_from(SUFFIXES)))


@st.composite
def dates(draw: st.DrawFn) -> DateParts:
    start = [draw(st.integers(1900, 2025))]
    start += draw(st.sampled_from([[], [draw(st.integers(1, 12))],
                                   [draw(st.integers(1, 12)), draw(st.integers(1, 28))]]))
    parts = [start]
    if draw(st.booleans()) and draw(st.booleans()):
        parts.append([start[0] + draw(st.integers(0, 2))])
    season = draw(st.sampled_from([None, 1, 3])) if parts == [[start[0]]] else None
    return DateParts(date_parts=parts, season=season)


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


def regex(pattern: str) -> st.SearchStrategy[str]:
    return st.from_regex(re.compile(pattern), fullmatch=True)


def bib_fields(text: st.SearchStrategy[str], word: st.SearchStrategy[str]
               ) -> dict[str, st.SearchStrategy[Any]]:
    """Record attributes the BibTeX family writes, with text drawn from `text` and `word`."""
    return {
        "type": st.sampled_from(list(CslType.__args__)),  # type: ignore[attr-defined]
        "title": text.map(lambda t: "A " + t),
        "author": st.lists(names(), max_size=4), "authors_truncated": st.booleans(),
        "editor": st.lists(names(), max_size=2),
        "container_title": optional(text), "container_title_short": optional(word),
        "collection_title": optional(text), "publisher": optional(text),
        "publisher_place": optional(word), "edition": optional(st.sampled_from(["2", "2nd"])),
        "issued": optional(dates()), "accessed": optional(dates()),
        "volume": optional(regex(r"[1-9][0-9]{0,2}( Suppl [1-3])?")),
        "issue": optional(regex(r"[1-9][0-9]?(-[1-9][0-9]?)?")),
        "page": optional(regex(r"(e[1-9][0-9]{0,4}|S?[1-9][0-9]{0,3}(-[1-9][0-9]{0,3})?)")),
        "number": optional(regex(r"e[1-9][0-9]{0,3}")),
        "number_of_pages": optional(st.integers(1, 999)),
        "doi": optional(regex(r"10\.[1-9][0-9]{3,5}/[a-z0-9]([a-z0-9._;:()/-]{0,20}[a-z0-9])?")),
        "url": optional(regex(r"https://example\.org/[a-z0-9_~%./-]{0,20}(\?q=a_b#frag)?")),
        "pmid": optional(regex(r"[1-9][0-9]{0,7}")),
        "pmcid": optional(regex(r"PMC[1-9][0-9]{0,6}")),
        "issn": st.lists(st.sampled_from(["1368-7646", "1532-2084", "0007-0920"]), max_size=2),
        "isbn": st.lists(st.sampled_from(["9780123456789", "9783161484100"]), max_size=1),
        "language": optional(st.sampled_from(["en", "eng", "English", "fr", "de-DE", "xx"])),
        "keywords": st.lists(word, max_size=3),
        "abstract": optional(st.lists(text, min_size=1, max_size=3).map("\n".join)),
        "note": optional(text),
    }


def record_strategy(extra: dict[str, st.SearchStrategy[Any]] | None = None,
                    text: st.SearchStrategy[str] = TEXT, word: st.SearchStrategy[str] = WORD
                    ) -> st.SearchStrategy[Record]:
    """Normalised records: what a library stores, hence what export sees."""
    fields = bib_fields(text, word) | (extra or {})
    return st.fixed_dictionaries(fields).map(lambda data: normalize(Record(**data)))


def _first_date(date: DateParts | None, keep_day: bool) -> DateParts | None:
    if date is None:
        return None
    if keep_day:  # BibLaTeX: the full date; EDTF has a season only on a bare year
        season = date.season if date.date_parts == [[date.year]] else None
        return DateParts(date_parts=date.date_parts, season=season)
    return DateParts(date_parts=[date.date_parts[0][:2]])  # BibTeX: year and month


def project(record: Record, fmt: str) -> Record:
    """What `fmt` keeps of a record; each difference is a loss the format cannot avoid."""
    exporter = exporters.get(fmt)
    data: dict[str, Any] = {attr: getattr(record, attr) for attr in exporter.carries}
    written = (bibtex.TYPE_MAP.get(record.type, bibtex.DEFAULT_TYPE) if fmt == "bibtex"
               else biblatex.TYPE_MAP.get(record.type, biblatex.DEFAULT_TYPE))
    # Entry types are coarser than CSL types (a review is an @article, a webpage @misc in BibTeX).
    data["type"] = _bibtex_map.TYPE_MAP[written]
    if fmt == "biblatex" and record.type in biblatex.SUBTYPES:
        data["type"] = record.type
    # ORCID and affiliations have no BibTeX field.
    for role in ("author", "editor"):
        data[role] = [name.model_copy(update={"orcid": None, "affiliations": []})
                      for name in getattr(record, role)]
    data["issued"] = _first_date(record.issued, keep_day=fmt == "biblatex")
    data["accessed"] = _first_date(record.accessed, keep_day=True) if fmt == "biblatex" else None
    # `and others` needs a name before it: without authors there is no author field.
    data["authors_truncated"] = record.authors_truncated and bool(record.author)
    # BibTeX treats every run of whitespace as one space; the joined text is normalised
    # again, since ftfy may read `Â` + space as mojibake where `Â` + newline was not.
    if record.abstract:
        data["abstract"] = " ".join(record.abstract.split())
    return normalize(Record(**data))


def assert_same(got: Record, want: Record) -> None:
    """Equal records; on failure the message lists only the differing fields."""
    a, b = got.model_dump(by_alias=False), want.model_dump(by_alias=False)
    assert got == want, {key: (a[key], b[key]) for key in a if a[key] != b[key]}


def round_trip(fmt: str, records: list[Record]) -> tuple[list[Record], str, str]:
    """(records read back, normalised; the export; the export of what was read, as read)."""
    exporter = exporters.get(fmt)
    items = [StoredRecord(id=n, key=f"k{n}", record=r) for n, r in enumerate(records)]
    text = exporter.export(items)
    parsed = list(reader.FORMAT.parse(text, f"round-trip.{fmt}"))
    assert all(isinstance(entry, ParsedEntry) for entry in parsed), parsed
    read = [entry.record for entry in parsed if isinstance(entry, ParsedEntry)]
    again = exporter.export([item.model_copy(update={"record": record})
                             for item, record in zip(items, read, strict=True)])
    return [normalize(record) for record in read], text, again


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex"])
def test_round_trip_of_hand_built_records(fmt: str) -> None:
    records = [normalize(item.record) for item in sample_items()]
    records.append(normalize(Record(
        type="book", title="A book in a series", container_title="Container",
        author=[Name(family="Santos Silva"), Name(family="Berg", non_dropping_particle="van der")],
        issued=DateParts(date_parts=[[2001]], season=2), language="fr",
    )))
    back, text, again = round_trip(fmt, records)
    for got, record in zip(back, records, strict=True):
        assert_same(got, project(record, fmt))
    assert again == text


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex"])
@settings(max_examples=100, deadline=None)
@given(record=record_strategy())
def test_round_trip_of_generated_records(fmt: str, record: Record) -> None:
    (back,), text, again = round_trip(fmt, [record])
    assert_same(back, project(record, fmt))
    assert again == text


@pytest.mark.parametrize("fmt", ["biblatex", "bibtex"])
def test_cli_ingest_export_ingest_export_is_identical(tmp_path: Path, fmt: str) -> None:
    """The samples go in, out as BibLaTeX/BibTeX, into an empty library, and out again."""
    samples = Path(__file__).parent / "samples"
    first_db, second_db = str(tmp_path / "one.sqlite"), str(tmp_path / "two.sqlite")
    run("--db", first_db, "ingest", str(samples / "bibtex"), str(samples / "csljson"))
    first, second = tmp_path / "first.bib", tmp_path / "second.bib"
    assert run("--db", first_db, "export", f"--{fmt}", "-o", str(first)).exit_code == 0
    assert run("--db", second_db, "ingest", str(first)).exit_code == 0
    assert run("--db", second_db, "export", f"--{fmt}", "-o", str(second)).exit_code == 0
    assert first.read_text("utf-8").count("\n@") == 25
    assert second.read_text("utf-8") == first.read_text("utf-8")
