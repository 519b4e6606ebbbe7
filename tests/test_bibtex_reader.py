"""BibTeX/BibLaTeX reader on invented samples of each real-world shape (formats.md §8).

Expected values are read off the sample files by hand. The fast LaTeX decoder is
checked against pylatexenc, and the reader must never raise on any text.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from her2kb import parsers
from her2kb.parsers import ParsedEntry, ParseProblem, _bibtex_dates, _bibtex_values
from her2kb.parsers import _bibtex_values as values
from her2kb.parsers import bibtex as reader

from .conftest import read_sample, sample_records

SAMPLES = Path(__file__).parent / "samples" / "bibtex"


def read(name: str) -> list[ParsedEntry | ParseProblem]:
    return read_sample(reader.FORMAT, SAMPLES / name)


def records(name: str) -> list[dict[str, Any]]:
    return sample_records(reader.FORMAT, SAMPLES / name)


def test_jabref_string_macro_and_comment_meta() -> None:
    moreau, ostrowski = records("jabref_string_macros_comment_meta.bib")
    assert moreau["title"] == "HER2-low tumours in a regional registry: a retrospective cohort"
    assert moreau["container-title"] == "Journal of Invented Oncology"  # @String onc
    assert moreau["author"] == [
        {"family": "Moreau", "given": "Claire"},
        {"family": "Berg", "given": "Pieter", "non-dropping-particle": "van der"},
        {"family": "O'Neill", "given": "Thomas", "suffix": "Jr"},
    ]
    assert moreau["issued"] == {"date-parts": [[2014, 3]]}
    assert (moreau["volume"], moreau["issue"], moreau["page"]) == ("31", "4", "401-409")
    assert moreau["DOI"] == "10.5555/jio.2014.0401"
    assert ostrowski["type"] == "paper-conference"
    assert ostrowski["container-title"] == "Proceedings of the Invented Pathology Meeting"
    assert (ostrowski["publisher"], ostrowski["publisher-place"]) == (
        "Invented Society Press", "Lyon")


def test_zotero_better_biblatex() -> None:
    haddad, who = records("zotero_better_biblatex_date.bib")
    assert haddad["title"] == "HER2-Low Tumours after Neoadjuvant Therapy: An Invented Cohort"
    assert haddad["author"][2] == {"family": "Cruz", "given": "María",
                                   "non-dropping-particle": "de la"}
    assert haddad["issued"] == {"date-parts": [[2021, 9, 14]]}
    assert haddad["accessed"] == {"date-parts": [[2022, 1, 5]]}
    assert haddad["container-title"] == "Invented Journal of Breast Research"
    assert haddad["container-title-short"] == "Inv J Breast Res"
    assert (haddad["volume"], haddad["issue"], haddad["page"]) == ("12", "2", "e1042")
    assert (haddad["PMID"], haddad["DOI"]) == ("31234567", "10.5555/ijbr.2021.e1042")
    assert haddad["language"] == "english"
    assert haddad["keywords"] == ["breast cancer", "HER2-low", "neoadjuvant therapy"]
    assert haddad["abstract"] == "Background: 45% of tumours changed category."
    assert who["type"] == "webpage"
    assert who["author"] == [{"literal": "World Health Organization"}]
    assert who["container-title"] == "Invented Guidance Portal"  # @online organization
    assert who["issued"] == {"date-parts": [[2020, 5]]}


def test_google_scholar_entry() -> None:
    (petrov,) = records("google_scholar_single_entry.bib")
    assert [a["family"] for a in petrov["author"]] == ["Petrov", "Kowalski", "Mensah"]
    assert petrov["container-title"] == "Invented Clinical Oncology Reports"
    assert (petrov["volume"], petrov["issue"]) == ("17", "2")
    assert (petrov["page"], petrov["page-as-printed"]) == ("211-219", "211-19")
    assert petrov["issued"] == {"date-parts": [[2009]]}
    assert petrov["publisher"] == "Invented Publishing Group"


def test_mendeley_doi_url_prefix_pmid_keywords() -> None:
    (okafor,) = records("mendeley_doi_url_prefix_keywords.bib")
    assert okafor["DOI"] == "10.5555/INV.2018.77"
    assert okafor["PMID"] == "29876543"
    assert okafor["keywords"] == ["HER2", "biopsy", "discordance", "immunohistochemistry"]
    assert [a["family"] for a in okafor["author"]] == ["Okafor", "Schönberg", "Müller-Lange"]
    assert okafor["title"] == ("Discordant HER2 status between core biopsy and resection: "
                               "an invented series")
    assert okafor["abstract"].endswith("18% changed.")
    assert okafor["ISSN"] == ["1234-5679"]
    assert okafor["URL"] == "http://www.ncbi.nlm.nih.gov/pubmed/29876543"


def test_month_macros() -> None:
    dates = [r["issued"]["date-parts"] for r in records("month_macros.bib")]
    assert dates == [[[2011, 9]], [[2011, 10]], [[2011, 11]], [[2011, 12, 24]]]


def test_string_concatenation() -> None:
    (entry,) = records("string_concatenation.bib")
    assert entry["title"] == "Trastuzumab dosing in older adults"
    assert entry["container-title"] == "Invented Journal of Breast Research"
    assert (entry["volume"], entry["page"]) == ("4", "10-18")


def test_broken_entry_is_a_problem_with_its_line_and_the_rest_imports() -> None:
    first, problem, last = read("broken_entry_between_good_ones.bib")
    assert isinstance(first, ParsedEntry) and first.record.title == "First good entry"
    assert isinstance(problem, ParseProblem)
    assert (problem.line, problem.origin) == (8, "broken_entry_between_good_ones.bib")
    assert "syntax error" in problem.reason
    assert problem.raw.startswith("@article{broken_middle,")
    assert isinstance(last, ParsedEntry) and last.record.title == "Last good entry"
    assert (first.line, last.line) == (1, 13)


def test_duplicate_keys_are_reported_and_both_records_kept() -> None:
    first, second = read("duplicate_keys.bib")
    assert isinstance(first, ParsedEntry) and isinstance(second, ParsedEntry)
    assert second.record.title == "Second work filed under the same key"
    assert second.warnings == ("citation key 'smith2010' also used at line 1; "
                               "both entries imported",)


def test_corporate_author_particles_and_latex() -> None:
    (report,) = records("names_corporate_particles_latex.bib")
    assert report["type"] == "report"
    assert report["author"] == [
        {"literal": "International HER2 Testing Consortium"},
        {"family": "Cruz", "given": "María", "non-dropping-particle": "de la"},
        {"family": "Berg", "given": "Pieter", "non-dropping-particle": "van der"},
        {"family": "Doe", "given": "John", "suffix": "Jr."},
        {"family": "Käkönen", "given": "Sanna-Maria"},
    ]
    assert report["title"] == "Consensus on HER2 testing: 20–30% discordance in Zürich & Genève"
    assert report["publisher"] == "Invented Institute of Pathology"
    assert report["note"] == "Costs in $ and €"


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.bib")), ids=lambda p: p.stem)
def test_samples_are_detected_as_bibtex_only(path: Path) -> None:
    head = path.read_text("utf-8")[: parsers.HEAD_CHARS]
    scores = {fmt.name: fmt.detect(head) for fmt in parsers.formats()
              if not fmt.fallback}
    assert [name for name, score in scores.items() if score > 0] == ["bibtex"]


def test_registry_names() -> None:
    assert parsers.get("biblatex") is parsers.get("bib") is reader.FORMAT
    assert reader.FORMAT.stream is not None


@pytest.mark.parametrize(("values", "issued"), [
    pytest.param({"date": "2003-06"}, {"date_parts": [[2003, 6]], "season": None, "raw": None},
                 id="iso-month"),
    pytest.param({"date": "2003-06-15/2003-07"},
                 {"date_parts": [[2003, 6, 15], [2003, 7]], "season": None, "raw": None},
                 id="range"),
    pytest.param({"date": "2003-21"}, {"date_parts": [[2003]], "season": 1, "raw": None},
                 id="edtf-season"),
    pytest.param({"date": "2003~"}, {"date_parts": [[2003]], "season": None, "raw": "2003~"},
                 id="circa-keeps-raw"),
    pytest.param({"date": "2003-06-15T10:30:00Z"},
                 {"date_parts": [[2003, 6, 15]], "season": None, "raw": "2003-06-15T10:30:00Z"},
                 id="time-keeps-raw"),
    pytest.param({"year": "2003", "month": "June", "day": "5"},
                 {"date_parts": [[2003, 6, 5]], "raw": None}, id="year-month-day"),
    pytest.param({"year": "2003--2004"}, {"date_parts": [[2003], [2004]]}, id="year-range"),
    pytest.param({"year": "2003a"}, {"date_parts": [[2003]], "raw": "2003a"}, id="year-suffix"),
    pytest.param({"year": "in press"}, None, id="no-year"),
])
def test_dates(values: dict[str, str], issued: dict[str, Any] | None) -> None:
    assert _bibtex_dates.issued(values, []) == issued


@pytest.mark.parametrize(("raw", "value"), [
    ('"a" # b # {c}', "aBc"),
    ("{a # b}", "a # b"),
    ('"x {#} y" # {z}', "x {#} yz"),
    ("jun", "June"),
    ("2003", "2003"),
    ("undefined", "undefined"),
])
def test_resolve(raw: str, value: str) -> None:
    assert _bibtex_values.resolve(raw, {"b": "B"}, []) == value


@pytest.mark.parametrize(("raw", "name"), [
    ("{World Health Organization}", {"literal": "World Health Organization"}),
    ("World Health Organization", {"literal": "World Health Organization"}),
    ("de la Cruz, Mar{\\'\\i}a", {"family": "Cruz", "given": "María",
                                   "non_dropping_particle": "de la", "suffix": None}),
    ("Cruz de la Rosa, M", {"family": "Cruz de la Rosa", "given": "M",
                            "non_dropping_particle": None, "suffix": None}),
    ("Jean de la Fontaine", {"family": "Fontaine", "given": "Jean",
                             "non_dropping_particle": "de la", "suffix": None}),
    ("Roe, III, {}", {"family": "Roe", "given": None, "non_dropping_particle": None,
                      "suffix": "III"}),
    ("Santos Silva, {}", {"family": "Santos Silva", "given": None,
                          "non_dropping_particle": None, "suffix": None}),
    ("{Smith, Barney}, {Anne and Bob}", {"family": "Smith, Barney", "given": "Anne and Bob",
                                         "non_dropping_particle": None, "suffix": None}),
    ("{\\\"O}zil, M", {"family": "Özil", "given": "M", "non_dropping_particle": None,
                       "suffix": None}),
])
def test_names_split_before_decoding(raw: str, name: dict[str, Any]) -> None:
    assert _bibtex_values.names(raw) == ([name], False)


def test_others_marks_a_truncated_list() -> None:
    assert _bibtex_values.names("Doe, J and others") == (
        [{"family": "Doe", "given": "J", "non_dropping_particle": None, "suffix": None}], True)


@pytest.mark.parametrize(("latex", "text"), [
    (r"M{\"u}ller 20--30\% in Z\"{u}rich", "Müller 20–30% in Zürich"),
    (r"\L{}ukasz {\o} \ss{} \c{c} \v s \H{o} \'{\i}", "Łukasz ø ß ç š ő í"),
    (r"a \textbraceleft{} b\textasciicircum{}2 \textbackslash{}x \textasciitilde{}",
     "a { b^2 \\x ~"),
    (r"-{}- `{}`q'{}' \{x\} a~b", "-- ``q'' {x} a b"),
    (r"$\alpha$-helix \emph{in vivo}", "α-helix in vivo"),
    ("20% & more", "20% & more"),
])
def test_decode(latex: str, text: str) -> None:
    assert _bibtex_values.decode(latex) == text


LATEX_TOKENS = st.sampled_from([
    "a", "Z", "é", " ", "{", "}", "\\\"", "\\'", "\\`", "\\^", "\\~", "\\c", "\\v", "\\u", "\\H",
    "\\i", "\\ss", "\\o", "\\L", "\\textendash", "\\&", "\\%", "\\{", "\\}", "-", "--", "`", "'",
    "~", "{}", "u", "o", "I", "\\textbackslash", "\\textbraceleft", ",", "!", "?",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(LATEX_TOKENS, max_size=12).map("".join))
def test_fast_decoder_agrees_with_pylatexenc(latex: str) -> None:
    fast = values._fast_decode(latex)
    if fast is not None:
        assert fast == normalize_text(values._decode_latex(latex))


def normalize_text(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFC", " ".join(text.split()))


def test_stream_is_read_in_batches_with_macros_and_lines_carried(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "BATCH_BLOCKS", 2)
    blocks = ['@string{j = "Invented Letters"}']
    blocks += [f"@article{{k{n},\n  title = {{Entry {n}}},\n  journal = j,\n  year = 2001\n}}"
               for n in range(7)]
    stream = io.StringIO("\n".join(blocks) + "\n")
    found = list(reader.read(stream, "s.bib"))
    assert [entry.line for entry in found] == [2 + 5 * n for n in range(7)]
    assert all(isinstance(e, ParsedEntry) and e.record.container_title == "Invented Letters"
               for e in found)


def test_reading_is_lazy() -> None:
    text = "".join(f"@misc{{k{n}, title = {{T{n}}}}}\n" for n in range(1000))
    stream = io.StringIO(text)
    first = next(reader.read(stream, "lazy.bib"))
    assert isinstance(first, ParsedEntry) and first.record.title == "T0"
    assert stream.tell() < len(text) / 4


@pytest.mark.parametrize("text", [
    pytest.param("@article{open,\n  title = {never closed}\n", id="unclosed-last"),
    pytest.param('@article{k, title = "never closed}\n', id="unclosed-quote"),
    pytest.param("@article{k title = {x}}\n", id="no-comma-after-key"),
])
def test_broken_final_entry_is_a_problem(text: str) -> None:
    (problem,) = reader.FORMAT.parse(text, "b.bib")
    assert isinstance(problem, ParseProblem) and problem.line == 1


def test_entry_without_usable_fields_is_a_problem() -> None:
    (problem,) = reader.FORMAT.parse("@article{empty,\n  year = 2001\n}\n", "e.bib")
    assert isinstance(problem, ParseProblem)
    assert "no title" in problem.reason


def test_warnings_name_what_was_dropped() -> None:
    text = ("@article{w, title = {T}, journal = nomacro, doi = {not a doi}, month = {Foo},\n"
            "  year = 2001, title = {Again}}\n")
    (entry,) = reader.FORMAT.parse(text, "w.bib")
    assert isinstance(entry, ParsedEntry)
    assert entry.record.title == "T"
    assert entry.record.container_title == "nomacro"
    assert sorted(entry.warnings) == [
        "doi 'not a doi' is not valid; kept in the source only",
        "field title given twice; the first value is kept",
        "macro 'nomacro' is not defined; kept as text",
        "month 'Foo' not understood; year kept",
    ]


BIBTEXISH = st.text(alphabet=st.sampled_from(list("@{}()\",=#%\\ \n\tabyt0129-&~$^_")),
                    max_size=200)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(), BIBTEXISH,
                 BIBTEXISH.map(lambda s: "@article{k,\n title = {" + s),
                 BIBTEXISH.map(lambda s: "@article{k, author = {" + s + "}, title={t}}")))
def test_reader_never_raises(text: str) -> None:
    for item in reader.FORMAT.parse(text, "random.bib"):
        assert isinstance(item, ParsedEntry | ParseProblem)
