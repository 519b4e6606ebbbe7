"""The article type a journal page prints or labels becomes the record's publication type."""

from __future__ import annotations

import pytest

from her2kb.parsers import ParsedEntry, generic_page
from her2kb.parsers._text_article_type import labelled_types, printed_type

BODY = ("Abstract\nWe invented a cohort of 120 patients treated with an imaginary antibody and "
        "followed them for five years to describe what happened to them.\n")


def _types(text: str) -> list[str]:
    (entry,) = generic_page.parse(text, "page.txt")
    assert isinstance(entry, ParsedEntry), entry
    return entry.record.publication_types


@pytest.mark.parametrize(("above", "expected"), [
    ("Original Investigation\nOncology\nJune 6, 2024", ["Original Investigation"]),
    ("Research Article | Open Access", ["Research Article"]),
    ("Open AccessReview", ["Review"]),
    ("ORIGINAL ARTICLE", ["ORIGINAL ARTICLE"]),
    ("Review\nFirst published online March 3, 2021", ["Review"]),
])
def test_a_type_printed_above_the_title_is_taken(above: str, expected: list[str]) -> None:
    text = (f"Invented Journal of Examples\n{above}\nAn invented study of a receptor in "
            f"tumours\nJane Doe, Tom Roe\n{BODY}")
    assert _types(text) == expected


def test_a_one_word_type_far_from_the_title_is_a_menu_entry() -> None:
    text = ("Home\nReview\nJournals\nAbout\nContact\nInvented Journal of Examples\n"
            "Volume 3, Issue 2\nAn invented study of a receptor in tumours\nJane Doe, Tom Roe\n"
            f"{BODY}")
    assert _types(text) == []


def test_the_link_to_a_related_editorial_does_not_replace_the_type() -> None:
    head = ["Original Investigation", "An invented study of a receptor in tumours",
            "Jane Doe, MD; Tom Roe, PhD", "JAMA Examp. 2024;10(8):1041-1049.", "Editorial",
            "Comment", "Abstract"]
    assert printed_type(head, 6, "An invented study of a receptor in tumours") == \
        "Original Investigation"


def test_labelled_rows_give_every_type_they_list() -> None:
    assert labelled_types("Journal Article. Review.") == ["Journal Article", "Review"]
    assert labelled_types("Article; Early Access") == ["Article", "Early Access"]
    assert labelled_types("We describe an invented series of patients treated over ten years "
                          "at one centre") == []
    text = f"Title: An invented study of a receptor\nDocument Type: Article\n{BODY}"
    assert _types(text) == ["Article"]


def test_scopus_glued_type_is_the_type() -> None:
    head = ["An invented cohort of HER2 tumours in a prospective cohort(Article)", "Abstract"]
    assert printed_type(head, 1, "An invented cohort of HER2 tumours in a prospective cohort") \
        == "Article"
