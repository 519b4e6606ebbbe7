"""ingest_file(): bytes -> source -> records, one transaction per file.

Reading and decoding happen before the transaction opens; everything stored for a
file (source, records, links, merges, citations) commits together or not at all.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from . import parsers
from .citekeys import make_key
from .db import repository as repo
from .errors import Her2kbError, InputError
from .merge import conflict, merge_records
from .normalize import normalize
from .parsers import ParsedEntry, ParseProblem

BINARY_SNIFF = 8192


@dataclass
class FileReport:
    """What one input did: its format, record counts, and any problems (file:line: reason)."""

    origin: str
    format: str | None = None
    new: int = 0
    merged: int = 0
    unchanged: int = 0
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    record_ids: list[int] = field(default_factory=list)
    error: str | None = None
    skipped: bool = False  # this exact file was ingested before

    @property
    def failed(self) -> bool:
        return self.error is not None or bool(self.problems)


def iter_inputs(paths: list[str]) -> Iterator[str]:
    """Files as given; folders walked recursively in name order, hidden files skipped."""
    for given in paths:
        path = Path(given)
        if given != "-" and path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and not hidden:
                    yield str(child)
        else:
            yield given


def decode(data: bytes, origin: str) -> tuple[str, str]:
    """The text exactly as in the file, and its encoding; empty or binary input is an InputError.

    Decoding is lossless (`text.encode(encoding) == data`), so the stored source is verbatim.
    """
    if not data.strip():
        raise InputError(f"{origin}: the file is empty; nothing to ingest")
    if b"\x00" in data[:BINARY_SNIFF]:
        raise InputError(f"{origin}: this is a binary file, not text; export it as text first")
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        try:
            text, encoding = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{origin}: byte {exc.start} is neither UTF-8 nor Windows-1252; "
                "re-save the file as UTF-8"
            ) from None
    return text, encoding


def for_parsing(raw: str) -> str:
    """formats.md ground rules: no BOM, LF line ends, before detection and parsing."""
    return raw.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


class _TakenKeys:
    """`key in taken` asks the database, so keys stay unique across files."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and repo.key_taken(self.session, key)


def _store_entry(session: Session, entry: ParsedEntry, index: int, source_id: int,
                 report: FileReport) -> None:
    record = normalize(entry.record)
    for match in repo.live_matches(session, record):
        stored = repo.load_record(match)
        reason = conflict(stored, record)
        if reason:
            report.warnings.append(
                f"{report.origin}:{entry.line}: shares an identifier with {match.citation_key} "
                f"but {reason}; kept apart (review with dedup)"
            )
            continue
        outcome = merge_records(stored, record)
        if not outcome.changed and not outcome.alternatives:
            repo.link_source(session, match.id, source_id, index, entry.line)
            report.unchanged += 1
            report.record_ids.append(match.id)
            return
        absorbed = repo.insert_record(session, record, make_key(record, _TakenKeys(session)))
        repo.link_source(session, absorbed, source_id, index, entry.line)
        merge_id = repo.log_merge(session, match, absorbed, "exact identifier", 1.0)
        repo.mark_merged(session, absorbed, match.id)
        repo.add_alternatives(session, match.id, outcome.alternatives, source_id, merge_id)
        repo.update_record(session, match.id, outcome.record)
        repo.add_citations(session, match.id, outcome.record, start=len(stored.references))
        repo.resolve_citations(session, match.id, outcome.record)
        report.merged += 1
        report.record_ids.append(match.id)
        return
    record_id = repo.insert_record(session, record, make_key(record, _TakenKeys(session)))
    repo.link_source(session, record_id, source_id, index, entry.line)
    repo.add_citations(session, record_id, record)
    repo.resolve_references_of(session, record_id)
    repo.resolve_citations(session, record_id, record)
    report.new += 1
    report.record_ids.append(record_id)


def ingest_bytes(engine: Engine, data: bytes, origin: str, fmt: str | None = None) -> FileReport:
    """Ingest one input; expected failures end up in the report, never half in the database."""
    report = FileReport(origin)
    try:
        raw, encoding = decode(data, origin)
        text = for_parsing(raw)
        reader = parsers.get(fmt) if fmt else parsers.detect(text, origin)
    except Her2kbError as exc:
        report.error = str(exc)
        return report
    report.format = reader.name
    sha256 = hashlib.sha256(data).hexdigest()
    with Session(engine) as session, session.begin():
        if repo.source_by_sha(session, sha256) is not None:
            report.skipped = True
            return report
        items = list(reader.parse(text, origin))
        entries = [item for item in items if isinstance(item, ParsedEntry)]
        report.problems = [str(item) for item in items if isinstance(item, ParseProblem)]
        if not entries:
            report.error = report.error or f"{origin}: no record could be read as {reader.name}"
            return report
        source_id = repo.add_source(session, sha256, reader.name, origin, encoding, raw)
        for index, entry in enumerate(entries):
            report.warnings.extend(f"{origin}:{entry.line}: {w}" for w in entry.warnings)
            _store_entry(session, entry, index, source_id, report)
    return report
