"""Pages a converter wrote (Markdown, lynx / w3m / pandoc dumps, one text node a line) are
read as a browser's copy of the page (parsers/_converted_text.py)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from her2kb import parsers
from her2kb.parsers._citation import parse_europe_pmc
from her2kb.parsers._converted_text import browser_text, is_converted, unwrapped, wrap_width
from her2kb.parsers._dump_leftovers import joined_nodes
from her2kb.parsers._pubmed_authors import fold_author_popups

from .conftest import SEEDS
from .page_golden import FURNITURE, SAMPLES, assert_matches_golden, sample_cases, strings

CONVERTED = sample_cases("converted")
PROSE = ("Invented patients received a made-up antibody under the skin or into a vein, and "
         "the invented chair time, the made-up preference and the invented trough levels were "
         "compared between the two routes in a crossover design over eight invented cycles. ")


@pytest.mark.parametrize("sample", CONVERTED, ids=lambda p: p.name)
def test_sample_matches_its_golden_file(sample: Path) -> None:
    assert_matches_golden(sample)


@pytest.mark.parametrize("sample", CONVERTED, ids=lambda p: p.name)
def test_no_markup_or_furniture_reaches_a_field(sample: Path) -> None:
    (entry,) = parsers.detect(sample.read_text("utf-8"), sample.name).parse(
        sample.read_text("utf-8"), sample.name)
    values = strings(entry.record.model_dump(exclude={"references"}))
    assert not [v for v in values if any(mark in v for mark in ("](", "**", "[1]", "(BUTTON)"))]
    assert not [v for v in values if any(word in v for word in FURNITURE)]


def test_browser_copies_and_exports_are_not_converted() -> None:
    """Only a converter's habits send a text this way: no other sample or seed qualifies."""
    others = [p for p in sorted(SAMPLES.rglob("*")) + sorted(SEEDS.iterdir())
              if p.is_file() and p.parent.name != "converted" and not p.name.endswith(".json")]
    flagged = [p.name for p in others
               if not parsers.is_markup(head := parsers.detection_head(
                   p.read_text("utf-8", errors="replace"))) and is_converted(head)]
    assert len(others) > 250 and flagged == []


@pytest.mark.parametrize("width", [72, 76, 78, 80])
def test_a_wrapped_paragraph_gives_its_width_and_joins_again(width: int) -> None:
    lines = textwrap.wrap(PROSE * 3, width, break_on_hyphens=False)
    assert wrap_width(lines) in range(width - 2, width + 1)
    assert unwrapped(lines, wrap_width(lines) or 0) == [" ".join(lines)]


def test_a_browser_copy_has_no_wrap_width() -> None:
    copy = ["Abstract", PROSE * 2, "Keywords: invented; made-up", "Affiliations",
            *[f"{n} Invented Department of Oncology, Made-up University Hospital, Town {n}."
              for n in range(1, 12)]]
    assert wrap_width(copy) is None


def test_unwrapping_keeps_real_breaks() -> None:
    lines = ["Invented Journal, 2021, Vol. 4, № 3, p. e1274 and then a few more words to go",
             "Publisher: Invented House",  # a labelled row starts a line of its own
             "Short line.", "Next line starts a new paragraph of invented text"]
    assert unwrapped(lines, 78) == lines
    assert unwrapped(["Invented results in made-up anti-", "HER2 models"], 30) == [
        "Invented results in made-up anti-HER2 models"]


def test_text_nodes_a_line_are_joined_back() -> None:
    nodes = ["Home", "", "  ", "/", "", "Articles", "Ann Berg", "", ",", "", "Carl Dahl",
             "Published:", "", "1 May 2020", "Journal", ",", "Volume 2", ", pp 1-9;"]
    assert joined_nodes(nodes) == ["Home / Articles", "Ann Berg, Carl Dahl",
                                   "Published: 1 May 2020", "Journal, Volume 2, pp 1-9;"]


@pytest.mark.parametrize(("converted", "plain"), [
    ("[Anna\nKowalska](/?term=K) 1 , [Tomas Wisner](/x) 2", "Anna Kowalska 1 , Tomas Wisner 2"),
    ("**Purpose:** Invented", "Purpose: Invented"),
    ("  * Breast Neoplasms\\* / drug therapy", "  Breast Neoplasms* / drug therapy"),
    ("  * PMID:  10000777 ", "PMID:  10000777"),
    ("## Abstract", "Abstract"),
    ("| Journal | Invented Reports |", "Journal\tInvented Reports"),
    ("[![Image 1: Logo](https://x/logo.svg)](https://x/)", ""),
    ("Yan Li ^1, Lei Sun ^2", "Yan Li, Lei Sun"),
    ("Read the terms <https://example.org/terms> here", "Read the terms here"),
    ("DOI: <https://doi.org/10.5555/x.1>", "DOI: https://doi.org/10.5555/x.1"),
    ("_Published in final edited form as:_ Invented J",
     "Published in final edited form as: Invented J"),
    ("snake_case_name stays", "snake_case_name stays"),
    ("Patients&#x27; choice &amp; made-up&nbsp;care", "Patients' choice & made-up\xa0care"),
    ("-   HER2", "HER2"),  # pandoc's and Turndown's list marker; `- ` alone is Scilit's own
    ("- 17 January 2007", "- 17 January 2007"),
])
def test_markup_becomes_what_a_browser_shows(converted: str, plain: str) -> None:
    assert browser_text(converted).strip("\n") == plain


def test_a_pmc_byline_with_its_pop_ups_written_out_is_one_line() -> None:
    """markdownify writes PMC's hidden author pop-ups: name, name again, `Find articles by`."""
    lines = ["Invented title of a made-up study", "", "Ann Berg", "", "Ann Berg",
             "Find articles by Ann Berg", "1,2,", "Carl Dahl", "Carl Dahl",
             "Find articles by Carl Dahl", "3", "Abstract"]
    assert fold_author_popups(lines) == ["Invented title of a made-up study", "",
                                         "Ann Berg, Carl Dahl", "Abstract"]


def test_a_europe_pmc_journal_line_joined_with_its_doi_link() -> None:
    """lynx prints the DOI link after the journal line; unwrapping joins the two."""
    cited = parse_europe_pmc("Invented Breast Cancer Res Treat, 21 Jan 2022, 191(2):327-338 "
                             "https://doi.org/10.5555/ibcrt.06452")
    assert cited is not None
    assert (cited.journal, cited.volume, cited.issue, cited.pages, cited.tokens) == (
        "Invented Breast Cancer Res Treat", "191", "2", "327-338", {"doi": "10.5555/ibcrt.06452"})


def test_unwrapping_joins_only_where_the_converter_broke_the_line() -> None:
    """A joined paragraph is long, but the next line is judged by the line above as written."""
    lines = [*textwrap.wrap(PROSE, 72, break_on_hyphens=False), "Department of Oncology",
             "Invented Town"]
    assert unwrapped(lines, 72) == [" ".join(lines[:-2]), "Department of Oncology",
                                    "Invented Town"]


def test_a_jina_header_goes_but_a_page_s_own_title_label_stays() -> None:
    text = ("Title: Invented page | Site\n\nURL Source: https://example.org/x\n\n"
            "Markdown Content:\nTitle: Invented record title\nAuthors: Ann Berg")
    assert browser_text(text).split("\n")[-2:] == ["Title: Invented record title",
                                                   "Authors: Ann Berg"]
