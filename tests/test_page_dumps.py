"""Dumps of a whole page that keep more than a browser shows: tags a `sed` left, a
text browser's two-column tables, a clipper's header, PubMed's closed menus."""

from __future__ import annotations

from pathlib import Path

from her2kb import parsers
from her2kb.parsers._dump_leftovers import (
    is_stripped_markup,
    stripped_markup_text,
    without_clipper_header,
)
from her2kb.parsers._pubmed_scrapes import joined_journal_button, without_term_menus
from her2kb.parsers._text_columns import table_rows

from .page_golden import SAMPLES

CONVERTED = SAMPLES / "converted"
BENCH_PAGES = Path(__file__).parents[1] / "bench" / "pages"
# `w3m -dump -cols 60` of a two-column table: the shorter cell of a row stands in its middle.
W3M_TABLE = [
    "      Journal       Invented Oncology, 2020, Vol. 3, № 1,",
    "                    p. 5-9",
    "                    Anna Berg, Carl Dahl, Eva Lund, Jonas",
    "      Authors       Holm, Maria Ek, Nils Strand, Olof Sund,",
    "                    Per Vik, Rut Ahl",
    "Number of works in",
    "    the list of     18",
    "    references",
    " Indexed in Scopus  No",
]


def test_a_sed_dump_loses_its_leftover_tags_code_and_entities() -> None:
    text = (CONVERTED / "sed_stripped_tags_pubmed.txt").read_text("utf-8")
    shown = stripped_markup_text(text)
    assert is_stripped_markup(text)
    assert "<" not in shown.replace("p < 0.01", "") and "href=" not in shown
    assert "window.ncbi" not in shown and "@context" not in shown and "var ncbi" not in shown
    assert "(p < 0.01) and 90% preferred the skin route & its shorter visits." in shown
    assert "Maren Holt 1," in shown.splitlines()


def test_no_saved_html_page_counts_as_a_sed_dump() -> None:
    """Every page saved as markup closes its tags; only a line-by-line strip leaves none."""
    saved = [p for folder in (SAMPLES, BENCH_PAGES) for pattern in ("*.htm*", "*.xml")
             for p in sorted(folder.rglob(pattern)) if p.is_file()]
    assert len(saved) > 50
    assert [p.name for p in saved if is_stripped_markup(p.read_text("utf-8", "replace"))] == []


def test_the_sed_dump_reads_like_the_page() -> None:
    path = CONVERTED / "sed_stripped_tags_pubmed.txt"
    text = path.read_text("utf-8")
    (entry,) = parsers.detect(text, path.name).parse(text, path.name)
    assert entry.record.abstract is not None
    assert "(p < 0.01)" in entry.record.abstract and "&amp;" not in entry.record.abstract


def test_a_two_column_table_becomes_label_value_lines() -> None:
    assert table_rows(["Head line", "", *W3M_TABLE, "", "Abstract"]) == [
        "Head line", "",
        "Journal: Invented Oncology, 2020, Vol. 3, № 1, p. 5-9",
        "Authors: Anna Berg, Carl Dahl, Eva Lund, Jonas Holm, Maria Ek, Nils Strand, "
        "Olof Sund, Per Vik, Rut Ahl",
        "Number of works in the list of references: 18",
        "Indexed in Scopus: No",
        "", "Abstract",
    ]


def test_a_table_whose_lines_fit_no_rows_is_left_as_it_is() -> None:
    """`Issue` cannot go on from `3` (a wrapped cell's line is full) and no line below
    `Year` would centre it in a row of its own: no guess."""
    table = ["  Journal   Invented Oncology",
             "            Pages",
             "   Volume   3",
             "            Issue",
             "    Year    2020"]
    assert table_rows(table) == table


def test_lists_prose_and_tab_rows_are_no_table() -> None:
    bullets = ["*   [Abstract](#Abst)", "*   [References](#Refs)", "*   [Citations](#Cits)"]
    prose = ["Invented cells grew.  Made-up cells died.  Fictional ones",
             "slept.  Invented mice were fed.  The made-up dose was",
             "small.  Fictional rats were fed.  The invented dose was"]
    tabs = ["Journal\tInvented Oncology", "Year\t2020", "Volume\t3"]
    for lines in (bullets, prose, tabs):
        assert table_rows(lines) == lines


def test_pubmed_s_journal_drop_down_is_closed_again() -> None:
    dump = ["Clipboard", "Invented Oncol", "Invented Oncol", "Search in PubMed",
            "Search in NLM Catalog", "Add to Search", ".", "2021 Mar;12(2):10-17.",
            "doi: 10.5555/io.2021.10."]
    assert joined_journal_button(without_term_menus(dump)) == [
        "Clipboard", "Invented Oncol. 2021 Mar;12(2):10-17.", "doi: 10.5555/io.2021.10."]


def test_a_period_line_without_a_dated_citation_is_left() -> None:
    lines = ["Invented Oncol", ".", "Made-up words after a lone full stop"]
    assert joined_journal_button(lines) == lines


def test_a_clipper_s_title_heads_a_body_that_lacks_it() -> None:
    header = '---\ntitle: "Invented antibody shells for made-up cells: Ingenta Connect"\n---\n'
    assert without_clipper_header(header + "**Authors:** Berg, Anna\n") == (
        "Invented antibody shells for made-up cells\n\n**Authors:** Berg, Anna\n")
    shown = header + "# Invented antibody shells for *made-up* cells\n**Authors:** Berg, Anna\n"
    assert without_clipper_header(shown) == shown[shown.index("# "):]


