"""The generic fallback reader: meta tags, JSON-LD and page text; it never steals detection.

Every sample is invented. Each `case.html` / `case.txt` has a `case.expected.json` beside
it, written by `tests/page_golden.py` and reviewed by hand.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from her2kb import parsers
from her2kb.errors import FormatError
from her2kb.parsers import ParsedEntry, ParseProblem, generic_page, ouci_page
from her2kb.parsers._journal_names import abbreviates
from her2kb.parsers._page_values import ends_cut, split_author_list
from her2kb.parsers._source_merge import merge_sources
from her2kb.parsers._text_abstract import IMPRINT
from her2kb.parsers._text_cited import repository_citation
from her2kb.parsers._text_cited_names import (
    cited_families,
    with_cited_families,
    with_given_names,
)
from her2kb.parsers._text_lines import with_colon
from her2kb.parsers._text_name_blocks import names_below_label
from her2kb.parsers._text_names import folds_names, names_line
from her2kb.parsers._text_numbering import journal_citation
from her2kb.parsers._text_wos import joined_labels

from .conftest import SEEDS, run
from .page_golden import FOLDER_FORMATS, GOLDEN_SUFFIX, SAMPLES, assert_matches_golden
from .page_golden import sample_cases as cases_in
from .test_detect import SAMPLE_FORMATS

CASES = cases_in("generic")
ALL_FORMATS = SAMPLE_FORMATS | FOLDER_FORMATS
# samples/dedup holds labelled CSVs for the duplicate matcher, not reader input; the
# converted pages go to several readers, each named in its golden (test_page_converted).
NOT_READER_INPUT = {"dedup", "converted"}
OTHER_SAMPLES = sorted(p for p in SAMPLES.rglob("*") if p.is_file()
                       and p.parent.name not in FOLDER_FORMATS
                       and p.relative_to(SAMPLES).parts[0] not in NOT_READER_INPUT
                       and not p.name.endswith(GOLDEN_SUFFIX))
NEW_READERS = ("her2kb.parsers.ouci_page", "her2kb.parsers.generic_page")


@pytest.mark.parametrize("sample", CASES, ids=lambda p: p.name)
def test_sample_matches_its_golden_file(sample: Path) -> None:
    assert_matches_golden(sample)


@pytest.mark.parametrize("sample", CASES, ids=lambda p: p.name)
def test_sample_is_detected_as_generic_only(sample: Path) -> None:
    text = sample.read_text("utf-8")
    scores = {fmt.name: fmt.detect(text[: parsers.HEAD_CHARS]) for fmt in parsers.formats()}
    assert [name for name, score in scores.items() if score > 0] == ["generic"]


def _detected(text: str) -> str:
    try:
        return parsers.detect(text, "sample").name
    except FormatError as exc:
        return f"error: {str(exc).split(': ', 1)[1].split(' (')[0]}"


@pytest.mark.parametrize("sample", OTHER_SAMPLES,
                         ids=lambda p: str(p.relative_to(SAMPLES)))
def test_other_samples_keep_their_reader(sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No reader loses a sample to the two new ones; only text nobody claimed may fall back."""
    text = sample.read_text("utf-8")
    with_new = _detected(text)
    monkeypatch.setattr(parsers, "BUILTIN",
                        tuple(m for m in parsers.BUILTIN if m not in NEW_READERS))
    before = _detected(text)
    head = text[: parsers.HEAD_CHARS]
    assert ouci_page.detect(head) == 0
    if before.startswith("error"):  # a cut page or a --format-only sample
        assert with_new in (before, "generic")
    else:
        assert with_new == before
    folder = sample.parent.name
    if sample.parent.parent == SAMPLES:
        assert with_new == ALL_FORMATS[folder]


@pytest.mark.parametrize("seed", sorted(SEEDS.iterdir()), ids=lambda p: p.name[:3])
def test_seeds_keep_their_reader(seed: Path) -> None:
    assert parsers.detect(seed.read_text("utf-8"), seed.name).name != "generic"


def test_steps_aside_when_a_specific_reader_claims_the_text() -> None:
    text = next(SEEDS.glob("004_*")).read_text("utf-8")  # a PubMed page with a DOI
    assert generic_page.detect(text) > 0
    assert parsers.detect(text, "004").name == "pubmed-page"


@pytest.mark.parametrize(("text", "score"), [
    pytest.param('<html><head><meta name="citation_title" content="T"></head></html>', 5,
                 id="highwire-html"),
    pytest.param('<html><head><meta name="DC.title" content="T">'
                 '<meta name="DC.creator" content="Doe, J"></head></html>', 3, id="dc-html"),
    pytest.param("<html><body><p>Invented title</p><p>doi: 10.5555/x.1</p></body></html>", 0,
                 id="html-without-tags"),
    pytest.param("Reading list\n\nSee doi: 10.5555/x.1 for the trial.\n", 0, id="doi-alone"),
    pytest.param("Invented title of a paper\n\nAbstract\nA short invented abstract.\n", 0,
                 id="abstract-without-identifier"),
    pytest.param("1. One invented work. doi: 10.5555/a.1\n2. Another. doi: 10.5555/a.2\n"
                 "Keywords: a; b\n", 0, id="numbered-list-of-works"),
    pytest.param("An invented title about HER2 scoring\nKeywords: HER2; scoring\n"
                 "DOI: 10.5555/x.2\n", 1, id="doi-and-keywords"),
    pytest.param('{"citation_title": "T", "citation_doi": "10.5555/x"}', 0, id="json"),
])
def test_detect_scores(text: str, score: int) -> None:
    assert generic_page.detect(text) == score


