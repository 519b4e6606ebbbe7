"""The streaming driver shared by the XML readers (PubMed XML §10, EndNote XML §11).

`ET.iterparse` reads the text stream through `_Chunks`, which hands it over in chunks
of at most about CHUNK characters and starts a new chunk at every line that holds a
record's start tag (`<PubmedArticle`, `<record`). iterparse drains its events after
each read, so at a record's start event the chunk's first line is the line of its start
tag. The same cut lets the record's raw text be sliced from the source, verbatim;
where that is not clear-cut (two records on one line) it is re-serialised instead.
EndNote writes a whole export on one line: there every record reports line 1, so
problems also name the record's ordinal. Each finished record is built, yielded and
removed from its parent, and so are finished elements between records: memory holds
one record and one chunk, however large the file.

Safety: the stdlib parser never fetches external entities, and entity declarations
(`<!ENTITY`, the "billion laughs" expansion) are refused before the parser sees them.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from typing import TextIO

from . import ParsedEntry, ParseProblem

CHUNK = 16_384
_ENTITY = "<!ENTITY"

# (record element, line of its start tag, ordinal, raw source text) -> entry or problem
Build = Callable[[ET.Element, int, int, str], ParsedEntry | ParseProblem]


class _Chunks:
    """A `read(size)` source for iterparse: counts lines, screens the prolog, keeps a record."""

    def __init__(self, stream: TextIO, markers: tuple[str, ...]) -> None:
        self.stream = stream
        # Text that starts a record's line: a chunk is cut before the line holding it.
        self._marker = re.compile("|".join(re.escape(marker) for marker in markers))
        self.line = 1  # where the chunk handed over last starts
        self._next = 1
        self._pending = ""  # read but not handed over yet
        self._tail = ""  # the end of the previous chunk: `<!ENTITY` may straddle two
        self.in_prolog = True  # entity declarations can only occur before the root element
        self.entity_line: int | None = None
        self.last = ""
        self.kept: list[str] | None = None  # the chunks of the open record

    def _gather(self) -> str:
        """Up to the line of the next record start tag after the first line, or a block."""
        buffer = self._pending
        if len(buffer) < CHUNK:
            buffer += self.stream.read(CHUNK)
        first_line_end = buffer.find("\n") + 1 or len(buffer)
        marker = self._marker.search(buffer, first_line_end)
        cut = buffer.rfind("\n", 0, marker.start()) + 1 if marker else len(buffer)
        chunk, self._pending = buffer[:cut], buffer[cut:]
        return chunk

    def read(self, size: int = -1) -> str:
        chunk = self._gather()
        if self.in_prolog and _ENTITY in self._tail + chunk:
            self.entity_line = self._next + chunk.count("\n", 0, max(chunk.find(_ENTITY), 0))
            return ""  # end of input: iterparse stops with a ParseError we then explain
        self._tail = chunk[-len(_ENTITY):]
        self.line, self._next, self.last = self._next, self._next + chunk.count("\n"), chunk
        if self.kept is not None:
            self.kept.append(chunk)
        return chunk


def text(element: ET.Element | None) -> str | None:
    """All text nodes of an element joined (mixed content, `<style>` runs), spaces collapsed."""
    if element is None:
        return None
    # Most elements hold one text node: skip itertext's generator for them (it is the
    # readers' hottest path on large files).
    raw = element.text or "" if len(element) == 0 else "".join(element.itertext())
    return " ".join(raw.split()) or None


def block_text(element: ET.Element | None) -> str | None:
    """Like `text`, but line breaks (EndNote stores them as CR) stay as newlines."""
    if element is None:
        return None
    raw = "".join(element.itertext()).replace("\r\n", "\n").replace("\r", "\n")
    lines = (" ".join(line.split()) for line in raw.split("\n"))
    return "\n".join(line for line in lines if line) or None


def _source(chunks: list[str], element: ET.Element) -> str:
    """The record as it stands in the source when its chunks hold it alone, else re-serialised."""
    first, last = chunks[0], chunks[-1]
    start, end = f"<{element.tag}", f"</{element.tag}>"
    if first.count(start) == 1 and last.count(end) == 1:
        body = "".join(chunks)
        cut = body.index(start)
        return body[cut : body.index(end, cut) + len(end)]
    return ET.tostring(element, encoding="unicode")


def _problem(origin: str, chunks: _Chunks, exc: ET.ParseError, open_record: bool,
             ordinal: int) -> ParseProblem:
    if chunks.entity_line is not None:
        return ParseProblem(origin, chunks.entity_line,
                            "entity declarations (<!ENTITY) are refused: they can expand "
                            "without bound; remove the DOCTYPE's internal subset")
    where = (f" in record {ordinal}" if open_record
             else f" after record {ordinal}" if ordinal else " before any record")
    raw = "".join(chunks.kept or []) if open_record else ""
    return ParseProblem(origin, exc.position[0], f"malformed XML{where}: {exc}", raw)


def read_records(stream: TextIO, origin: str, tags: frozenset[str], build: Build,
                 what: str) -> Iterator[ParsedEntry | ParseProblem]:
    """Each element named in `tags` through `build`; a parse error ends the file as a problem."""
    chunks = _Chunks(stream, tuple(f"<{tag}" for tag in sorted(tags)))
    stack: list[ET.Element] = []
    record: ET.Element | None = None
    start = ordinal = 0
    try:
        # S314: `_Chunks` refuses entity declarations and the stdlib parser fetches nothing,
        # which is what defusedxml would add here.
        for event, element in ET.iterparse(chunks, events=("start", "end")):  # noqa: S314
            if event == "start":
                chunks.in_prolog = False
                if record is None and element.tag in tags:
                    record, start, ordinal = element, chunks.line, ordinal + 1
                    chunks.kept = [chunks.last]
                stack.append(element)
                continue
            stack.pop()
            if record is not None and element is record:
                yield build(element, start, ordinal, _source(chunks.kept or [""], element))
                record, chunks.kept = None, None
            if record is None and stack:
                stack[-1].remove(element)  # done with it: keep memory to one record
    except ET.ParseError as exc:
        yield _problem(origin, chunks, exc, record is not None, ordinal)
        return
    if ordinal == 0:
        yield ParseProblem(origin, 1, f"no {what} element found in this XML")