def test_w3m_sample_is_read_as_a_browser_copy() -> None:
    path = CONVERTED / "w3m_table_ouci_ukrainian_type_over_title.txt"
    text = path.read_text("utf-8")
    reader = parsers.detect(text, path.name)
    (entry,) = reader.parse(text, path.name)
    assert reader.name == "ouci-page"
    assert entry.record.publisher == "Вигадане видавництво «Приклад»"


def test_a_cut_cyrillic_abstract_keeps_its_whole_sentences() -> None:
    """Sentences end before a capital in any of the scripts the pages use (an OUCI page's
    Ukrainian abstract, cut mid-word, kept nothing before)."""
    from her2kb.parsers._page_values import checked_abstract

    warnings: list[str] = []
    text = ("Мета. Оцінити уявну кардіотоксичність вигаданого антитіла у 120 пацієнток. "
            "Результати. Уявне зниження спостерігали у 9 процент")
    assert checked_abstract(text, True, warnings) == (
        "Мета. Оцінити уявну кардіотоксичність вигаданого антитіла у 120 пацієнток. Результати.")
    assert warnings == ["abstract: the text ends mid-sentence; only the sentences before the "
                        "cut are kept"]


def test_a_sed_dump_loses_its_script_and_json_ld_blocks() -> None:
    block = ["{", '"@context": "https://schema.org",', '"@type": "ScholarlyArticle",',
             '"author": [', '{"@type": "Person", "name": "Anna Berg"}', "]", "}",
             "document.addEventListener('DOMContentLoaded', function () {",
             "var menu = document.querySelector('.menu');", "menu.hidden = true;", "});"]
    text = "\n".join(["Invented title of a made-up study", *block,
                      "Anna Berg 1, Carl Dahl 2", *block, "Abstract"])
    assert stripped_markup_text(text) == (
        "Invented title of a made-up study\nAnna Berg 1, Carl Dahl 2\nAbstract")


def test_a_sed_dump_that_opens_with_text_is_one_too() -> None:
    """Most pages open with tags that fit on a line (`<!DOCTYPE>`, `<html>`): the dump
    opens with text, and its attribute lines, entities and code tell it."""
    text = (CONVERTED / "sed_stripped_tags_pubmed.txt").read_text("utf-8")
    opening_with_text = text[text.index("  Invented subcutaneous dosing"):]
    assert is_stripped_markup(opening_with_text)
    (entry,) = parsers.detect(opening_with_text, "dump.txt").parse(opening_with_text, "d")
    assert entry.record.publication_types == ["Randomized Controlled Trial", "Multicenter Study"]
    assert [a.family for a in entry.record.author][:2] == ["Holt", "Alves da Costa"]


def test_a_text_opening_with_a_comment_is_no_sed_dump() -> None:
    sample = CONVERTED / "lynx_ouci_ukrainian_link_numbers_volume_in_head.txt"
    text = "<!-- saved by a script -->\n" + sample.read_text("utf-8")
    assert not is_stripped_markup(text)


def test_an_ahead_of_print_citation_closes_the_drop_down_too() -> None:
    dump = ["Invented Oncol", "Invented Oncol", "Search in PubMed", ".",
            "2024 Jan 15:S0960-9776(24)00012-3.", "doi: 10.5555/io.2024.12."]
    assert joined_journal_button(without_term_menus(dump))[0] == (
        "Invented Oncol. 2024 Jan 15:S0960-9776(24)00012-3.")


def test_the_tag_joins_two_surnames_but_leaves_particles_apart() -> None:
    from her2kb.parsers._pubmed_html import fill_from_tags

    fields = {"author": [{"family": "Pinto", "given": "Margarida Sousa"},
                         {"family": "Berg", "given": "Anna", "non_dropping_particle": "van der"},
                         {"family": "Silva", "given": "João Moreira",
                          "non_dropping_particle": "da"}]}
    fill_from_tags(fields, {"citation_authors": "Sousa Pinto M;van der Berg A;Moreira da Silva J"})
    assert fields["author"] == [
        {"family": "Sousa Pinto", "given": "Margarida"},
        {"family": "Berg", "given": "Anna", "non_dropping_particle": "van der"},
        {"family": "Moreira da Silva", "given": "João"}]


def test_sentences_end_before_capitals_of_every_script() -> None:
    from her2kb.parsers._page_values import checked_abstract

    for opening in ("Śródmiejska analiza wykazała poprawę u wszystkich pacjentów.",
                    "Έγινε ανάλυση σε εκατόν είκοσι ασθενείς με καρκίνο του μαστού.",
                    "Čtyři kohorty byly sledovány po dobu pěti let od začátku léčby."):
        first, second = opening.split(" ", 1)
        text = f"{opening} {first} {second[:12]}"
        assert checked_abstract(text, True, []) == opening


def test_an_html_download_cut_inside_a_tag_or_a_script_cuts_no_text() -> None:
    from her2kb.parsers._pubmed_html import visible_text

    head = '<html><head><meta name="ncbi_db" content="pubmed"></head><body>'
    inside_tag, _ = visible_text(head + "<ul><li>Trastuzumab</li><li><butt")
    assert inside_tag.endswith("Trastuzumab\n") and "butt" not in inside_tag
    inside_script, _ = visible_text(head + "<p>Whole line.</p><script>var x = 1;")
    assert inside_script.endswith("Whole line.\n")
    inside_text, _ = visible_text(head + "<p>Cut off in the mid")
    assert inside_text.endswith("Cut off in the mid")


def test_a_body_showing_the_title_in_other_typography_gets_none_prepended() -> None:
    header = ('---\ntitle: "Invented anti\u2010receptor shells for made-up cells | Invented '
              'Journal | Full Text"\n---\n')
    body = "Invented anti-receptor shells for made-up cells\n**Authors:** Berg, Anna\n"
    assert without_clipper_header(header + body) == body