def _parsed(text: str, origin: str) -> ParsedEntry:
    """The one record a page gives."""
    (entry,) = generic_page.parse(text, origin)
    assert isinstance(entry, ParsedEntry)
    return entry


def test_page_text_below_the_tags_is_not_mixed_in() -> None:
    html = ('<html><head><meta name="citation_title" content="Invented tagged title">'
            '<meta name="citation_doi" content="10.5555/tag.1"></head>'
            "<body><h1>Another heading entirely, long enough</h1>"
            "<p>References</p><p>doi: 10.5555/ref.9</p></body></html>")
    entry = _parsed(html, "p.html")
    assert (entry.record.title, entry.record.doi) == ("Invented tagged title", "10.5555/tag.1")
    assert not any("guessed title" in w for w in entry.warnings)


@pytest.mark.parametrize(("name", "paragraphs", "last_line"), [
    # No `Abstract` heading: it opens at `Background:` and stops at `Keywords:`.
    ("text_unheaded_structured_abstract_header_journal.txt", 3,
     "Conclusion: Relapse biopsies can open HER2-directed options for some patients."),
    # Run-in section names, then the body's `Introduction`.
    ("text_degrees_author_line_online_date.txt", 3,
     "Conclusions and Relevance Survival did not differ in this invented cohort."),
    # `What's new?` closes it; the end of the text would otherwise make it look cut off.
    ("text_journal_header_volume_issue_and_pages_lines.txt", 1,
     "in the brain tissue of every animal."),
    # Zendy's `Read full text` link under a one-line `Abstract - …`.
    ("text_zendy_author_s_label_read_full_text.txt", 1,
     "predicted complete response to dual HER2 blockade."),
])
def test_abstract_ends_where_the_page_moves_on(name: str, paragraphs: int,
                                               last_line: str) -> None:
    entry = _parsed((SAMPLES / "generic" / name).read_text("utf-8"), name)
    assert entry.record.abstract is not None
    assert entry.record.abstract.endswith(last_line)
    assert len(entry.record.abstract.split("\n")) == paragraphs


def test_meta_tags_after_long_inline_css_and_script_are_detected(tmp_path: Path) -> None:
    """Saved pages often open with 100 KB of inline CSS and script before the first tag."""
    noise = ("<style>" + ".nav-item{margin:0 4px;padding:2px}" * 3000 + "</style>"
             + "<script>var config = {};" + "config.x = 1;" * 5000 + "</script>")
    html = ("<!DOCTYPE html><html><head>" + noise
            + '<meta name="citation_title" content="Invented title after the styles">'
            + '<meta name="citation_doi" content="10.5555/late.1"></head><body></body></html>')
    assert len(html) > 5 * parsers.HEAD_CHARS
    assert parsers.detect(html, "late.html").name == "generic"
    page = tmp_path / "late.html"
    page.write_text(html, encoding="utf-8")
    db = str(tmp_path / "kb.sqlite")
    assert run("--db", db, "ingest", str(page)).exit_code == 0
    (item,) = json.loads(run("--db", db, "export", "--csl-json").stdout)
    assert (item["title"], item["DOI"]) == ("Invented title after the styles", "10.5555/late.1")


