"""ingest_file(): bytes -> verbatim source -> records, one transaction per file.

A file is read three times, never held whole in memory: a survey (sha256, encoding,
emptiness, the head for detection), the verbatim copy into `source_chunk`, and the
parse (pipeline.py; in a second process for large files). Everything stored for a
file (source, records, links, merges, citations) commits together or not at all; a
killed process leaves no trace of the file.
"""

from __future__ import annotations

import codecs
import hashlib
import io
from dataclasses import dataclass, field
from typing import BinaryIO

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from . import parsers
from .db import repository as repo
from .errors import Her2kbError, InputError
from .parsers import ParseProblem
from .pipeline import for_parsing, prepared_items
from .store import BatchWriter

BLOCK = 1 << 20  # bytes per read, and about the size of one stored chunk
BINARY_SNIFF = 8192
MAX_NOTES = 1000  # problems and warnings kept per file; the rest are counted
WRITER_WAIT_MS = 30 * 60 * 1000
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Files people drop beside their saved pages, by their first bytes, and what to do instead.
BINARY_KINDS = (
    (b"%PDF-", "a PDF; save the article's web page or its citation (RIS, BibTeX) instead"),
    (b"bplist00", "an Apple property list, such as a Safari web archive; save the page "
                 "as Page Source instead"),
    (b"PK\x03\x04", "a zip file (or a Word or EPUB document); unpack or export it as text"),
    (b"SQLite format 3\x00", "an SQLite database; export its records as RIS or BibTeX"),
)


@dataclass
class FileReport:
    """What one input did: its format, record counts, and problems (file:line: reason)."""

    origin: str
    format: str | None = None
    new: int = 0
    merged: int = 0
    unchanged: int = 0
    maybe: int = 0  # stored as new, but perhaps duplicates of stored records: see `dedup`
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    lacking: list[str] = field(default_factory=list)  # `file:line: lacks volume, pages`
    records_lacking: int = 0
    notes_not_kept: int = 0
    error: str | None = None
    skipped: bool = False  # these exact bytes were ingested before (perhaps by another name)

    @property
    def failed(self) -> bool:
        return self.error is not None or bool(self.problems)

    @property
    def problems_cut(self) -> bool:
        """True when problems went unlisted (not only warnings, which -v alone lists)."""
        return self.notes_not_kept > 0 and len(self.problems) >= MAX_NOTES

    def note(self, bucket: list[str], message: str) -> None:
        if len(bucket) < MAX_NOTES:
            bucket.append(message)
        else:
            self.notes_not_kept += 1


@dataclass(frozen=True)
class Survey:
    sha256: str
    size: int
    encoding: str
    head: str


