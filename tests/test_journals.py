"""The vendored CC0 journal lists: lookups, prefixes, expansions, load time (formats.md §12.9)."""

from __future__ import annotations

import pytest

from her2kb import journals


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("Annals of Oncology", id="title-case-full-name"),
        pytest.param("annals of oncology", id="case-folded"),
        pytest.param("The Oncologist", id="entrez-with-article"),
        pytest.param("Clinical Cancer Research", id="entrez-before-subtitle"),
        pytest.param("Nature Reviews Cancer", id="entrez-dot-folded"),
        pytest.param("The Lancet", id="optional-article"),
        pytest.param("PLoS ONE", id="internal-capitals"),
        pytest.param("Anti\u2010Cancer Drugs", id="u2010-hyphen"),
        pytest.param("Investigative Ophthalmology and Visual Science", id="and-for-ampersand"),
    ],
)
def test_full_names_are_known(name: str) -> None:
    assert journals.is_full_name(name)
    assert journals.is_known(name)


@pytest.mark.parametrize(
    "abbreviation", ["Ann Oncol", "J. Clin. Oncol.", "Breast Cancer Res Treat"]
)
def test_abbreviations_are_known_but_not_full_names(abbreviation: str) -> None:
    assert journals.is_known(abbreviation)
    assert not journals.is_full_name(abbreviation)


@pytest.mark.parametrize("name", ["", "Journal of Invented Oncology", "Cancer Cel", "HER2"])
def test_unlisted_names_are_unknown(name: str) -> None:
    assert not journals.is_known(name)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Current Cancer Drug Targets aims to cover", "Current Cancer Drug Targets",
                     id="seed-001-blurb"),
        pytest.param("Cancer Cell publishes invented work", "Cancer Cell", id="longest-not-Cancer"),
        pytest.param("Cancer is an invented example", "Cancer", id="one-word"),
        pytest.param("breast cancer research and treatment, a made-up line",
                     "breast cancer research and treatment", id="printed-case-kept-comma-dropped"),
        pytest.param("Oncogene.", "Oncogene", id="sentence-dot-dropped"),
        pytest.param("Journal of Invented Oncology aims", None, id="unlisted"),
        pytest.param("Cancers of the invented kind", None, id="whole-words-only"),
        pytest.param("", None, id="empty"),
    ],
)
def test_longest_prefix(text: str, expected: str | None) -> None:
    assert journals.longest_prefix(text) == expected


def test_starts_like_journal_needs_two_listed_leading_words() -> None:
    assert journals.starts_like_journal("Journal of Invented Receptor Science")
    assert not journals.starts_like_journal("Nature")
    assert not journals.starts_like_journal("Invented Imaginary Reports")


@pytest.mark.parametrize(
    ("abbreviation", "expected"),
    [
        pytest.param("Ann Oncol", "Annals of Oncology", id="title-case-preferred-over-jt"),
        pytest.param("N Engl J Med", "New England Journal of Medicine", id="jt-article-dropped"),
        pytest.param("J. Clin. Oncol.", "Journal of Clinical Oncology", id="dotted-iso"),
        pytest.param("Arch Surg", None, id="ambiguous-entrez"),
        pytest.param("Am J Dis Child", None, id="ambiguous-by-year"),
        pytest.param("Invented J Abbr", None, id="unknown"),
    ],
)
def test_expand_abbreviation(abbreviation: str, expected: str | None) -> None:
    assert journals.expand_abbreviation(abbreviation) == expected