def test_cli_ingests_one_of_each(tmp_path: Path) -> None:
    db = str(tmp_path / "kb.sqlite")
    files = [str(SAMPLES / "ouci" / "compact_english.txt"),
             str(SAMPLES / "generic" / "highwire_meta.html"),
             str(SAMPLES / "generic" / "text_citation_line.txt")]
    result = run("--db", db, "ingest", *files, "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)["files"]
    assert [(f["format"], f["new"]) for f in report] == [
        ("ouci-page", 1), ("generic", 1), ("generic", 1)]


PAGE_BITS = st.sampled_from([
    '<meta name="citation_title" content="T">', '<meta name="citation_author" content="A, B">',
    '<script type="application/ld+json">{"@type": "ScholarlyArticle", "author": 3}</script>',
    '<script type="application/ld+json">{not json</script>', "citation_doi: 10.5555/x",
    "Abstract", "Keywords: a;", "J Examp. 2010;1(2):3-", "doi: 10.5555/y", "References", "",
])


@given(st.lists(st.one_of(PAGE_BITS, st.text(max_size=40)), max_size=25))
def test_parse_never_raises(parts: list[str]) -> None:
    text = "\n".join(parts)
    generic_page.detect(text)
    items = list(generic_page.parse(text, "random.html"))
    assert len(items) == 1 and isinstance(items[0], ParsedEntry | ParseProblem)


@pytest.mark.parametrize(("line", "families"), [
    ("Okabe K, Duarte Vasconcelos H and Ferraz J (2021) Title. PLoS ONE 16(3): e1.",
     [("Okabe", "K"), ("Duarte Vasconcelos", "H"), ("Ferraz", "J")]),
    ("Lind AB, Sato K, et al. (2019) Title.", [("Lind", "AB"), ("Sato", "K")]),
    ("Okabe Kenji, Ferraz João (2021) Title.", []),  # full given names: not a Vancouver list
    ("Frontiers in Oncology 13:101. doi: 10.9999/x", []),  # no (YEAR)
])
def test_cited_families_reads_only_a_vancouver_list(line: str,
                                                    families: list[tuple[str, str]]) -> None:
    assert cited_families(line) == families


def test_cited_family_lengthens_only_a_matching_name() -> None:
    byline = [{"given": "Helena Duarte", "family": "Vasconcelos"},
              {"given": "Maria Duarte", "family": "Vasconcelos"},
              {"given": "Ana", "family": "Vasconcelos"}]
    cited = [("Duarte Vasconcelos", "H")]
    assert with_cited_families(byline, cited) == [
        {"given": "Helena", "family": "Duarte Vasconcelos"},
        {"given": "Maria Duarte", "family": "Vasconcelos"},  # `M` is not the cited `H`
        {"given": "Ana", "family": "Vasconcelos"}]


@pytest.mark.parametrize(("name", "last_words"), [
    # The journal imprint (`Int. J. … 31:101–109, 1997. © 1997 …`) is not the abstract's.
    ("text_wiley_author_panels_sici_doi_imprint.txt", "poor invented outcome."),
    ("text_oup_author_panels_colon_journal.txt", "confined to HER2-positive tumours."),
    ("text_bmc_orcid_keyword_lines_springer_cite.txt", "mostly by loss in the node."),
])
def test_abstract_stops_before_publisher_furniture(name: str, last_words: str) -> None:
    entry = _parsed((SAMPLES / "generic" / name).read_text("utf-8"), name)
    assert entry.record.abstract is not None
    assert entry.record.abstract.endswith(last_words)


def test_imprint_needs_a_copyright_sign_or_word_with_a_year() -> None:
    assert IMPRINT.sub("", "Done. Copyright 2012 Invented Society.") == "Done."
    assert IMPRINT.sub("", "Done.\nInvented Cancer 1997; 79:1512\u201020. \u00a9 1997 Invented "
                       "Society.") == "Done."
    assert IMPRINT.sub("", "No imprint here (c) is kept.") == "No imprint here (c) is kept."
    assert IMPRINT.sub("", "Copyright is discussed.") == "Copyright is discussed."


def test_wos_labels_on_their_own_lines_are_joined_only_in_a_wos_record() -> None:
    record = ["Source", "INVENTED ONCOLOGY", "Volume\t3\tIssue\t1\tPage\t5-9",
              "WOS:000123456700012"]
    assert joined_labels([line.replace("\t", " ") for line in record])[:2] == [
        "Source: INVENTED ONCOLOGY", "Volume: 3   Issue: 1   Pages: 5-9"]
    other = ["Source", "INVENTED ONCOLOGY"]
    assert joined_labels(other) == other


def test_names_below_a_bare_label_skip_institutions_and_note_folded_names() -> None:
    head = ["Authors:", "", "Ruth Abebe", "Invented University Hospital", "", "+4", "",
            "Mei Takahashi", "", "Download citation", "Ruth Abebe, Mei Takahashi"]
    assert names_below_label(head, 0) == ("Ruth Abebe, Mei Takahashi", True)
    assert names_below_label(["Authors:", "Download citation"], 0) is None


@pytest.mark.parametrize(("line", "title"), [
    ("Odili, T. and Brask, H. (2017) Serum fragments after two cycles of therapy. Invented "
     "Journal of Oncology, 21(4), pp. 410-418. (doi: 10.5555/x)",
     "Serum fragments after two cycles of therapy"),
    # The title's own sentence break stays in the title: the journal holds no dots.
    ("Odili, T. (2017) Part one. Part two of the title here. Invented Journal, 21, pp. 4-8.",
     "Part one. Part two of the title here"),
    ("Odili, T. (2017) Two words. Invented Journal, 21, pp. 4-8.", None),  # too short a title
    ("Odili, T. (2017) A title without pages. Invented Journal, 21(4).", None),
])
def test_eprints_citation_sentence_gives_the_title(line: str, title: str | None) -> None:
    found = repository_citation([line])
    assert (found or {}).get("title") == title


def test_shortened_json_ld_description_is_not_the_abstract() -> None:
    page = ('<html><head><script type="application/ld+json">{"@type": "ScholarlyArticle", '
            '"headline": "An invented title about receptor scoring", "description": '
            '"Biopsies were scored…"}</script></head><body><p>no abstract here</p></body></html>')
    entry = _parsed(page, "x.html")
    assert entry.record.abstract is None
    assert "the JSON-LD abstract is shortened (ends in …); not used" in entry.warnings


def test_a_reference_in_eprints_shape_below_the_abstract_is_another_work() -> None:
    text = ("Journal of Invented Examples\nVolume 5, Issue 2, March 2023, Pages 145–154\n"
            "An invented title about receptor shedding\nAna Lima, Rui Costa\n"
            "https://doi.org/10.5555/jie.2023.145\nAbstract\nShedding was measured weekly "
            "in an invented cohort of forty women during therapy.\nIntroduction\n"
            "Jones, A. and Roe, B. (2016) Trastuzumab resistance in gastric cancer. British "
            "Journal of Cancer, 114(3), pp. 301-309.\n")
    entry = _parsed(text, "page.txt")
    assert entry.record.title == "An invented title about receptor shedding"
    assert entry.record.container_title == "Journal of Invented Examples"
    assert entry.record.volume == "5"


def test_a_journal_name_above_a_bare_volume_line_is_not_the_title() -> None:
    text = ("Annals of Invented Breast Oncology Research\nVolume 12, Issue 3\n"
            "An invented title about receptor shedding in serum\nMaria Lopez\n"
            "doi: 10.5555/aibor.2020.12\nAbstract\nShedding was measured weekly in an "
            "invented cohort of forty women during therapy.\n")
    entry = _parsed(text, "page.txt")
    assert entry.record.title == "An invented title about receptor shedding in serum"


@pytest.mark.parametrize(("line", "names"), [
    ("Marta Silva a, Jonas Berg b, Eva Lund a 1", "Marta Silva, Jonas Berg, Eva Lund"),
    ("Supplementary Table 2", None),
    ("Breast Cancer 2", None),
])
def test_footnote_numbers_go_only_after_affiliation_letters(line: str, names: str | None) -> None:
    assert names_line(line) == names


@pytest.mark.parametrize(("line", "names"), [
    # NEJM: degrees after each name, a fold, the last name after `and`.
    ("Ann Roe, M.D., Ben Poe, M.D., Ph.D., +4 , and Cy Doe, M.D.", "Ann Roe, Ben Poe, Cy Doe"),
    # KoreaMed: markers standing apart after the degrees.
    ("Min Ji Seo, M.D.,1 Tae Hoon Baek, M.D., Ph.D.,2 and Ha Na Yoon, M.D., Ph.D.1",
     "Min Ji Seo, Tae Hoon Baek, Ha Na Yoon"),
    # HAL and Europe PMC: every name carries a spaced marker.
    ("Louise Garnier 1, 2 , Bastien Roche 1 , Inès Marchal 2", "Louise Garnier, Bastien Roche, "
                                                                "Inès Marchal"),
    ("Okabe H 1 , Vidal R 1", "Okabe H, Vidal R"),
    # Cell Press: dots between names, a fold, an e-mail address, `Show more`.
    ("Ilse Marguerat1 ∙ Tomasz Bielinski1,2 ∙ … ∙ Renata Okuda 3 r@example.org ∙ Show more",
     "Ilse Marguerat, Tomasz Bielinski, Renata Okuda"),
    # Semantic Scholar and Google Scholar.
    ("Akiko Morimune, Daniel Ferreiro, +3 authors Liang Qiwen",
     "Akiko Morimune, Daniel Ferreiro, Liang Qiwen"),
    ("R Tokunaga, M Ahlberg - Invented Gastric Oncology, 2011 - Springer",
     "R Tokunaga, M Ahlberg"),
    # LWW: family names first, `;` between names.
    ("Tamura, Eiji; Hollander, Greta", "Tamura, Eiji; Hollander, Greta"),
    ("Volume 12; Issue 3", None),
    ("Breast Cancer 2, Table 3", None),
])
def test_names_line_cleans_what_sites_print_around_names(line: str, names: str | None) -> None:
    assert names_line(line) == names


def test_folded_names_are_noted_and_a_plain_list_is_whole() -> None:
    assert folds_names("Ann Roe, +6 , and Cy Doe")
    assert folds_names("Ilse Marguerat ∙ … ∙ Renata Okuda")
    assert folds_names("Akiko Morimune, +3 authors Liang Qiwen")
    assert not folds_names("Ann Roe, Ben Poe and Cy Doe")


def test_names_under_a_creators_heading_may_be_family_first() -> None:
    head = ["Creators", "Adewale, Bisi1", "Lindahl, Frida1", "Show affiliations"]
    assert names_below_label(head, 0) == ("Adewale, Bisi; Lindahl, Frida", False)
    # Spandidos: the whole list on the line under a bare `Authors:` label.
    head = ["Authors:", "Wen Zhao, Kai Ostberg", "View Affiliations"]
    assert names_below_label(head, 0) == ("Wen Zhao, Kai Ostberg", False)


def test_initials_take_given_names_spelled_out_by_another_byline() -> None:
    initials = [{"family": "Feng", "given": "L."}, {"family": "Ortiz-Wen", "given": "M."}]
    spelled = [[{"family": "Feng", "given": "Lina"}, {"family": "Ortiz-Wen", "given": "Marisol"}]]
    assert [n["given"] for n in with_given_names(initials, spelled)] == ["Lina", "Marisol"]
    # A byline of other families, or other initials, changes nothing.
    other = [[{"family": "Feng", "given": "Bo"}, {"family": "Ortiz-Wen", "given": "Marisol"}]]
    assert with_given_names(initials, other) == initials


def test_a_journal_site_citing_in_pubmed_style_stays_generic() -> None:
    sample = SAMPLES / "generic" / "text_koreamed_degrees_spaced_markers_pubmed_style_citation.txt"
    assert parsers.detect(sample.read_text("utf-8"), sample.name).name == "generic"


@pytest.mark.parametrize(("line", "names"), [
    ("Hannah Lieberman, PhD2; Rafael Ortiz, MD1", "Hannah Lieberman, Rafael Ortiz"),
    ("Original Article · Open Access", None),
    ("Table S2, Figure S3", None),
    ("Hepatitis B, Hepatitis C", None),
    ("3 Study Design", None),
])
def test_degrees_badges_and_table_words_are_never_names(line: str, names: str | None) -> None:
    assert names_line(line) == names


def test_a_place_line_ends_a_block_of_given_first_names() -> None:
    head = ["Authors:", "Jane Roe", "Oslo, Norway", "Tom Poe"]
    assert names_below_label(head, 0) == ("Jane Roe", False)


@pytest.mark.parametrize("lines", [
    # An ISSN line over another, a breadcrumb trail, a citation whose author list runs
    # into the journal: none of them names the journal.
    ["Gan to Kagaku Ryoho", "Print ISSN : 0385-0684", "Online ISSN : 1881-0861",
     "Volume 41 (2014) Issue 3"],
    ["Home » Archives » Volume 15, Issue 6"],
    ["Roe J. Invented HER2 cohort study. Invented Engl J Med 1999;341:1570-1578"],
])
def test_lines_that_are_not_journal_names(lines: list[str]) -> None:
    assert journal_citation(lines) is None  # numbering without a journal is no citation


def test_a_table_header_with_tabs_is_not_a_label() -> None:
    assert with_colon("Author\tYear\tCountry\tPatients") == "Author\tYear\tCountry\tPatients"
    assert with_colon("Journal\tInvented Oncology") == "Journal: Invented Oncology"
    assert with_colon("JOURNAL\tFREE ACCESS") == "JOURNAL\tFREE ACCESS"  # J-STAGE's badges
    assert with_colon("PMCID\tPMC7000001") == "PMCID: PMC7000001"


def test_a_series_line_above_the_title_is_not_its_original() -> None:
    text = ("Research Topic: Invented advances in HER2 therapy for solid tumours\n"
            "Invented HER2 amplification in gastric cancer: a made-up cohort study\n"
            "Jane Roe, Tom Poe\ndoi: 10.5555/fonc.2020.0101\nAbstract\n"
            "Invented tumours were counted in a cohort of 240 made-up patients at two centres.\n")
    entry = _parsed(text, "page.txt")
    assert entry.record.title == ("Invented HER2 amplification in gastric cancer: a made-up "
                                  "cohort study")


def test_an_interval_is_not_an_open_bracket() -> None:
    assert not ends_cut("Scores were rescaled to the interval (0, 1].")
    assert ends_cut("Risk fell (odds ratio 1.")


def _abstract_of(text: str) -> str:
    return _parsed(text, "page.txt").record.abstract or ""


def test_a_conclusion_in_two_paragraphs_and_a_registration_line_stay_in_the_abstract() -> None:
    text = ("An invented title about amplification in a made-up cohort\nJane Roe, Tom Poe\n"
            "doi: 10.5555/jio.2020.0101\nAbstract\nBackground\nInvented tumours were counted "
            "in a cohort of made-up patients.\nConclusions\nAmplification predicted response "
            "in this invented cohort.\n\nThe effect held in every made-up subgroup we looked "
            "at.\n\nClinical Trial Registration: NCT00000000.\n")
    assert _abstract_of(text).endswith("Clinical Trial Registration: NCT00000000.")


def test_bracketed_markers_and_a_glued_panel_end() -> None:
    assert names_line("Kazuhiro Moriyama1), Yui Hashimoto2)") == "Kazuhiro Moriyama, Yui Hashimoto"
    text = ("Volume 79, Issue 8 p. 1512-1520\nAn invented title about receptor coexpression here\n"
            "Ann Roe M.D., \nAnn Roe M.D.\nInvented Department, Made-up CollegeSearch for more "
            "papers by this author\nBen Poe M.D., \nBen Poe M.D.\nInvented Department\n"
            "Search for more papers by this author\ndoi: 10.5555/cncr.1997.0001\nAbstract\n"
            "Invented receptors were counted in a made-up cohort of gastric tumours here.\n")
    names = [name.family for name in _parsed(text, "page.txt").record.author]
    assert names == ["Roe", "Poe"]


@pytest.mark.parametrize(("line", "names"), [
    ("Editorial Board, About the Society, Contact Us", None),
    ("Anna Berg, Carl Dahl, The Institute of Cancer Research", None),
    ("Anna Berg & on behalf of the Invented Study Group", "Anna Berg, Invented Study Group"),
    # The digit of an acronym in a group's name is kept; a marker glued to a name is not.
    ("Anna Berg1, Carl Dahl2 and for the HER2 Invented Trial Investigators",
     "Anna Berg, Carl Dahl, HER2 Invented Trial Investigators"),
])
def test_a_group_author_only_closes_the_list(line: str, names: str | None) -> None:
    assert names_line(line) == names


def test_a_short_line_opening_a_paragraph_stays_in_the_abstract() -> None:
    text = ("An invented title about receptor testing in a made-up cohort\nAnna Berg, Carl Dahl\n"
            "doi: 10.5555/jio.2021.0001\nAbstract\nInvented tumours were retested after "
            "progression in a made-up cohort of patients.\n\nHER2 testing\nof a fresh invented "
            "biopsy agreed with the archival result in most made-up patients.\n\n"
            "Research Categories\nInvented Clinical Sciences\n")
    assert _abstract_of(text).endswith("in most made-up patients.")


def test_a_dublin_core_glossary_is_not_a_record() -> None:
    glossary = "".join(f"dc.{name}: the {name} given to the resource\n"
                       for name in ("title", "creator", "date", "subject", "description"))
    assert generic_page.detect(glossary) == 0


@pytest.mark.parametrize(("lines", "expected"), [
    (["Invented J Pathol Jun 1998, 51 (6) 441-447; DOI: 10.5555/ijp.51.6.441"],  # BMJ
     ("Invented J Pathol", "51", "6", "441-447", "Jun 1998")),
    (["Invented Journal of Oncology", "Volume 2009 (2009), Article ID 382164, 9 pages"],
     ("Invented Journal of Oncology", "2009", None, "382164", "2009")),  # Hindawi
    (["Invented Oncology", "Vol. 10, No. 5 | April 2014"],  # Future Medicine
     ("Invented Oncology", "10", "5", None, "April 2014")),
    (["Vol 9, No 2 (April 2020) / Invented Gland Surgery"],  # AME
     ("Invented Gland Surgery", "9", "2", None, "April 2020")),
    (["The Invented Medical Journal 38 (4), 211-219, 1991"],  # CiNii
     ("The Invented Medical Journal", "38", "4", "211-219", "1991")),
    (["Source: Invented Journal of Pathology. 3/10/2006, Vol. 24 Issue 8, p1245-1253. 9p."],
     ("Invented Journal of Pathology", "24", "8", "1245-1253", "2006")),  # EBSCOhost
    (["2012 · article · Invented Cancer Research", "Biblio vol. 18 · iss. 9 · pp. 2501–2510"],
     ("Invented Cancer Research", "18", "9", "2501–2510", "2012")),  # OpenAlex
    (["Invented Journal of Cancer", "2024; 15(6):1602-1615. doi:10.5555/jca.1 This issue Cite"],
     ("Invented Journal of Cancer", "15", "6", "1602-1615", "2024")),  # Ivyspring
    (["Invented Reviews , Volume 6 , Issue 21 , October 2004 , pp. 1 - 19"],  # Cambridge
     ("Invented Reviews", "6", "21", "1 - 19", "October 2004")),
    (["Invented Oncology Reports", "Vol. 41, No. 10, 2018"],  # Karger
     ("Invented Oncology Reports", "41", "10", None, "2018")),
    (["Invented Breast Research and Treatment 2016 155:3 (503-512)"],  # Embase
     ("Invented Breast Research and Treatment", "155", "3", "503-512", "2016")),
    (["Cancer, 1995-12-01, Vol.76 (11), p.2234-2240"],  # Primo
     ("Cancer", "76", "11", "2234-2240", "1995")),
    (["Invented J Gastroenterol. Jun 14, 2014; 20(22): 6891-6903"],  # Baishideng
     ("Invented J Gastroenterol", "20", "22", "6891-6903", "2014")),
    (["Invented Oncotarget", "Volume 7, Issue 28 pp 45121—45134"],  # Oncotarget
     ("Invented Oncotarget", "7", "28", "45121—45134", None)),
    (["Source: Invented Journal of Oncology. 17(4):1201-09, 1999 Apr."],  # Ovid
     ("Invented Journal of Oncology", "17", "4", "1201-09", "1999")),
])
def test_numbering_lines_of_more_sites(lines: list[str], expected: tuple[Any, ...]) -> None:
    cited = journal_citation(lines)
    assert cited is not None
    assert (cited["container_title"], cited["volume"], cited["issue"], cited["pages"],
            cited["date"]) == expected


@pytest.mark.parametrize(("line", "names"), [
    ("Lorenzo Rossi ORCID Icon, Sofia Marino & Daniel Obi ORCID Icon",  # Taylor & Francis
     "Lorenzo Rossi, Sofia Marino, Daniel Obi"),
    ("Jing Li1*, Thomas K. Brenner3 ORCID, Qiang Sun1\u2709",  # Ivyspring
     "Jing Li, Thomas K. Brenner, Qiang Sun"),
    ("Anna Lind (a1), Tomás Ortega (a1) (a2) and Karin Berg (a2)",  # Cambridge Core
     "Anna Lind, Tomás Ortega, Karin Berg"),
    ("Wei Li1#, Mei Chen2#, Jun Zhao1^", "Wei Li, Mei Chen, Jun Zhao"),  # AME
    ("Berg K.a · Moreau-Vidal C.a,\u00a0b · Tan W.-L.c", "Berg K, Moreau-Vidal C, Tan WL"),
    ("Holm, A.a ,\u00a0 Ng, W.L.b,\u00a0 Ferreira, J.a, c\u00a0 Email Author",  # Scopus
     "Holm, A.; Ng, W.L.; Ferreira, J."),
    ("KAWABATA Hiroko", "KAWABATA, Hiroko"),  # CiNii: the family name first, in capitals
    ("Jean DUPONT, Marie CURIE", "Jean DUPONT, Marie CURIE"),  # capitals last: given first
    ("Vetenskapsrådet K2011-64X VR", None),  # a funder row: no digit inside a name
    ("Berg, Anna a; Nowak, Marek P.a,b; O’Hara, Tom c",  # LWW: letters after the given names
     "Berg, Anna; Nowak, Marek P.; O’Hara, Tom"),
])
def test_name_lines_of_more_sites(line: str, names: str | None) -> None:
    assert names_line(line) == names


_LONG = " ".join(["invented"] * 45) + "."


@pytest.mark.parametrize(("text", "field", "value"), [
    # Short lines under a `Summary` heading are no contents menu: the list below still ends
    # the head, and a cited work's DOI is not the page's.
    ("An invented title about HER2 testing in gastric cancer\nAnna Berg, Carl Dahl\n"
     "Gastric Cancer 2010;13(1):1-9\nAbstract\n" + _LONG + "\nIntroduction\n" + _LONG
     + "\nMethods\n" + _LONG + "\nResults\n" + _LONG + "\nSummary\nHER2 testing is "
     "mandatory before treatment\nFISH resolves equivocal results\nReferences\nSmith J, Roe B. "
     "An invented cited work. J Inv 2005;90:1-10.\nhttps://doi.org/10.5555/other.1\n",
     "doi", None),
    # A short first line under `Abstract` does not send the abstract to a later `Summary`.
    ("An invented title about HER2 testing in gastric cancer\nAnna Berg, Carl Dahl\n"
     "Gastric Cancer 2010;13(1):1-9\nAbstract\nHER2 is an invented target in two cancers.\n"
     + _LONG + "\nIntroduction\nA body sentence cites doi: 10.5555/body.1 here.\nSummary\n"
     + _LONG + "\n", "abstract_first", "HER2 is an invented target in two cancers."),
    # Another work's citation in a list below the abstract names no journal for this one.
    ("An invented title about HER2 testing in gastric cancer\nAnna Berg, Carl Dahl\n"
     "DOI: 10.5555/gc.2009.1\nAbstract\n" + _LONG + "\nMost read this month\n"
     "Invented antibody in HER2-positive breast cancer\nInv Engl J Med 2001;344:783-792\n",
     "container_title", None),
    # A table's `Source<TAB>…` header row is no journal label.
    ("An invented title about HER2 testing in gastric cancer\nAnna Berg, Carl Dahl\n"
     "Gastric Cancer 2009;12(3):150-158\nAbstract\n" + _LONG + "\nTable 1\nSource\tSpecimens\n"
     "Biopsy\t120\n", "container_title", "Gastric Cancer"),
    # Only a record table's title row loses its period.
    ("Title: Antifungal invented susceptibility of Candida spp.\nAuthors: Anna Berg\n"
     "DOI: 10.5555/x.1\nAbstract: " + _LONG + "\n", "title",
     "Antifungal invented susceptibility of Candida spp."),
])
def test_rules_for_one_site_stay_out_of_ordinary_pages(text: str, field: str,
                                                         value: str | None) -> None:
    record = _parsed(text, "page.txt").record
    if field == "abstract_first":
        assert (record.abstract or "").startswith(value or "-")
    else:
        assert getattr(record, field) == value


@pytest.mark.parametrize(("line", "names"), [
    ("JD Smith, KL Jones", "JD Smith, KL Jones"),  # initials first, not a family name
    # Not Scopus's `Family, I.` pairs: `M.B.` is a degree (NEJM's `M.B., Ch.B.`).
    ("Anna Berg, M.B., Carl Dahl, M.B.", "Anna Berg, Carl Dahl"),
    ("Washington, D.C.", None),
])
def test_site_name_shapes_do_not_reorder_ordinary_lines(line: str, names: str | None) -> None:
    assert names_line(line) == names


def test_numbering_in_the_pages_own_citation_block_below_the_abstract() -> None:
    """BMJ prints `Citation` / title / names / `J Inv Pathol Jun 1998, 51 (6) 441-447; …`
    low on the page; a list of other works below the abstract names no journal."""
    text = ("Papers\nAn invented comparison of two assays in made-up breast tumours\n"
            "A R Roe1, J M Poe2\nAbstract\n" + _LONG + "\nhttp://dx.doi.org/10.5555/ijp.51.441\n"
            "Citation\nAn invented comparison of two assays in made-up breast tumours\n"
            "A R Roe, J M Poe\nJ Inv Pathol Jun 1998, 51 (6) 441-447; DOI: 10.5555/ijp.51.441\n")
    record = _parsed(text, "page.txt").record
    assert (record.container_title, record.volume, record.issue, record.page) == (
        "J Inv Pathol", "51", "6", "441-447")


def test_nlm_abbreviations_may_drop_letters_inside_a_word() -> None:
    assert abbreviates("Geburtshilfe Frauenheilkd", "Geburtshilfe und Frauenheilkunde")
    assert abbreviates("Front. Oncol.", "Frontiers in Oncology")
    assert not abbreviates("Geburtshilfe Frauenheilkd", "Geburtshilfe und Gynäkologie")
    assert not abbreviates("Cancer Res", "Cancer Letters")


def test_a_group_may_close_a_vancouver_author_list() -> None:
    names = split_author_list("Roe A, Poe BC, Invented Gastric Trials Group", [])
    assert names == [{"family": "Roe", "given": "A."}, {"family": "Poe", "given": "B.C."},
                     {"literal": "Invented Gastric Trials Group"}]


def test_a_subject_list_is_no_guessed_abstract() -> None:
    subjects = " ; ".join(["Invented Term", "Made-up Heading - blood", "Humans"] * 10)
    text = ("An invented title about serum HER2 in a made-up cohort\nRoe, Anna ; Poe, Ben\n"
            "Invented Cancer, 1995-12-01, Vol.76 (11), p.2234-2240\nSubjects\n" + subjects + "\n")
    assert _parsed(text, "page.txt").record.abstract is None


def test_a_contents_menu_above_a_structured_abstract_keeps_the_abstract() -> None:
    """Atypon (JCO): `Contents` / `Abstract` / `REFERENCES` … then the real `Abstract` over
    `PURPOSE`: a section label under the heading is no menu entry."""
    text = ("An invented phase II trial of dual blockade after an early made-up relapse\n"
            "Anna Berg, Carl Dahl\nDOI: 10.5555/jco.21.00001\nContents\nAbstract\nREFERENCES\n"
            "Information & Authors\nShare\nAbstract\nPURPOSE\nInvented patients relapsed early "
            "after made-up adjuvant therapy and were randomly assigned.\nCONCLUSION\nDual "
            "invented blockade prolonged made-up survival in this trial.\nGet full access to "
            "this article\n")
    abstract = _parsed(text, "page.txt").record.abstract or ""
    assert abstract.startswith("PURPOSE: Invented patients relapsed early")
    assert abstract.endswith("prolonged made-up survival in this trial.")


def test_a_pmc_page_with_journal_style_notes_is_still_pmc() -> None:
    """PMC prints `Correspondence:` and `Received …` notes too; its NCBI lines keep it PMC's,
    while a journal site with only a `PMCID:` row is the generic reader's (the Korean
    journal sample)."""
    text = ("An official website of the United States government\nJournal List\n"
            "Int J Inv Sci\nPMC1000001\nInt J Inv Sci\n. 2022 Jun 14;23(12):6641. doi: "
            "10.5555/ijis.23.6641\nAn invented title about ligand-driven resistance in cells\n"
            "Anna Berg\nFind articles by Anna Berg\n1,*\nCorrespondence: a.berg@example.org\n"
            "Received: 2022 May 2; Accepted: 2022 Jun 10.\nPMCID: PMC1000001  PMID: 10000001\n"
            "Abstract\nInvented cells were treated with a made-up ligand, and resistance "
            "followed in most of them.\n")
    assert parsers.detect(text, "page.txt").name == "pubmed-page"


def test_ovid_rows_join_a_paragraph_with_spaces_and_a_list_with_semicolons() -> None:
    text = ("Unique Identifier\n  10000321\nAuthors Full Name\n  Roe, Jane A. van Dijk, Pieter.\n"
            "Title\n  An invented trial of weekly dosing in made-up disease.\nSource\n"
            "  Invented Journal of Oncology. 17(4):1201-09, 1999 Apr.\nAbstract\n"
            "  PURPOSE: To test an invented weekly schedule in made-up patients.\n"
            "  RESULTS: Responses were seen in a third of the invented cohort.\n"
            "Keywords\n  HER2\n  invented schedule\nYear of Publication\n  1999\n")
    record = _parsed(text, "page.txt").record
    assert record.abstract == ("PURPOSE: To test an invented weekly schedule in made-up "
                               "patients. RESULTS: Responses were seen in a third of the "
                               "invented cohort.")
    assert record.keywords == ["HER2", "invented schedule"]
    assert [(a.family, a.given) for a in record.author] == [("Roe", "Jane A."), ("Dijk", "Pieter")]
    assert (record.container_title, record.volume, record.issue, record.page) == (
        "Invented Journal of Oncology", "17", "4", "1201-09")


def test_a_group_the_tags_leave_half_empty_is_filled_by_a_source_that_agrees() -> None:
    tags = {"volume": "61", "first_page": "84", "title": "T"}
    text = {"volume": "61", "issue": "3", "first_page": "84", "last_page": "92"}
    other_volume = {"volume": "62", "issue": "7"}
    merged, origins = merge_sources([("Highwire", tags), ("Dublin Core", other_volume),
                                     ("page text", text)], [])
    assert merged["numbering"] == {"volume": "61", "issue": "3"}
    assert merged["page_parts"] == {"first_page": "84", "last_page": "92", "pages": None}
    assert (origins["volume"], origins["issue"]) == ("Highwire", "page text")
    alone = {"issue": "3"}  # names no volume: nothing shows it is the same issue
    merged, _ = merge_sources([("Highwire", tags), ("page text", alone)], [])
    assert merged["numbering"] == {"volume": "61", "issue": None}


def test_a_script_s_python_list_of_authors_with_an_apostrophe() -> None:
    from her2kb.parsers._text_fields import python_list
    assert python_list("['Ann Berg', \"Mary O'Brien\"]") == ["Ann Berg", "Mary O'Brien"]
    assert python_list("[Article in German]") is None
    assert python_list("[1, 2]") is None
