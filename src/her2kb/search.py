"""Full-text search: user text -> a safe FTS5 MATCH expression, ranked by bm25.

Every user term is quoted before it reaches MATCH, so `her2-positive`, stray
quotes, parentheses or `*` can never be an FTS5 syntax error. Upper-case AND, OR
and NOT between terms stay operators; `field:term` narrows to one column; a
trailing `*` asks for a prefix match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from .errors import QueryError

# Column order of record_fts (migration 0001); bm25 weights follow it. Title first.
FTS_COLUMNS = ("title", "authors", "abstract", "container_title", "keywords")
BM25_WEIGHTS = (10.0, 3.0, 1.0, 2.0, 3.0)
FIELD_ALIASES = {
    "title": "title", "ti": "title", "author": "authors", "authors": "authors", "au": "authors",
    "abstract": "abstract", "ab": "abstract", "journal": "container_title",
    "container": "container_title", "keyword": "keywords", "keywords": "keywords",
    "kw": "keywords", "mesh": "keywords",
}
OPERATORS = {"AND", "OR", "NOT"}
_TOKEN = re.compile(r'(?:(\w+):)?(?:"([^"]*)"?|(\S+))')

_WEIGHTS = ", ".join(map(str, BM25_WEIGHTS))
# Only constants are interpolated; the user's query is always the bound :query.
SEARCH_SQL = text(
    f"SELECT r.id AS id, bm25(record_fts, {_WEIGHTS}) AS score,"  # noqa: S608
    " snippet(record_fts, -1, '[', ']', '…', 10) AS snippet"
    " FROM record_fts JOIN record r ON r.id = record_fts.rowid"
    " WHERE record_fts MATCH :query AND r.merged_into IS NULL"
    " ORDER BY score, r.id LIMIT :limit"
)


@dataclass(frozen=True)
class Hit:
    id: int
    score: float
    snippet: str


def quote(term: str, prefix: bool = False) -> str:
    """One FTS5 string token: NUL removed, inner quotes doubled, optional prefix star."""
    cleaned = term.replace("\x00", "").replace('"', '""')
    return f'"{cleaned}"' + ("*" if prefix else "")


def _terms(query: str) -> list[str]:
    """Quoted FTS5 terms and bare operators, in the user's order."""
    parts: list[str] = []
    for match in _TOKEN.finditer(query):
        column_name, phrase, word = match.groups()
        if word in OPERATORS and not column_name:
            parts.append(word)
            continue
        raw = phrase if phrase is not None else word
        prefix = raw.endswith("*") and phrase is None
        raw = raw.strip("*()").strip()
        if not raw or not re.search(r"\w", raw):
            continue
        column = FIELD_ALIASES.get((column_name or "").lower())
        if column_name and column is None:
            raw = f"{column_name}:{raw}"  # not a field we know: search the text as typed
        term = quote(raw, prefix)
        parts.append(f"{column} : {term}" if column else term)
    return parts


def match_expression(query: str) -> str | None:
    """A valid MATCH expression for any input, or None when nothing searchable remains.

    A stray AND/OR is dropped. NOT is binary in FTS5 (`a NOT b`); dropping a NOT that has
    nothing on its left would invert the search, so that is a QueryError instead.
    `a AND NOT b` means `a NOT b`.
    """
    cleaned: list[str] = []
    for part in _terms(query):
        if part == "NOT" and (not cleaned or cleaned[-1] in ("OR", "NOT")):
            raise QueryError(
                "NOT needs a term on its left, as in 'trastuzumab NOT review'; "
                "quote it to search for the word: '\"not\"'"
            )
        if part in OPERATORS:
            if cleaned and cleaned[-1] == "AND" and part == "NOT":
                cleaned[-1] = "NOT"
            elif cleaned and cleaned[-1] not in OPERATORS:
                cleaned.append(part)
            continue
        cleaned.append(part)
    while cleaned and cleaned[-1] in OPERATORS:
        cleaned.pop()
    return " ".join(cleaned) or None


def search(session: Session, query: str, limit: int = 20) -> list[Hit]:
    """Live records matching `query`, best first (bm25 is lower-is-better)."""
    expression = match_expression(query)
    if expression is None:
        return []
    rows = session.execute(SEARCH_SQL, {"query": expression, "limit": limit})
    return [Hit(row.id, float(row.score), row.snippet or "") for row in rows]
