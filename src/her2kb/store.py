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

    # Keys are [a-z0-9_:-] only, so a base needs no GLOB escaping, and the unique index
    # on citation_key serves the prefix scan.
    QUERY = "SELECT citation_key FROM record WHERE citation_key GLOB ?"

    def __init__(self, session: Session) -> None:
        self.session = session
        self.taken: dict[str, set[str]] = {}

    def allocate(self, record: Record) -> str:
        base = base_key(record)
        keys = self.taken.get(base)
        if keys is None:
            # The driver cursor directly: this runs once per record, in the ingest hot path.
            driver = self.session.connection().connection.driver_connection
            rows = driver.execute(self.QUERY, (base + "*",)) if driver is not None else ()
            keys = self.taken[base] = {key for (key,) in rows}
        key = make_key(record, keys)
        keys.add(key)
        return key

    def forget(self) -> None:
        self.taken.clear()  # written keys are in the database now; keep memory bounded


@dataclass
class BatchWriter:
    """Collects a file's records and writes them a batch at a time."""

    session: Session
    source_id: int
    warn: Callable[[int, str], None]
    counts: Counts = field(default_factory=Counts)
    _incoming: list[tuple[Record, ParsedEntry, int]] = field(default_factory=list)
    _records: list[dict[str, Any]] = field(default_factory=list)
    _links: list[dict[str, Any]] = field(default_factory=list)
    _citations: list[dict[str, Any]] = field(default_factory=list)
    _new: list[tuple[int, Record]] = field(default_factory=list)
    _next_id: int = 0

    def __post_init__(self) -> None:
        self.keys = KeyAllocator(self.session)
        self._next_id = (self.session.scalar(select(func.max(RecordRow.id))) or 0) + 1

    def add(self, entry: ParsedEntry, index: int) -> None:
        self._incoming.append((normalize(entry.record), entry, index))
        if len(self._incoming) >= BATCH_SIZE:
            self.flush()

    def flush(self) -> None:
        """Match the batch against the library (one query per identifier kind), then write."""
        incoming, self._incoming = self._incoming, []
        if not incoming:
            return
        known = repo.identifier_index(self.session, [record for record, _, _ in incoming])
        pending: dict[str, int] = {}  # identifiers of this batch's not yet written records
        for record, entry, index in incoming:
            keys = repo.identifier_keys(record)
            if any(key in pending for key in keys):
                self._write()  # the match is waiting in this batch: write it first
                known.update(pending)
                pending = {}
            if any(key in known for key in keys):
                survivor = self._merge(record, entry, index)
                if survivor is not None:
                    known.update(dict.fromkeys(keys, survivor))
                    continue
            record_id = self._queue(record, entry, index)
            pending.update({key: record_id for key in keys if key not in pending})
        self._write()

    def _queue(self, record: Record, entry: ParsedEntry, index: int) -> int:
        record_id, self._next_id = self._next_id, self._next_id + 1
        stamp = repo.now()
        self._records.append(
            {"id": record_id, "citation_key": self.keys.allocate(record), "created_at": stamp,
             "updated_at": stamp, "merged_into": None, **repo.index_columns(record)}
        )
        self._links.append({"record_id": record_id, "source_id": self.source_id,
                            "entry_index": index, "line": entry.line})
        self._citations.extend(citation_rows(record_id, record))
        self._new.append((record_id, record))
        self.counts.new += 1
        return record_id

    def _write(self) -> None:
        """One executemany per table; then link references both ways for the new records."""
        if not self._records:
            return
        self.session.execute(insert(RecordRow), self._records)
        self.session.execute(insert(RecordSourceRow), self._links)
        if self._citations:
            self.session.execute(insert(CitationRow), self._citations)
        for record_id, record in self._new:
            if record.references:
                repo.resolve_references_of(self.session, record_id)
        repo.resolve_citations(self.session, self._new)
        self._records, self._links, self._citations, self._new = [], [], [], []
        self.keys.forget()

    def _merge(self, record: Record, entry: ParsedEntry, index: int) -> int | None:
        """Merge into the first live record sharing an identifier: the survivor's id, or None."""
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
                return match.id
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
                repo.resolve_references_of(self.session, match.id)
            repo.resolve_citations(self.session, [(match.id, outcome.record)])
            self.counts.merged += 1
            return match.id
        return None


def citation_rows(record_id: int, record: Record, start: int = 0) -> list[dict[str, Any]]:
    """Rows for the record's references after the first `start` (already stored)."""
    return [
        {"citing_id": record_id, "position": n, "title": ref.title,
         "container_title": ref.container_title, "year": ref.year, "doi_norm": doi_key(ref.doi),
         "title_key": match_key(ref.title) if ref.title else None, "cited_id": None}
        for n, ref in enumerate(record.references[start:], start=start + 1)
    ]
