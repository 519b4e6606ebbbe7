"""JSON Lines export: one schema-valid CSL item per line, the same items as csl-json."""

from __future__ import annotations

import json

import pytest

from her2kb import exporters
from her2kb.errors import ExportError
from her2kb.exporters import csljson, jsonl
from her2kb.records import DateParts, Name, Record, StoredRecord

from .test_export_csljson import all_items


def test_each_line_is_a_valid_csl_item() -> None:
    text = jsonl.export(all_items())
    assert text.endswith("\n") and "\r" not in text
    lines = text.split("\n")[:-1]
    assert len(lines) == len(all_items())
    for line in lines:
        assert line == line.strip() and not line.startswith("[")
        assert csljson.validate([json.loads(line)]) == []


def test_same_items_as_the_csl_json_export() -> None:
    lines = jsonl.export(all_items()).splitlines()
    assert [json.loads(line) for line in lines] == json.loads(csljson.export(all_items()))


def test_sorted_keys_compact_utf8() -> None:
    (line,) = jsonl.export(all_items()[-1:]).splitlines()
    assert line == json.dumps(json.loads(line), ensure_ascii=False, sort_keys=True)
    assert "Zürich" in line and "万征" in line


def test_unicode_line_separators_cannot_split_a_record() -> None:
    title = "A\u2028B\u2029C\x85D\nE"
    item = StoredRecord(id=1, key="k", record=Record(
        title=title, author=[Name(family="Doe")], issued=DateParts(date_parts=[[2001]])))
    text = jsonl.export([item])
    assert len(text.splitlines()) == 1  # str.splitlines breaks at U+2028, U+2029, U+0085
    assert json.loads(text)["title"] == title


def test_empty_and_duplicate_keys() -> None:
    assert jsonl.export([]) == ""
    item = all_items()[0]
    with pytest.raises(ExportError, match="share the citation key"):
        jsonl.export([item, item.model_copy(update={"id": 99})])


def test_registered_under_its_aliases() -> None:
    for name in ("jsonl", "json-lines", "ndjson", "JSONL"):
        assert exporters.get(name) is jsonl.EXPORTER
    assert jsonl.EXPORTER.suffix == ".jsonl"
    assert jsonl.EXPORTER.carries == csljson.EXPORTER.carries
