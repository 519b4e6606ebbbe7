"""Page readers against reviewed golden outputs (issue 4 items 1-3, 6, 7).

Every invented sample under `tests/samples/{pubmed,scilit,ingenta}/` and
`tests/samples/truncated/<format>/` has a golden file at the same relative path under
`tests/golden/pages/`, with `.json` for `.txt` (or `.html`). A golden holds the reader's name, the
whole normalised record (CSL field names in snake case, defaults left out) and the exact
warnings. Goldens were written from the samples and reviewed field by field; a change in
any value fails here. Samples in `truncated/` stop mid-page (or start below the head):
the field the text stops inside must be empty and named in a warning, never a fragment
(an abstract keeps the whole sentences before the cut).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from her2kb import parsers
from her2kb.errors import FormatError
from her2kb.normalize import normalize
from her2kb.parsers import ParsedEntry

from .page_golden import FURNITURE, strings

TESTS = Path(__file__).parent
SAMPLES = TESTS / "samples"
GOLDEN = TESTS / "golden" / "pages"
PAGE_SUFFIXES = (".txt", ".html")  # page text, or a page saved as HTML


def _sample_of(golden: Path) -> Path:
    relative = golden.relative_to(GOLDEN)
    return next((relative.with_suffix(suffix) for suffix in PAGE_SUFFIXES
                 if (SAMPLES / relative.with_suffix(suffix)).exists()), relative)


CASES = sorted(_sample_of(p) for p in GOLDEN.rglob("*.json"))


def _read(relative: Path) -> tuple[dict[str, Any], list[str]]:
    golden = _golden(relative)
    text = (SAMPLES / relative).read_text("utf-8")
    (entry,) = parsers.get(golden["format"]).parse(text, relative.name)
    assert isinstance(entry, ParsedEntry), entry
    record = normalize(entry.record).model_dump(mode="json", by_alias=False,
                                                exclude_defaults=True)
    return record, list(entry.warnings)


def _golden(relative: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((GOLDEN / relative.with_suffix(".json")).read_text("utf-8"))
    return data




def test_every_page_sample_has_a_golden() -> None:
    samples = {p.relative_to(SAMPLES) for d in ("pubmed", "scilit", "ingenta", "truncated")
               for suffix in PAGE_SUFFIXES for p in (SAMPLES / d).rglob(f"*{suffix}")}
    covered = set(CASES)
    assert len(covered) >= 30
    assert covered == samples


@pytest.mark.parametrize("relative", CASES, ids=str)
def test_record_matches_golden(relative: Path) -> None:
    record, warnings = _read(relative)
    golden = _golden(relative)
    assert record == golden["record"]
    assert warnings == golden["warnings"]


@pytest.mark.parametrize("relative", CASES, ids=str)
def test_no_furniture_in_any_field(relative: Path) -> None:
    record, _ = _read(relative)
    for value in strings(record):
        assert not any(word in value + "\n" for word in FURNITURE), value


@pytest.mark.parametrize("relative", CASES, ids=str)
def test_detected_as_its_own_reader(relative: Path) -> None:
    """Whole pages go to their reader; a cut page may also be claimed by nobody (or the
    generic fallback), but never by another site's reader."""
    text = (SAMPLES / relative).read_text("utf-8")
    wanted = _golden(relative)["format"]
    try:
        name = parsers.detect(text, relative.name).name
    except FormatError:
        name = None
    unclaimed = relative.parts[0] == "truncated"
    allowed = {wanted, None, "generic"} if unclaimed else {wanted}
    assert name in allowed


@pytest.mark.parametrize("relative", [c for c in CASES if c.parts[0] == "truncated"], ids=str)
def test_cut_fields_are_named_in_warnings(relative: Path) -> None:
    _, warnings = _read(relative)
    assert any("the text ends" in w or "title: missing" in w for w in warnings)
