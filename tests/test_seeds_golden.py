"""The five seeds, end to end: ingest through the CLI, export CSL-JSON, compare with the spec.

`tests/golden/seeds_expected.json` is the human extraction from ../shared/spec; every
value in it must come out exactly, through the same commands a user types.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from .conftest import GOLDEN, SEEDS, run

SEED_NAMES = sorted(p.name for p in SEEDS.glob("*.txt"))
SHARED_SPEC = Path(__file__).resolve().parents[2] / "shared" / "spec" / "seeds_expected.json"


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    db = str(tmp_path_factory.mktemp("golden") / "kb.sqlite")
    result = run("--db", db, "ingest", str(SEEDS))
    assert result.exit_code == 0, result.stderr
    items = json.loads(run("--db", db, "export", "--csl-json").stdout)
    by_seed = {}
    for item in items:
        for source in item["custom"]["sources"]:
            by_seed[Path(source["origin"]).name] = item
    return by_seed


def test_golden_copy_matches_shared_spec() -> None:
    if not SHARED_SPEC.exists():
        pytest.skip("../shared is not beside the checkout")
    assert json.loads((GOLDEN / "seeds_expected.json").read_text("utf-8")) == json.loads(
        SHARED_SPEC.read_text("utf-8")
    )


def test_every_seed_is_one_record(exported: dict[str, dict[str, Any]]) -> None:
    assert sorted(exported) == SEED_NAMES
    assert len({item["id"] for item in exported.values()}) == len(SEED_NAMES)


def _date_parts(item: dict[str, Any]) -> list[int]:
    parts: list[int] = item["issued"]["date-parts"][0]
    return parts


# One checker per field of the spec: (expected value, CSL item) -> actual value to compare.
CHECKS: dict[str, Any] = {
    "title": lambda item: item.get("title"),
    "authors": lambda item: [
        {k: a[k] for k in ("family", "given") if k in a} for a in item.get("author", [])
    ],
    "authors_truncated": lambda item: item["custom"].get("authors_truncated", False),
    "journal": lambda item: item.get("container-title"),
    "publisher": lambda item: item.get("publisher"),
    "date": lambda item: "-".join(f"{p:02d}" for p in _date_parts(item)),
    "year": lambda item: _date_parts(item)[0],
    "month": lambda item: _date_parts(item)[1],
    "volume": lambda item: item.get("volume"),
    "issue": lambda item: item.get("issue"),
    "pages": lambda item: item.get("page"),
    "pages_as_printed": lambda item: item["custom"].get("page_as_printed"),
    "doi": lambda item: (item.get("DOI") or "").lower() or None,
    "url": lambda item: item.get("URL"),
    "types": lambda item: item["custom"].get("publication_types", []),
    "type": lambda item: item["custom"].get("original_type"),
    "open_access": lambda item: item["custom"].get("open_access"),
    "top_cited": lambda item: item["custom"].get("top_cited"),
    "keywords": lambda item: item["keyword"].split(", ") if item.get("keyword") else [],
    "references_total_stated": lambda item: item["custom"].get("references_total_stated"),
    "references": lambda item: [
        {"title": r["title"], "journal": r["container-title"], "year": r["year"]}
        for r in item["custom"].get("references", [])
    ],
    "erratum_in": lambda item: item["custom"].get("erratum_in", [None])[0],
    "mesh_terms": lambda item: item["custom"].get("mesh", []),
    "substances": lambda item: item["custom"].get("substances", []),
}
NOT_FIELDS = {"format", "_note", "abstract_starts", "abstract_ends"}


def _cases(spec: dict[str, Any]) -> list[Any]:
    return [
        pytest.param(name, field, id=f"{name[:3]}-{field}")
        for name in SEED_NAMES for field in spec[name] if field not in NOT_FIELDS
    ]


SPEC = json.loads((GOLDEN / "seeds_expected.json").read_text("utf-8"))


@pytest.mark.parametrize(("seed_name", "field"), _cases(SPEC))
def test_field(exported: dict[str, dict[str, Any]], seed_name: str, field: str) -> None:
    want = SPEC[seed_name][field]
    if field == "doi" and want:
        want = want.lower()
    assert CHECKS[field](exported[seed_name]) == want


@pytest.mark.parametrize("seed_name", SEED_NAMES, ids=lambda n: n[:3])
def test_abstract_bounds(exported: dict[str, dict[str, Any]], seed_name: str) -> None:
    spec, item = SPEC[seed_name], exported[seed_name]
    assert item["abstract"].startswith(spec["abstract_starts"])
    assert item["abstract"].endswith(spec["abstract_ends"])


def test_mojibake_never_survives(exported: dict[str, dict[str, Any]]) -> None:
    item = exported[next(n for n in SEED_NAMES if n.startswith("002"))]
    dumped = json.dumps(item, ensure_ascii=False)
    assert "¨C" not in dumped
    assert "20–30%" in item["custom"]["full_text_excerpt"]
    assert "Introduction" not in item["abstract"]


def test_search_resistance(tmp_path: Path) -> None:
    db = str(tmp_path / "kb.sqlite")
    run("--db", db, "ingest", str(SEEDS))
    hits = json.loads(run("--db", db, "search", "resistance", "--json").stdout)
    items = json.loads(run("--db", db, "export", "--csl-json").stdout)
    seed_of = {item["custom"]["record_id"]: Path(item["custom"]["sources"][0]["origin"]).name
               for item in items}
    found = [seed_of[hit["id"]] for hit in hits]
    spec = SPEC["search_resistance"]
    assert sorted(found) == sorted(spec["must_match"])
    assert not set(found) & set(spec["must_not_match"])
    assert sorted(found[: len(spec["title_matches_rank_first"])]) == sorted(
        spec["title_matches_rank_first"]
    )
