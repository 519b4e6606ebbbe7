"""Cases a read-only review of the page readers found: each one a variant of a reviewed
sample (so its golden file gives the expected values) or a one-line reader call.
Every case here failed before its fix."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from her2kb import parsers
from her2kb.parsers import ParsedEntry
from her2kb.parsers._page_values import split_author_list
from her2kb.parsers._text_record_table import ovid_rows

from .page_golden import SAMPLES, extracted, golden_path

GENERIC = SAMPLES / "generic"
OVID = GENERIC / "text_ovid_full_record_indented_values.txt"
RECORD_KEYS = ("title", "author", "container-title", "volume", "issue", "page", "DOI", "PMID")


def _variant(tmp_path: Path, sample: Path, old: str, new: str) -> dict[str, Any]:
    """What the reader makes of `sample` with `old` replaced by `new` (which must occur)."""
    text = sample.read_text("utf-8")
    assert old in text, old
    copy = tmp_path / "generic" / sample.name
    copy.parent.mkdir(exist_ok=True)
    copy.write_text(text.replace(old, new), "utf-8")
    return extracted(copy)


def _golden(sample: Path) -> dict[str, Any]:
    return dict(json.loads(golden_path(sample).read_text("utf-8")))


def _same_record(found: dict[str, Any], sample: Path) -> None:
    golden = _golden(sample)
    assert {key: found[key] for key in RECORD_KEYS} == {key: golden[key] for key in RECORD_KEYS}


def test_a_group_author_closes_a_list_of_one_vancouver_name() -> None:
    names = split_author_list("Chen W, Kanto-Tokai Gastric Oncology Group", [])
    assert names == [{"family": "Chen", "given": "W."},
                     {"literal": "Kanto-Tokai Gastric Oncology Group"}]


def test_an_authors_label_on_a_pubmed_style_author_line_is_not_a_name() -> None:
    text = ("Invented Gastric Cancer\n"
            "Invented Gastric Cancer. 2015;18(2):301-309. doi: 10.5555/igc.2015.301\n"
            "Invented trastuzumab continuation beyond progression in made-up gastric cancer\n"
            "Authors: Chen W, Li X, Kanto-Tokai Gastric Oncology Group\n"
            "Abstract\n"
            "We continued invented trastuzumab beyond progression in made-up patients and "
            "compared survival with an imaginary control cohort treated at the same centres.\n")
    (entry,) = parsers.get("pubmed-page").parse(text, "page.txt")
    assert isinstance(entry, ParsedEntry)
    assert [(a.family, a.given, a.literal) for a in entry.record.author] == [
        ("Chen", "W.", None), ("Li", "X.", None),
        (None, None, "Kanto-Tokai Gastric Oncology Group")]


def test_cite_this_article_as_with_doubled_spaces(tmp_path: Path) -> None:
    sample = GENERIC / "text_ame_symbol_markers_contributions_cite_this_article_as.txt"
    found = _variant(tmp_path, sample, "Cite this article as:", "Cite this  article  as:")
    _same_record(found, sample)


def test_an_indented_published_in_heading(tmp_path: Path) -> None:
    sample = GENERIC / "text_atypon_published_in_block_after_references.txt"
    found = _variant(tmp_path, sample, "\nPublished In\n", "\n" + " " * 30 + "Published In\n")
    _same_record(found, sample)


def test_a_first_keyword_holding_a_dash_in_a_one_a_line_list(tmp_path: Path) -> None:
    sample = GENERIC / "bmc_keyword_lines.txt"
    found = _variant(tmp_path, sample, "Keywords\nBreast cancer\n",
                     "Keywords\nBreast cancer - epidemiology\n")
    assert found["keywords"] == ["Breast cancer - epidemiology",
                                 *_golden(sample)["keywords"][1:]]


def test_a_german_translation_sharing_the_word_in_with_english(tmp_path: Path) -> None:
    sample = GENERIC / "text_thieme_marker_lines_dash_keywords_dropped_letters.txt"
    found = _variant(tmp_path, sample, "-Status bei erfundenen", "-Status in erfundenen")
    assert found["title"] == _golden(sample)["title"]


def test_ovid_copied_with_a_blank_line_after_every_line(tmp_path: Path) -> None:
    text = OVID.read_text("utf-8")
    found = _variant(tmp_path, OVID, text, text.replace("\n", "\n\n"))
    _same_record(found, OVID)
    assert found["abstract_start"] == _golden(OVID)["abstract_start"]


def test_a_blank_line_inside_an_ovid_field_keeps_the_rest() -> None:
    text = OVID.read_text("utf-8").replace("made-up patients. RESULTS:",
                                           "made-up patients.\n\n  RESULTS:")
    (entry,) = parsers.get("generic").parse(text, OVID.name)
    assert isinstance(entry, ParsedEntry) and entry.record.abstract
    assert entry.record.abstract.endswith("the schedule was well tolerated.")


def test_an_ovid_display_of_two_records_gives_two() -> None:
    one = OVID.read_text("utf-8").split("\n< Previous Record")[0]
    other = (one.split("<1>")[1].replace("10000321", "10000400")
             .replace("weekly antibody dosing", "monthly antibody dosing")
             .replace("ijo.1999.17.4.1201", "ijo.1999.17.4.1300"))
    entries = list(parsers.get("generic").parse(f"{one}\n<2>{other}", "ovid.txt"))
    assert all(isinstance(entry, ParsedEntry) for entry in entries)
    records = [entry.record for entry in entries if isinstance(entry, ParsedEntry)]
    assert [(r.pmid, r.doi, r.title.split()[4]) for r in records if r.title] == [
        ("10000321", "10.5555/ijo.1999.17.4.1201", "weekly"),
        ("10000400", "10.5555/ijo.1999.17.4.1300", "monthly")]
    assert next(entry.line for entry in entries if isinstance(entry, ParsedEntry)) == 1


def test_an_ovid_row_the_reader_does_not_keep_leaves_no_line() -> None:
    rows = ovid_rows(["Unique Identifier", "  10000321", "", "Status", "", "  MEDLINE",
                      "Title", "  An invented trial."])
    assert rows == ["PMID: 10000321", "", "", "Title: An invented trial."]  # `Status` dropped


# Session 18's review.
def test_a_dated_label_is_no_type_badge_and_its_first_word_no_journal() -> None:
    from her2kb.parsers._text_glued import unglued
    assert unglued("Journal Article Published: 4 March 2025") == [
        "Journal Article", "Published: 4 March 2025"]
    assert unglued("First Published: 4 March 2025") == ["First Published: 4 March 2025"]


def test_the_journal_over_its_issn_is_not_the_publisher_line_between() -> None:
    from her2kb.parsers._text_numbering import journal_citation
    lines = ["Journal of Thoracic Oncology", "Elsevier Inc.", "Print ISSN: 1556-0864",
             "An invented title of a made-up study", "Ann Invent, Bo Imagin",
             "Invented University Hospital, Nowhere.",
             "Volume 12, Issue 3, March 2024, Pages 201-210"]
    found = journal_citation(lines)
    assert found is not None and found["container_title"] == "Journal of Thoracic Oncology"


def test_a_section_heading_under_abstract_is_no_tab_over_a_byline() -> None:
    from her2kb.parsers._text_abstract import abstract_heading
    head = ["Abstract", "Key Clinical Message",
            "An invented message about imagined patients given a made-up antibody.",
            "Abstract", "An invented case of an imagined patient given a made-up antibody."]
    assert abstract_heading(head) == 0
    tab = ["Abstract", "Haruki Tsunemori1, Ayane Kobashi1,2 and Renji Omaru3",
           "Keywords: invented", "ABSTRACT",
           "An invented transporter was lost in imagined resistant cells of a made-up kind."]
    assert abstract_heading(tab) == 3


def test_article_in_press_names_no_language() -> None:
    from her2kb.parsers._pubmed_head import _LANGUAGE
    assert _LANGUAGE.search("Article in Press") is None
    match = _LANGUAGE.search("Article in German")
    assert match is not None and match["alone"] == "German"


def test_a_title_tag_prefix_printed_as_a_breadcrumb_is_not_the_title() -> None:
    from her2kb.parsers.generic_page import _title_from_markup
    values: dict[str, Any] = {}
    notes: dict[str, str] = {}
    full = "Invented antibody after progression - a made-up multicentre cohort study"
    _title_from_markup([("og:title", full)], None,
                       ["Home", "Invented antibody after progression", full], values, notes)
    assert values["title"] == full
    values.clear()
    _title_from_markup([], f"{full} - PMC", ["PMC", full.upper()], values, notes)
    assert values["title"] == full.upper()  # as printed, without the site


def test_a_tag_author_list_closed_by_a_group_is_read_vancouver_style() -> None:
    names = split_author_list("Halvorsen I;Kowalczyk T;Virtanen JP;NORDHER Study Group", [])
    assert [name.get("family") or name.get("literal") for name in names] == [
        "Halvorsen", "Kowalczyk", "Virtanen", "NORDHER Study Group"]
