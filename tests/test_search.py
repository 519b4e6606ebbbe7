"""Search: safe MATCH expressions for any text, stemming, ranking, merged copies hidden."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from her2kb.errors import QueryError
from her2kb.search import match_expression, quote


@pytest.mark.parametrize(
    ("query", "expression"),
    [
        pytest.param("resistance", '"resistance"', id="word"),
        pytest.param("her2-positive", '"her2-positive"', id="dash"),
        pytest.param("title:trastuzumab", 'title : "trastuzumab"', id="field"),
        pytest.param("ti:her2 OR journal:oncology",
                     'title : "her2" OR container_title : "oncology"', id="operator"),
        pytest.param("trastu*", '"trastu"*', id="prefix"),
        pytest.param('"breast cancer" NOT review', '"breast cancer" NOT "review"', id="phrase"),
        pytest.param("AND OR", None, id="only-operators"),
        pytest.param("a AND NOT b", '"a" NOT "b"', id="and-not"),
        pytest.param("and", '"and"', id="lowercase-is-a-word"),
        pytest.param("url:https", '"url:https"', id="unknown-field"),
        pytest.param('say "hi', '"say" "hi"', id="unclosed-quote"),
        pytest.param("((", None, id="parens"),
    ],
)
def test_match_expression(query: str, expression: str | None) -> None:
    assert match_expression(query) == expression


@pytest.fixture(scope="module")
def fts() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(title, authors, abstract, container_title,"
                 " keywords, tokenize='porter unicode61 remove_diacritics 2')")
    conn.execute("INSERT INTO t VALUES ('HER2-positive resistance', 'Chen', 'x', 'y', 'z')")
    return conn


QUERY_WORDS = st.sampled_from(["a", "NOT", "OR", "AND", '"', "(", "*"])


@settings(max_examples=300, deadline=None)
@given(st.text() | st.lists(QUERY_WORDS).map(" ".join))
def test_any_text_is_a_valid_match(fts: sqlite3.Connection, query: str) -> None:
    try:
        expression = match_expression(query)
    except QueryError:
        return  # a NOT with nothing on its left: reported, never run
    if expression is not None:
        fts.execute("SELECT count(*) FROM t WHERE t MATCH ?", (expression,)).fetchall()


def test_quote_doubles_inner_quotes_and_drops_nul() -> None:
    assert quote('a"b\x00c') == '"a""bc"'


def test_stemming_matches_resistant(fts: sqlite3.Connection) -> None:
    expression = match_expression("resistant")
    assert fts.execute("SELECT count(*) FROM t WHERE t MATCH ?", (expression,)).fetchone() == (1,)
