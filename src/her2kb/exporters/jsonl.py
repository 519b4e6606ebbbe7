"""JSON Lines writer: the CSL-JSON items of the csl-json export, one compact item per line.

For streaming tools (`jq -c`, pandas `read_json(lines=True)`, line-wise `grep`). Each line
is exactly what `exporters.csljson.to_csl` gives, keys sorted, UTF-8 kept as is. JSON allows
U+0085, U+2028 and U+2029 raw inside strings, but Python's `str.splitlines()` and some
JavaScript readers break lines there, so they are written as `\\u` escapes: every record
stays on one physical line whatever splitter reads it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..records import StoredRecord
from . import Exporter, check_keys
from .csljson import EXPORTER as CSL_JSON
from .csljson import to_csl

_LINE_BREAKERS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def line(item: StoredRecord) -> str:
    """One item as one line of JSON, without the newline."""
    return json.dumps(to_csl(item), ensure_ascii=False, sort_keys=True).translate(
        _LINE_BREAKERS
    )


def export(items: Sequence[StoredRecord]) -> str:
    """One line per record in the given order; nothing at all for no records."""
    check_keys(items)  # `id` is the citation key, as in the csl-json export
    return "".join(line(item) + "\n" for item in items)


EXPORTER = Exporter(
    name="jsonl",
    description="JSON Lines: one CSL-JSON item per line, for streaming tools",
    suffix=".jsonl",
    export=export,
    carries=CSL_JSON.carries,
    aliases=("json-lines", "ndjson"),
    joiner="",
)
