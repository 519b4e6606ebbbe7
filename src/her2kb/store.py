"""BatchWriter: the records of one file into the library, in batches, inside its transaction.

New records are collected and written with one executemany per table per batch, with
ids handed out by the writer (the ingest holds the write lock, see db/engine.py). A
record that shares a DOI, PMID or PMCID with a live one is merged instead (merge.py),
after the pending batch is written so that matches inside one file are found too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from .citekeys import base_key, make_key
from .db import repository as repo
from .db.tables import CitationRow, RecordRow, RecordSourceRow
from .identifiers import doi_key
from .merge import conflict, merge_records
from .normalize import normalize
from .parsers import ParsedEntry
from .records import Record
from .text import match_key

BATCH_SIZE = 500


@dataclass
class Counts:
    new: int = 0
    merged: int = 0
    unchanged: int = 0


class KeyAllocator:
    """Citation keys unique across the library; cached per base key for one batch."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.taken: dict[str, set[str]] = {}

    def allocate(self, record: Record) -> str:
        base = base_key(record)
        keys = self.taken.get(base)
        if keys is None:
            # Keys are [a-z0-9_:-] only, so the base needs no GLOB escaping; the unique
            # index on citation_key serves the prefix scan.
            prefix = RecordRow.citation_key.op("GLOB")(base + "*")
            query = select(RecordRow.citation_key).where(prefix)
            keys = self.taken[base] = set(self.session.scalars(query))
        key = make_key(record, keys)
        keys.add(key)
        return key

    def forget(self) -> None:
        self.taken.clear()  # written keys are in the database now; keep memory bounded


@dataclass
class BatchWriter:
    session: Session
    source_id: int
    warn: Callable[[int, str], None]
    counts: Counts = field(default_factory=Counts)
    _records: list[dict[str, Any]] = field(default_factory=list)
    _links: list[dict[str, Any]] = field(default_factory=list)
    _citations: list[dict[str, Any]] = field(default_factory=list)
    _new: list[tuple[int, Record]] = field(default_factory=list)
    _next_id: int = 0

    def __post_init__(self) -> None:
        self.keys = KeyAllocator(self.session)
        self._next_id = (self.session.scalar(select(func.max(RecordRow.id))) or 0) + 1

    def add(self, entry: ParsedEntry, index: int) -> None:
        record = normalize(entry.record)
        if record.doi or record.pmid or record.pmcid:
            self.flush()  # a match may be waiting in the pending batch
            if self._merge(record, entry, index):
                return
        record_id, self._next_id = self._next_id, self._next_id + 1
        row = repo.index_columns(record)
        stamp = repo.now()
        self._records.append(
            {"id": record_id, "citation_key": self.keys.allocate(record), "created_at": stamp,
             "updated_at": stamp, "merged_into": None, **row}
        )
        self._links.append({"record_id": record_id, "source_id": self.source_id,
                            "entry_index": index, "line": entry.line})
        self._citations.extend(citation_rows(record_id, record))
        self._new.append((record_id, record))
        self.counts.new += 1
        if len(self._records) >= BATCH_SIZE:
            self.flush()

    def flush(self) -> None:
        """Write the pending batch; then link references both ways for its new records."""
        if not self._records:
            return
        self.session.execute(insert(RecordRow), self._records)
        self.session.execute(insert(RecordSourceRow), self._links)
        if self._citations:
            self.session.execute(insert(CitationRow), self._citations)
        for record_id, record in self._new:
            if record.references:
                repo.resolve_references_of(self.session, record_id)
            repo.resolve_citations(self.session, record_id, record)
        self._records, self._links, self._citations, self._new = [], [], [], []
        self.keys.forget()

    def _merge(self, record: Record, entry: ParsedEntry, index: int) -> bool:
        """Merge into the first live record sharing an identifier; False if none fits."""
        for match in repo.live_matches(self.session, record):
            stored = repo.load_record(match)
            reason = conflict(stored, record)
            if reason:
                self.warn(entry.line, f"shares an identifier with {match.citation_key} but "
                          f"{reason}; kept apart (review with dedup)")
                continue
            outcome = merge_records(stored, record)
            if not outcome.changed and not outcome.alternatives:
                repo.link_source(self.session, match.id, self.source_id, index, entry.line)
                self.counts.unchanged += 1
                return True
            absorbed = repo.insert_record(self.session, record, self.keys.allocate(record))
            self._next_id = max(self._next_id, absorbed + 1)
            repo.link_source(self.session, absorbed, self.source_id, index, entry.line)
            merge_id = repo.log_merge(self.session, match, absorbed, "exact identifier", 1.0)
            repo.mark_merged(self.session, absorbed, match.id)
            repo.add_alternatives(self.session, match.id, outcome.alternatives, self.source_id,
                                  merge_id)
            repo.update_record(self.session, match.id, outcome.record)
            added = citation_rows(match.id, outcome.record, start=len(stored.references))
            if added:
                self.session.execute(insert(CitationRow), added)
            repo.resolve_citations(self.session, match.id, outcome.record)
            self.counts.merged += 1
            return True
        return False


def citation_rows(record_id: int, record: Record, start: int = 0) -> list[dict[str, Any]]:
    """Rows for the record's references after the first `start` (already stored)."""
    return [
        {"citing_id": record_id, "position": n, "title": ref.title,
         "container_title": ref.container_title, "year": ref.year, "doi_norm": doi_key(ref.doi),
         "title_key": match_key(ref.title) if ref.title else None, "cited_id": None}
        for n, ref in enumerate(record.references[start:], start=start + 1)
    ]
