"""Entries of one input, prepared for the writer: in this process, or in a second one.

Parsing, validating and normalising cost about as much per record as writing it.
For a large file on a machine with a spare core, a child process reads and prepares
while this one writes; the two meet through a pipe whose small buffer keeps memory
bounded (the child waits while the writer is behind). Order is kept: one child, one
pipe, pickled batches. Small files and streams without a path stay in process, where starting a
child would cost more than it saves.
"""

from __future__ import annotations

import io
import os
import pickle
import subprocess
import sys
import traceback
from collections.abc import Iterator
from typing import BinaryIO

from . import parsers
from .errors import Her2kbError, InputError
from .parsers import InputFormat, ParsedEntry, ParseProblem
from .prepare import PreparedRecord, prepare
from .text import plain_spaces

PARSE_CODECS = {"utf-8": "utf-8-sig", "utf-16-le": "utf-16", "utf-16-be": "utf-16"}
PARALLEL_MIN_BYTES = 4 << 20  # below this a child's start-up (~0.5 s) is not won back
SEND_BATCH = 200  # items per message: fewer, larger messages cost less to pickle and send

Prepared = PreparedRecord | ParseProblem


def for_parsing(raw: str) -> str:
    """formats.md ground rules before detection and parsing: no BOM and LF line ends (the
    streaming readers of exports get only these two, from their codec); for the page
    readers also plain spaces for no-break and other exotic ones (zero-width ones gone),
    none after a line's text and no indent common to every line.

    A copy or an editor may add either kind, and the page readers' line shapes (`---`
    fences, `Volume 20`, `[MeSH term]` items) are written with plain spaces and end at the
    line's end. Lines of spaces alone stay: a scraper's dump leaves them, and says so by them.
    """
    text = plain_spaces(raw.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
    lines = [line.rstrip(" \t") or line for line in text.split("\n")]
    return "\n".join(_without_common_indent(lines))


def _without_common_indent(lines: list[str]) -> list[str]:
    """An indent every line with text shares carries nothing either (a copy pasted into an
    indented block, a text browser's margin): it goes, and the lines keep their own."""
    indents = {len(line) - len(line.lstrip(" \t")) for line in lines if line.strip()}
    common = min(indents, default=0)
    if not common:
        return lines
    return [line[common:] if line.strip() else line for line in lines]


def read_entries(reader: InputFormat, handle: BinaryIO, encoding: str,
                 origin: str) -> Iterator[ParsedEntry | ParseProblem]:
    """The reader over the handle from its start: streamed when the reader can stream."""
    handle.seek(0)
    if reader.stream is not None:
        # These codecs drop a BOM while parsing (the stored text keeps it); newline=None
        # turns CRLF and CR into LF as it streams.
        stream = io.TextIOWrapper(handle, encoding=PARSE_CODECS.get(encoding, encoding),
                                  newline=None)
        try:
            yield from reader.stream(stream, origin)
        finally:
            stream.detach()  # the caller owns the handle
        return
    text = handle.read().decode(PARSE_CODECS.get(encoding, encoding))
    yield from reader.parse(for_parsing(text), origin)


def _prepared(reader: InputFormat, handle: BinaryIO, encoding: str,
              origin: str) -> Iterator[Prepared]:
    for item in read_entries(reader, handle, encoding, origin):
        yield item if isinstance(item, ParseProblem) else prepare(item)


def _worth_a_child(handle: BinaryIO, size: int) -> bool:
    path = getattr(handle, "name", None)
    return (size >= PARALLEL_MIN_BYTES and isinstance(path, str) and os.path.isfile(path)
            and bool(sys.executable) and _usable_cores() > 1)


def _usable_cores() -> int:
    if hasattr(os, "sched_getaffinity"):  # Linux: the cores this process may run on
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def prepared_items(reader: InputFormat, handle: BinaryIO, encoding: str, origin: str,
                   size: int) -> Iterator[Prepared]:
    """Every entry of the input, prepared, in file order."""
    if not _worth_a_child(handle, size):
        yield from _prepared(reader, handle, encoding, origin)
        return
    yield from _from_child(reader.name, str(handle.name), encoding, origin)


def _child(reader_name: str, path: str, encoding: str, origin: str) -> None:
    """The second process: pickled batches on stdout, then None, or one (kind, text) failure."""
    out = sys.stdout.buffer
    try:
        batch: list[Prepared] = []
        with open(path, "rb") as handle:
            reader = parsers.get(reader_name)
            for item in _prepared(reader, handle, encoding, origin):
                batch.append(item.portable() if isinstance(item, PreparedRecord) else item)
                if len(batch) >= SEND_BATCH:
                    pickle.dump(batch, out, pickle.HIGHEST_PROTOCOL)
                    batch = []
        pickle.dump(batch, out, pickle.HIGHEST_PROTOCOL)
        pickle.dump(None, out)
    except BrokenPipeError:
        return  # the writer has gone (it failed or was killed): nothing left to do
    except OSError as exc:  # the file went away or became unreadable since the survey
        pickle.dump(("input", f"{origin}: cannot read ({exc.strerror}); check the file"), out)
    except BaseException:  # every other failure is a bug: the writer shows the traceback
        pickle.dump(("bug", traceback.format_exc()), out)
    out.flush()


def _from_child(reader_name: str, path: str, encoding: str, origin: str) -> Iterator[Prepared]:
    # A fresh interpreter rather than multiprocessing: a fork would copy the writer's open
    # SQLite connection, and spawn re-imports the caller's __main__, which a script that
    # uses her2kb as a library may not guard.
    command = [sys.executable, "-m", "her2kb.pipeline", reader_name, path, encoding, origin]
    # Our own interpreter and module; the arguments are data, never shell text.
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL,  # noqa: S603
                               stdout=subprocess.PIPE)
    output = process.stdout
    if output is None:
        raise RuntimeError("no pipe from the reading process")
    try:
        while True:
            try:
                # Our own child's output, read back by the process that started it.
                message = pickle.load(output)  # noqa: S301
            except EOFError:
                code = process.wait()
                raise Her2kbError(f"{origin}: the reading process stopped unexpectedly "
                                  f"(exit code {code}); nothing was stored") from None
            if message is None:
                return
            if isinstance(message, tuple):
                kind, text = message
                if kind == "input":
                    raise InputError(text)
                raise RuntimeError(f"the reading process failed:\n{text}")
            yield from message
    finally:
        output.close()
        if process.poll() is None:
            process.kill()
        process.wait()


if __name__ == "__main__":
    _child(*sys.argv[1:5])