class _Decoding:
    """One candidate encoding, decoded block by block: head, blankness, first failure."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self.decoder = codecs.getincrementaldecoder(encoding)()
        self.head, self.blank, self.failed_at = "", True, ""
        self.offset, self.lines = 0, 1

    def feed(self, block: bytes, final: bool = False) -> None:
        if self.failed_at:
            return
        try:
            text = self.decoder.decode(block, final)
        except UnicodeDecodeError as exc:
            line = self.lines + block[: exc.start].count(b"\n")
            self.failed_at = f"{line}: byte {self.offset + exc.start}"
            return
        if len(self.head) < parsers.SCAN_CHARS:
            self.head += text[: parsers.SCAN_CHARS]
        self.blank = self.blank and not text.strip("\ufeff \t\r\n")
        self.offset, self.lines = self.offset + len(block), self.lines + block.count(b"\n")


def _fallback(handle: BinaryIO, encoding: str) -> _Decoding:
    """A second pass in another encoding, only for files that are not UTF-8."""
    handle.seek(0)
    scan = _Decoding(encoding)
    while block := handle.read(BLOCK):
        scan.feed(block)
    scan.feed(b"", final=True)
    return scan


def survey(handle: BinaryIO, origin: str) -> Survey:
    """Hash, size and encoding in one pass; refuse empty, binary and undecodable input."""
    handle.seek(0)
    block = handle.read(BLOCK)
    utf16 = ""
    if block.startswith(UTF16_BOMS):
        utf16 = "utf-16-le" if block.startswith(b"\xff\xfe") else "utf-16-be"
    elif kind := next((k for magic, k in BINARY_KINDS if block.startswith(magic)), ""):
        raise InputError(f"{origin}: this is {kind}")
    elif b"\x00" in block[:BINARY_SNIFF]:
        raise InputError(f"{origin}: this is a binary file, not text; export it as text first")
    # An explicit byte order keeps the BOM as U+FEFF, so the stored text re-encodes exactly.
    scan = _Decoding(utf16 or "utf-8")
    digest, size = hashlib.sha256(), 0
    while block:
        digest.update(block)
        size += len(block)
        scan.feed(block)
        block = handle.read(BLOCK)
    scan.feed(b"", final=True)
    if scan.failed_at and not utf16:
        first_failure = scan.failed_at
        scan = _fallback(handle, "cp1252")  # cp1252: what old Windows exporters write
        scan.failed_at = scan.failed_at and first_failure
    if scan.failed_at:
        raise InputError(f"{origin}:{scan.failed_at} is neither UTF-8 nor Windows-1252 text; "
                         "re-save the file as UTF-8")
    if scan.blank:
        raise InputError(f"{origin}: the file is empty; nothing to ingest")
    head = parsers.detection_head(for_parsing(scan.head))
    return Survey(digest.hexdigest(), size, scan.encoding, head)


def _store_text(session: Session, source_id: int, handle: BinaryIO, encoding: str) -> None:
    """The source verbatim: decoding is lossless, so the chunks re-encode to the same bytes."""
    handle.seek(0)
    decoder = codecs.getincrementaldecoder(encoding)()
    seq = 0
    while block := handle.read(BLOCK):
        repo.add_chunk(session, source_id, seq, decoder.decode(block))
        seq += 1
    tail = decoder.decode(b"", final=True)
    if tail or seq == 0:
        repo.add_chunk(session, source_id, seq, tail)


def ingest_file(engine: Engine, handle: BinaryIO, origin: str, fmt: str | None = None
                ) -> FileReport:
    """Ingest one seekable input; expected failures end up in the report."""
    report = FileReport(origin)
    try:
        info = survey(handle, origin)
        reader = parsers.get(fmt) if fmt else parsers.detect(info.head, origin)
    except Her2kbError as exc:
        report.error = str(exc)
        return report
    report.format = reader.name
    writer_options = {"sqlite_begin": "IMMEDIATE"}  # take the write lock before reading
    with engine.connect().execution_options(**writer_options) as connection, \
            Session(bind=connection) as session:
        # A writer waits for another writer's file to finish, however long it takes. Set on
        # the driver connection: through SQLAlchemy it would open the transaction early.
        driver = connection.connection.driver_connection
        if driver is not None:
            driver.execute(f"PRAGMA busy_timeout={WRITER_WAIT_MS}")
        transaction = session.begin()
        known = repo.source_by_sha(session, info.sha256)
        if known is not None:
            # The same bytes again: nothing new to read, but a new path is remembered as
            # another origin of the stored source (a copy saved under another name).
            report.skipped = True
            if repo.add_origin(session, known, origin):
                transaction.commit()
            else:
                transaction.rollback()
            return report
        source_id = repo.add_source(session, info.sha256, reader.name, origin, info.encoding,
                                    info.size)
        _store_text(session, source_id, handle, info.encoding)
        writer = BatchWriter(session, source_id,
                             lambda line, text: report.note(report.warnings,
                                                            f"{origin}:{line}: {text}"))
        entries = 0
        for item in prepared_items(reader, handle, info.encoding, origin, info.size):
            if isinstance(item, ParseProblem):
                report.note(report.problems, str(item))
                continue
            for warning in item.warnings:
                report.note(report.warnings, f"{origin}:{item.line}: {warning}")
            if item.lacking:
                report.records_lacking += 1
                if len(report.lacking) < MAX_NOTES:  # records_lacking counts them all
                    report.lacking.append(f"{origin}:{item.line}: lacks "
                                          f"{', '.join(item.lacking)}")
            writer.add(item, entries)
            entries += 1
        writer.flush()
        if entries == 0:
            transaction.rollback()  # a file no reader could use is reported, not stored
            if not report.problems:  # else each problem line already says what went wrong
                report.error = f"{origin}: no record could be read as {reader.name}"
            return report
        transaction.commit()
    report.new, report.merged, report.unchanged, report.maybe = (
        writer.counts.new, writer.counts.merged, writer.counts.unchanged, writer.counts.maybe)
    return report


def ingest_bytes(engine: Engine, data: bytes, origin: str, fmt: str | None = None) -> FileReport:
    """ingest_file for bytes in memory (stdin, tests, the Python API)."""
    return ingest_file(engine, io.BytesIO(data), origin, fmt)
