"""The small pure steps, one table each (values from formats.md §12)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from her2kb.dates import parse_medline_date, parse_written_date
from her2kb.identifiers import find_dois, normalize_doi, normalize_pmcid, normalize_pmid
from her2kb.names import family_given, given_family, parse_name, vancouver
from her2kb.normalize import normalize
from her2kb.pages import expand_pages
from her2kb.records import Record
from her2kb.text import clean_spaces, match_key, repair_mojibake


@pytest.mark.parametrize(("raw", "fixed"), [
    ("20¨C30%", "20–30%"), ("HER2¡ªpositive", "HER2—positive"), ("¡°quoted¡±", "“quoted”"),
    ("it¡¯s", "it’s"), ("5 ¦Ìg/ml", "5 μg/ml"), ("¦Á-helix", "α-helix"), ("¡Ý65", "≥65"),
    ("p¡Ü0.05", "p≤0.05"), ("37¡ãC", "37°C"), ("10¡À2", "10±2"), ("20â€“30%", "20–30%"),
    ("cafÃ©", "café"), ("20每30%", "20–30%"),
    ("Zürich café", "Zürich café"), ("naïve Ångström", "naïve Ångström"),
    ("©Elsevier", "©Elsevier"), ("¡Hola!", "¡Hola!"),
])
def test_repair_mojibake(raw: str, fixed: str) -> None:
    assert repair_mojibake(raw) == fixed


def test_spaces_and_match_key() -> None:
    assert clean_spaces("Jin-Shing\u00a0Chen\u200b  et\u2009al. ") == "Jin-Shing Chen et al."
    assert match_key("ErbB‐2‐Mediated (Zürich)–Positive") == "erbb 2 mediated zurich positive"


@pytest.mark.parametrize(("printed", "stored"), [
    ("129-36", "129-136"), ("977-984", "977-984"), ("1027-9", "1027-1029"), ("S3-8", "S3-S8"),
    ("D11-19", "D11-D19"), ("212-25, xi", "212-225, xi"),
    ("S3-8; discussion S8-10", "S3-S8; discussion S8-S10"), ("611-613, [614]", "611-613, [614]"),
    ("x15–x30", "x15-x30"), ("e2051", "e2051"), ("OF1", "OF1"), ("45-51", "45-51"),
    ("200-19", "200-219"), ("99-101", "99-101"), ("120-9", "120-129"),
])
def test_expand_pages(printed: str, stored: str) -> None:
    assert expand_pages(printed) == stored


@given(st.from_regex(r"[A-Z]?[0-9]{1,5}-[0-9]{1,5}", fullmatch=True))
def test_expand_pages_is_idempotent(printed: str) -> None:
    assert expand_pages(expand_pages(printed)) == expand_pages(printed)


@pytest.mark.parametrize(("raw", "doi"), [
    ("https://doi.org/10.1093/annonc/mdl475", "10.1093/annonc/mdl475"),
    ("http://dx.doi.org/10.1093/annonc/mdl475", "10.1093/annonc/mdl475"),
    ("doi: 10.1007/BF02967477.", "10.1007/BF02967477"),
    ("10.1234/x.2010.045 [doi]", "10.1234/x.2010.045"),
    ("doi:10.5402/2012/428062", "10.5402/2012/428062"),
    ("10.1016/s1368-7646(03)00040-2.", "10.1016/s1368-7646(03)00040-2"),
    ("(see 10.1234/abc)", "10.1234/abc"),
    ("10.1234%2Fabc", "10.1234/abc"),
    # Wiley SICI DOIs carry one `<n::AID-…>` part; other angle brackets end a DOI.
    ("doi: 10.1002/(SICI)1097-0215(19981023)79:5<487::AID-IJC9>3.0.CO;2-R.",
     "10.1002/(SICI)1097-0215(19981023)79:5<487::AID-IJC9>3.0.CO;2-R"),
    ("10.1234/abc</a>", "10.1234/abc"),
    ("10.1146/", None), ("doi: 10.1146/", None), ("", None), ("PMID: 123", None),
    # A copy without the line break after the DOI link glues the ID label below it on.
    ("https://doi.org/10.5555/ofp2.70034PMID:", "10.5555/ofp2.70034"),
    ("10.5555/abc.x12PMCID:", "10.5555/abc.x12"), ("10.5555/PMID", "10.5555/PMID"),
])
def test_normalize_doi(raw: str, doi: str | None) -> None:
    assert normalize_doi(raw) == doi


def test_ids() -> None:
    assert find_dois("a 10.1/x b 10.1234/A.b, and 10.1234/a.B.") == ["10.1234/A.b"]
    assert normalize_pmid("PMID: 12345678") == "12345678"
    assert normalize_pmid("123456789") is None
    assert normalize_pmcid("pmc 123") == "PMC123"
    # OpenAlex prints the ids as links; its PMC link drops the `PMC`. A bare number is no PMCID.
    assert normalize_pmid("https://pubmed.ncbi.nlm.nih.gov/10000999/") == "10000999"
    assert normalize_pmcid("https://www.ncbi.nlm.nih.gov/pmc/articles/1234567") == "PMC1234567"
    assert normalize_pmcid("https://pmc.ncbi.nlm.nih.gov/articles/PMC1234567/") == "PMC1234567"
    assert normalize_pmcid("1234567") is None
    assert normalize_pmid("https://example.org/10000999") is None


@pytest.mark.parametrize(("raw", "parts", "season"), [
    ("2003 Jun", [[2003, 6]], None), ("2010 May 1", [[2010, 5, 1]], None),
    ("2010 Nov-Dec", [[2010, 11], [2010, 12]], None), ("2010 Spring", [[2010]], 1),
    ("2009 Dec 30-2010 Jan 5", [[2009, 12, 30], [2010, 1, 5]], None),
    ("1999-2000", [[1999], [2000]], None), ("2001", [[2001]], None),
    ("2010 Fall-Winter", [[2010]], 3),
])
def test_medline_dates(raw: str, parts: list[list[int]], season: int | None) -> None:
    date = parse_medline_date(raw)
    assert date is not None
    assert (date["date_parts"], date.get("season")) == (parts, season)


@pytest.mark.parametrize(("raw", "parts"), [
    ("17 January 2007", [[2007, 1, 17]]), ("March 1, 2009", [[2009, 3, 1]]),
    ("January 2011", [[2011, 1]]), ("2009-03-01T00:00:00", [[2009, 3, 1]]),
    ("2010/05/01/", [[2010, 5, 1]]), ("/2009", [[2009]]), ("2010///", [[2010]]),
    ("September-October 2004", [[2004, 9], [2004, 10]]),
])
def test_written_dates(raw: str, parts: list[list[int]]) -> None:
    date = parse_written_date(raw)
    assert date is not None and date["date_parts"] == parts


def test_a_datetime_as_python_prints_it_is_its_date() -> None:
    assert parse_written_date("2021-07-14 00:00:00") == {"date_parts": [[2021, 7, 14]],
                                                         "raw": "2021-07-14 00:00:00"}


def test_unknown_dates_are_none() -> None:
    assert parse_medline_date("sometime soon") is None
    assert parse_written_date("Smarch 3, 2010") is None


@pytest.mark.parametrize(("parse", "raw", "name"), [
    (given_family, "Rita Nahta", {"family": "Nahta", "given": "Rita"}),
    (given_family, "Jin-Shing Chen", {"family": "Chen", "given": "Jin-Shing"}),
    (given_family, "Maria de la Cruz",
     {"family": "Cruz", "given": "Maria", "non_dropping_particle": "de la"}),
    (given_family, "Ruairí Ó Súilleabháin", {"family": "Ó Súilleabháin", "given": "Ruairí"}),
    (given_family, "Ahmed Ben Salah", {"family": "Ben Salah", "given": "Ahmed"}),
    (given_family, "Ben Okafor", {"family": "Okafor", "given": "Ben"}),
    # Two Iberian surnames joined by `de la` / `da`; a given name before them is no surname.
    (given_family, "Álvaro Gómez de la Torre", {"family": "Gómez de la Torre", "given": "Álvaro"}),
    (given_family, "Ana Paula Lopes da Silva", {"family": "Lopes da Silva", "given": "Ana Paula"}),
    (given_family, "Juan Carlos de la Fuente",
     {"family": "Fuente", "given": "Juan Carlos", "non_dropping_particle": "de la"}),
    (given_family, "Andrés de la Cruz",
     {"family": "Cruz", "given": "Andrés", "non_dropping_particle": "de la"}),
    (given_family, "Charles de Gaulle",
     {"family": "Gaulle", "given": "Charles", "non_dropping_particle": "de"}),
    (given_family, "Carmen Ruiz de la Torre", {"family": "Ruiz de la Torre", "given": "Carmen"}),
    # Two Iberian surnames side by side; a second given name, or a name not Iberian, stays.
    (given_family, "Sofía Echeverría Larrañaga",
     {"family": "Echeverría Larrañaga", "given": "Sofía"}),
    (given_family, "Catarina Vaz Pinto", {"family": "Vaz Pinto", "given": "Catarina"}),
    (given_family, "Javier Martín Sanz", {"family": "Martín Sanz", "given": "Javier"}),
    (given_family, "José Luis Rodríguez", {"family": "Rodríguez", "given": "José Luis"}),
    (given_family, "Ana Beatriz Gonçalves", {"family": "Gonçalves", "given": "Ana Beatriz"}),
    (given_family, "Marcos Vinícius Teixeira", {"family": "Teixeira", "given": "Marcos Vinícius"}),
    (given_family, "Ana Luísa Moreira", {"family": "Moreira", "given": "Ana Luísa"}),
    (given_family, "Thomas Garcia Smith", {"family": "Smith", "given": "Thomas Garcia"}),
    (given_family, "Marie Hélène Dubois", {"family": "Dubois", "given": "Marie Hélène"}),
    (given_family, "Maria de Fátima Costa", {"family": "Costa", "given": "Maria de Fátima"}),
    (given_family, "David Hughes Jones", {"family": "Jones", "given": "David Hughes"}),
    (given_family, "Hendrik Johannes de Jong",
     {"family": "Jong", "given": "Hendrik Johannes", "non_dropping_particle": "de"}),
    (given_family, "Francisco Javier Sánchez de Rojas",
     {"family": "Sánchez de Rojas", "given": "Francisco Javier"}),
    (given_family, "Ana Isabel de la Fuente Ruiz",
     {"family": "Fuente Ruiz", "given": "Ana Isabel", "non_dropping_particle": "de la"}),
    (given_family, "María del Carmen García-López",
     {"family": "García-López", "given": "María del Carmen"}),
    (parse_name, "Grupo Ibérico de Investigación en Cáncer de Mama",
     {"literal": "Grupo Ibérico de Investigación en Cáncer de Mama"}),
    (family_given, "de la Cruz, Maria",
     {"family": "Cruz", "given": "Maria", "non_dropping_particle": "de la"}),
    (family_given, "Doe, John, Jr", {"family": "Doe", "given": "John", "suffix": "Jr"}),
    (vancouver, "Valabrega GM", {"family": "Valabrega", "given": "G.M."}),
    (vancouver, "Doe JA Jr", {"family": "Doe", "given": "J.A.", "suffix": "Jr"}),
    (vancouver, "Dubois-Mercier É", {"family": "Dubois-Mercier", "given": "É."}),
    (vancouver, "Ødegaard ÅK", {"family": "Ødegaard", "given": "Å.K."}),
    (parse_name, "WHO Collaborative Group", {"literal": "WHO Collaborative Group"}),
    (parse_name, "Nahta, R.", {"family": "Nahta", "given": "R."}),
])
def test_names(parse: Any, raw: str, name: dict[str, str]) -> None:
    assert parse(raw) == name


def test_normalize_pipeline() -> None:
    body = "x" * 250
    record = Record(title=" A\u00a0title ", page="129-36",
                    abstract=f"{body}. 1. Introduction The body 20¨C30% goes on.",
                    keywords=["a", "b", "a"])
    out = normalize(record)
    assert out.title == "A title"
    assert (out.page, out.page_as_printed) == ("129-136", "129-36")
    assert out.abstract == f"{body}."
    assert out.full_text_excerpt == "1. Introduction The body 20–30% goes on."
    assert out.keywords == ["a", "b"]
    assert normalize(out) == out


def test_repair_drops_invisible_names_and_empty_strings() -> None:
    from her2kb.records import Name

    record = Record(title="\u200b", author=[Name(family="\u200b\u00a0"), Name(family="Ok")],
                    keywords=["\u00a0", "x"])
    out = normalize(record)
    assert (out.title, [a.family for a in out.author], out.keywords) == (None, ["Ok"], ["x"])


def test_structured_abstract_labels_are_not_a_body() -> None:
    text = ("Background " + "x " * 120 + "end. Methods We analysed things. Results Fine. "
            "Conclusions Good.")
    out = normalize(Record(title="t", abstract=text))
    assert out.abstract == " ".join(text.split())
    assert out.full_text_excerpt is None


def test_written_year_and_month_keeps_the_month() -> None:
    date = parse_written_date("2007 Mar")
    assert date is not None and date["date_parts"] == [[2007, 3]]


@pytest.mark.parametrize(("raw", "family"), [
    ("María Dolores de la Fuente", "de la Fuente"),  # a given name ending in -es
    ("João Lopes do Carmo", "Lopes do Carmo"),
    ("Rosa Pérez de los Ríos", "Pérez de los Ríos"),
])
def test_iberian_surnames_joined_by_particles(raw: str, family: str) -> None:
    name = given_family(raw)
    assert name is not None
    assert " ".join(filter(None, (name.get("non_dropping_particle"), name["family"]))) == family
