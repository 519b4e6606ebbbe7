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

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from . import dedup
from .citekeys import free_key
from .db import citations, merges
from .db import repository as repo
from .db.tables import RecordRow
from .dedup import keys_for
from .dedup.scoring import veto
from .merge import conflict, merge_records
from .prepare import CITATION_COLUMNS, RECORD_COLUMNS, PreparedRecord
from .records import Record

BATCH_SIZE = 500
_RECORD_INSERT = ("id", "citation_key", "created_at", "updated_at", *RECORD_COLUMNS)
_LINK_INSERT = ("record_id", "source_id", "entry_index", "line")
_CITATION_INSERT = ("citing_id", *CITATION_COLUMNS)


@dataclass
class Counts:
    new: int = 0
    merged: int = 0
    unchanged: int = 0
    maybe: int = 0  # stored as new, but perhaps a duplicate: left for `dedup`


class KeyAllocator:
    """Citation keys unique across the library; cached per base key for one batch."""

    # Keys are [a-z0-9_:-] only, so a base needs no GLOB escaping, and the unique index
    # on citation_key serves the prefix scan.
    QUERY = "SELECT citation_key FROM record WHERE citation_key GLOB ?"

    def __init__(self, session: Session) -> None:
        self.session = session
        self.taken: dict[str, set[str]] = {}

    def allocate(self, base: str) -> str:
        keys = self.taken.get(base)
        if keys is None:
            # The driver cursor directly: this runs once per record, in the ingest hot path.
            driver = self.session.connection().connection.driver_connection
            rows = driver.execute(self.QUERY, (base + "*",)) if driver is not None else ()
            keys = self.taken[base] = {key for (key,) in rows}
        key = free_key(base, keys)
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
    _incoming: list[tuple[PreparedRecord, int]] = field(default_factory=list)
    _records: list[tuple[Any, ...]] = field(default_factory=list)
    _links: list[tuple[int, int, int, int]] = field(default_factory=list)
    _citations: list[tuple[Any, ...]] = field(default_factory=list)
    _new: list[citations.CitableRecord] = field(default_factory=list)
    _citing: list[int] = field(default_factory=list)
    _next_id: int = 0

    def __post_init__(self) -> None:
        self.keys = KeyAllocator(self.session)
        self._next_id = (self.session.scalar(select(func.max(RecordRow.id))) or 0) + 1
        self._stamp = repo.now()

    def add(self, prepared: PreparedRecord, index: int) -> None:
        self._incoming.append((prepared, index))
        if len(self._incoming) >= BATCH_SIZE:
            self.flush()

    def flush(self) -> None:
        """Match the batch against the library, then write what is new.

        Two kinds of candidates, each found with one query per batch: records sharing an
        identifier (merged unless they conflict), and records with the same normalised
        title (merged only when the matcher is sure; a maybe is left for `dedup`).
        """
        incoming, self._incoming = self._incoming, []
        if not incoming:
            return
        known = repo.identifier_index(
            self.session, (key for item, _ in incoming for key in item.identifier_keys))
        titles = repo.title_index(self.session, {item.title_key for item, _ in incoming
                                                 if item.title_key})
        pending: dict[str, int] = {}  # identifiers of this batch's not yet written records
        pending_titles: dict[str, list[int]] = {}
        for item, index in incoming:
            keys = item.identifier_keys
            if any(key in pending for key in keys) or item.title_key in pending_titles:
                self._write()  # the match is waiting in this batch: write it first
                known.update(pending)
                for title, ids in pending_titles.items():
                    titles.setdefault(title, []).extend(ids)
                pending, pending_titles = {}, {}
            survivor = None
            if any(key in known for key in keys):
                survivor = self._merge(item, index)
            elif item.title_key in titles:
                survivor = self._match(item, index, titles[item.title_key])
            if survivor is not None:
                known.update(dict.fromkeys(keys, survivor))
                continue
            record_id = self._queue(item, index)
            pending.update({key: record_id for key in keys if key not in pending})
            if item.title_key:
                pending_titles.setdefault(item.title_key, []).append(record_id)
        self._write()

    def _queue(self, item: PreparedRecord, index: int) -> int:
        record_id, self._next_id = self._next_id, self._next_id + 1
        key = self.keys.allocate(item.base_key)
        self._records.append((record_id, key, self._stamp, self._stamp, *item.columns))
        self._links.append((record_id, self.source_id, index, item.line))
        if item.citations:
            self._citations.extend((record_id, *row) for row in item.citations)
            self._citing.append(record_id)
        self._new.append((record_id, item.doi_norm, item.title_key, item.year))
        self.counts.new += 1
        return record_id

    def _write(self) -> None:
        """One executemany per table; then link references both ways for the new records."""
        if not self._records:
            return
        repo.insert_rows(self.session, "record", _RECORD_INSERT, self._records)
        repo.insert_rows(self.session, "record_source", _LINK_INSERT, self._links)
        repo.insert_rows(self.session, "citation", _CITATION_INSERT, self._citations)
        for record_id in self._citing:
            citations.resolve_references_of(self.session, record_id)
        citations.resolve_citations(self.session, self._new)
        self._records, self._links, self._citations, self._new, self._citing = [], [], [], [], []
        self.keys.forget()

    def _merge(self, item: PreparedRecord, index: int) -> int | None:
        """Merge into the first live record sharing an identifier: the survivor's id, or None."""
        record = item.full()
        for match in repo.live_matches(self.session, record):
            stored = repo.load_record(match)
            reason = conflict(stored, record) or veto(keys_for(stored), keys_for(record))
            if reason:
                self.warn(item.line, f"shares an identifier with {match.citation_key} but "
                          f"{reason}; kept apart (review with dedup)")
                continue
            return self._merge_into(item, index, match, stored, "exact identifier", 1.0)
        return None

    def _match(self, item: PreparedRecord, index: int, candidate_ids: list[int]) -> int | None:
        """Merge into a live record with the same title when the matcher is sure of it."""
        record = item.full()
        rows = {row.id: row for row in repo.live_rows(self.session, candidate_ids)}
        stored = {row_id: repo.load_record(row) for row_id, row in rows.items()}
        found = dedup.best_match(keys_for(record), stored.items())
        if found is None:
            return None
        match_id, link = found
        if link.score < dedup.SURE:
            self.counts.maybe += 1
            self.warn(item.line, f"may be the same work as {rows[match_id].citation_key} "
                      f"({link.score:.2f}: {link.reason}); review with her2kb dedup")
            return None
        return self._merge_into(item, index, rows[match_id], stored[match_id],
                                f"match: {link.reason}", link.score)

    def _merge_into(self, item: PreparedRecord, index: int, match: RecordRow, stored: Record,
                    rule: str, score: float) -> int:
        record = item.full()
        outcome = merge_records(stored, record)
        if not outcome.changed and not outcome.alternatives:
            repo.link_source(self.session, match.id, self.source_id, index, item.line)
            self.counts.unchanged += 1
            return match.id
        # An id from the writer's own sequence: records queued in this batch hold the ids
        # below it and are not in the table yet.
        absorbed, self._next_id = self._next_id, self._next_id + 1
        repo.insert_record(self.session, absorbed, record, self.keys.allocate(item.base_key))
        repo.link_source(self.session, absorbed, self.source_id, index, item.line)
        merges.absorb(self.session, match, absorbed, stored, outcome, self.source_id, rule,
                      score)
        self.counts.merged += 1
        return match.id
