"""One-line reader calls for what blind rounds P43-P48 found (bench/pages): each case
failed before its fix. Whole-page cases are samples with golden files."""

from __future__ import annotations

from pathlib import Path

import pytest

from her2kb import parsers
from her2kb.names import given_family
from her2kb.parsers._ingenta_values import blurb_journal
from her2kb.parsers._ouci_values import labelled
from her2kb.parsers._passed_on_text import (
    is_mail_quoted,
    is_printed_page,
    printed_page_text,
)
from her2kb.parsers._pubmed_terms import type_row
from her2kb.parsers._source_merge import merge_sources, words_held
from her2kb.parsers._text_article_type import printed_type
from her2kb.parsers._text_cited_names import completed, respelled
from her2kb.parsers._text_names import names_line
from her2kb.parsers._text_numbering import journal_citation
from her2kb.parsers._text_record_blocks import about_this_article
from her2kb.pipeline import for_parsing

SAMPLES = Path(__file__).parent / "samples"


@pytest.mark.parametrize(("line", "names"), [
    # NEJM: degrees after every name (`M.B., Ch.B.` too), a group after the last degree.
    ("Ann Roe, M.D., Ph.D., Kofi Asa, M.B., Ch.B., and Tom Poe, M.D.  for the X-1 "
     "Trial Investigators*", "Ann Roe, Kofi Asa, Tom Poe, X-1 Trial Investigators"),
    # Dimensions: affiliation marks as superscript digits.
    ("Hao Chen¹, Mei Liu¹, Jae-Won Park², Qiang Lü³",
     "Hao Chen, Mei Liu, Jae-Won Park, Qiang Lü"),
    # An Arabic particle joined by a hyphen.
    ("Sofía Ruiz-Arroyo, Noor ul-Ain Qureshi", "Sofía Ruiz-Arroyo, Noor ul-Ain Qureshi"),
    # IOS Press: `Family, Given[a; *]` between bars.
    ("Şahin, Elif[a] | Öztürk, Mehmet Ali[a; *] | Kılıç, Burcu[b]",
     "Şahin, Elif; Öztürk, Mehmet Ali; Kılıç, Burcu"),
    # LWW: degrees with letters and LWW's `∗`, then `the X Group` closing the list.
    ("Zhou, Wei MDa; Li, Hong MScb; Gu, Xiao MD, PhDa,∗; the East HER2 Registry Group",
     "Zhou, Wei; Li, Hong; Gu, Xiao; East HER2 Registry Group"),
    # Scholar folds the byline with `…` glued to the last name shown.
    ("A Yılmaz, M Demir, E Kaya… - Breast Cancer Research and …, 2016 - Springer",
     "A Yılmaz, M Demir, E Kaya"),
    ("Privacy Policy", None),  # a footer's link is no name
])
def test_bylines_from_the_rounds(line: str, names: str | None) -> None:
    assert names_line(line) == names


def test_a_double_surname_after_initials_stays_whole() -> None:
    assert given_family("M. Castellanos Ruiz") == {"family": "Castellanos Ruiz", "given": "M."}


def test_a_listed_journal_loses_the_blurbs_own_the_when_its_acronym_does() -> None:
    blurb = "The Oncology Nursing Forum (ONF) is the official journal of a society..."
    assert blurb_journal(blurb, []) == "Oncology Nursing Forum"
    # An acronym that spells the article too keeps it.
    assert blurb_journal("The Lancet Oncology (TLO) is a journal...", []) == "The Lancet Oncology"


@pytest.mark.parametrize(("lines", "kind"), [
    (["Articles Volume 25, Issue 3, P301-312, March 2024", "A Title Of Some Words"], "Articles"),
    (["Annals of Oncology Volume 26, Issue 3", "A Title Of Some Words"], None),  # a journal
    (["Research Article: Observational Study", "A Title Of Some Words"],
     "Research Article: Observational Study"),
    (["Article | Open Access | Full text available | PDF", "A Title Of Some Words"], "Article"),
    (["Open Access · Hybrid Gold · Journal Article · Peer reviewed", "A Title Of Some Words"],
     "Journal Article"),
    (["Preprint; Not peer reviewed; Open Access", "A Title Of Some Words"], "Preprint"),
    (["Original Research Open access First published online March 28, 2023",
      "A Title Of Some Words"], "Original Research"),
    (["Drug Evaluation", "A Title Of Some Words"], "Drug Evaluation"),
])
def test_printed_types_from_the_rounds(lines: list[str], kind: str | None) -> None:
    assert printed_type(lines, len(lines), "A Title Of Some Words") == kind


@pytest.mark.parametrize(("lines", "cited"), [
    (["Published in Gastric Cancer, Volume 24, Issue 3, pages 612-623"],
     ("Gastric Cancer", "24", "3", "612-623")),
    (["October 1996 · International Journal of Oncology 9(4):651-657"],
     ("International Journal of Oncology", "9", "4", "651-657")),
    (["Journal: Cancer Biomarkers, vol. 35, no. 3, pp. 265-279, 2022"],
     ("Cancer Biomarkers", "35", "3", "265-279")),
    (["Future Oncol. (2010) 6(4), 553–565."], ("Future Oncol.", "6", "4", "553–565")),
    (["Future Oncology Vol. 6, No. 4"], ("Future Oncology", "6", "4", None)),
    (["Gastric Cancer", "Volume 17, pages 450–459, (2014) Cite this article"],
     ("Gastric Cancer", "17", None, "450–459")),
])
def test_numbering_lines_from_the_rounds(lines: list[str], cited: tuple[str | None, ...]) -> None:
    found = journal_citation(lines)
    assert found is not None
    assert (found["container_title"], found["volume"], found["issue"], found["pages"]) == cited


def test_an_issue_is_dated_no_earlier_than_its_articles_online_date() -> None:
    lines = ["Volume 14, Issue 2", "Pages 187-201 | Published online: 20 Nov 2013",
             "Volume 14, 2014 - Issue 2"]
    found = journal_citation(["Expert Opinion on Biological Therapy", *lines])
    assert found is not None and found["date"] == "2014"


def test_ouci_dotted_head_line_is_the_journal_row() -> None:
    assert labelled("Experimental Oncology · 2026 · Vol. 48, Issue 1 · pp. 18-27") == (
        "journal", "Experimental Oncology, 2026, Vol. 48, Issue 1, pp. 18-27")


def test_a_folded_byline_is_completed_from_the_pages_cite_box() -> None:
    shown = [{"family": "Yılmaz", "given": "A"}, {"family": "Demir", "given": "M"}]
    cited = [("Yılmaz", "A"), ("Demir", "M"), ("Aksoy", "Ç")]
    assert completed(shown, cited) == [*shown, {"family": "Aksoy", "given": "Ç"}]
    assert completed(shown, [("Other", "B"), ("Demir", "M"), ("Aksoy", "Ç")]) is None


def test_tag_names_take_the_marks_the_page_prints() -> None:
    tagged = [{"family": "Ostby", "given": "Asa"}, {"family": "Haegstad", "given": "Magnus"}]
    page = ["Åsa Østby, Magnus Hægstad and Erik Muller"]
    assert respelled(tagged, page) == [{"family": "Østby", "given": "Åsa"},
                                       {"family": "Hægstad", "given": "Magnus"}]


def test_a_printed_title_holds_most_of_a_shortened_tag() -> None:
    tagged = "Biosimilar X: analytical similarity and clinical extrapolation"
    printed = "Biosimilar X: analytical similarity, clinical extrapolation and the road on"
    assert words_held(tagged, printed) >= 0.75 > words_held(tagged, "Another paper on X")


def test_firefox_prints_title_and_address_over_each_sheet_and_the_page_under() -> None:
    text = ("A Title That Runs Lon...: Site    https://site.example/a/1\n"
            "A Title That Runs Long\nOver Two Lines\nKeywords: A; B;\n"
            "Page 1 of 2                    3/9/25, 9:41 AM\n"
            "A Title That Runs Lon...: Site    https://site.example/a/1\n"
            "C; D\nPage 2 of 2                    3/9/25, 9:41 AM\n")
    assert is_printed_page(text)
    assert printed_page_text(text).splitlines() == [
        "https://site.example/a/1", "A Title That Runs Long Over Two Lines", "Keywords: A; B; C; D"]


def test_europe_pmc_tag_row_names_its_types_after_the_access_tag() -> None:
    known = frozenset({"clinical trial", "research article", "review"})
    assert type_row("Free full text Clinical Trial Research Article", known) == [
        "Clinical Trial", "Research Article"]
    assert type_row("Clinical Trial Research Article", known) == []  # no access tag
    assert type_row("Free full text Clinical Trial of Antibodies", known) == []


def test_springer_nature_subject_tags_are_not_keywords() -> None:
    subjects = ["Oncology", "Cancer Research", "Biomedicine, general"]
    for publisher in ("BioMed Central", "Springer US", "Nature Publishing Group UK"):
        merged, _ = merge_sources([("Highwire", {"publisher": publisher}),
                                   ("Dublin Core", {"keywords": subjects})], [])
        assert "keywords" not in merged
    # Elsewhere (MDPI, repositories) `dc.subject` is the author's keywords.
    merged, _ = merge_sources([("Highwire", {"publisher": "MDPI"}),
                               ("Dublin Core", {"keywords": ["HER2", "trastuzumab"]})], [])
    assert merged["keywords"] == ["HER2", "trastuzumab"]


def test_springer_chapter_dates_by_its_book_and_labels_itself_chapter() -> None:
    lines = ["References", "Doe J (2019) A cited work. J Onc 1:2", "About this chapter",
             "DOI: https://doi.org/10.1007/978-3-030-34567-8_7",
             "Published: 03 January 2020", "Publisher Name: Springer, Cham"]
    assert about_this_article(lines, 1)[1] == "Issue date: 03 January 2020"
    # An article's `Published` is its day online and stays as printed.
    lines[2] = "About this article"
    assert about_this_article(lines, 1)[1] == "Published: 03 January 2020"
    head = ["Chapter", "First Online: 14 November 2019", "pp 131–158", "2104 Accesses",
            "A Chapter On Conjugates", "Abstract"]
    assert printed_type(head, 5, "A Chapter On Conjugates") == "Chapter"


def test_a_short_copy_quoted_whole_in_a_mail_is_unquoted() -> None:
    short = "> A Title Of The Article\n> Breast Cancer Res Treat. 2024 Mar 2.\n>\n> Abstract\n"
    assert is_mail_quoted(short)
    # A note that quotes a line or two of a page is the note, not a quoted copy.
    assert not is_mail_quoted("See this:\n> A Title Of The Article\n> Abstract\nBest, Ann\n")


def test_a_plain_copy_quoted_in_a_mail_reads_as_that_copy() -> None:
    # A phone's OUCI copy (`+ 3 more` under the names): nothing but the quoting goes.
    page = SAMPLES / "ouci" / "phone_unlabelled_journal_line_folded_names.txt"
    text = page.read_text("utf-8")
    quoted = "".join(f"> {line}" for line in text.splitlines(keepends=True))

    def records(copy: str) -> list[object]:
        copy = for_parsing(copy)
        reader = parsers.detect(copy, "mail")
        return [item.record for item in reader.parse(copy, "mail") if hasattr(item, "record")]

    assert [author.family for author in records(quoted)[0].author] == ["Marchuk", "Levko"]
    assert records(quoted) == records(text)


def test_pdftotext_layout_print_stamp_sets_the_tab_title_apart() -> None:
    # A PubMed print to PDF through `pdftotext -layout`: the sheet's footer and the next
    # sheet's stamp stood inside the abstract.
    page = SAMPLES / "converted" / "pdftotext_layout_pubmed_print_bracket_title_wrapped.txt"
    text = for_parsing(page.read_text("utf-8"))
    assert is_printed_page(text)
    (entry,) = parsers.detect(text, "print").parse(text, "print")
    assert entry.record.abstract == (
        "Background: The invented antibody became available for made-up metastatic breast "
        "cancer.\nResults: Invented remissions were seen in 8 of 21 patients.")
    assert entry.record.pmid == "10000312"
