"""Shared fixtures: every test gets its own library, and bugs raise instead of hiding."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hypothesis import settings

from her2kb.cli import cli
from her2kb.normalize import normalize
from her2kb.parsers import InputFormat, ParsedEntry, ParseProblem

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "seeds"
GOLDEN = Path(__file__).parent / "golden"

settings.register_profile("ci", derandomize=True, max_examples=200, deadline=None)
settings.load_profile("ci")


@pytest.fixture(autouse=True)
def _isolated_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = tmp_path / "library.sqlite"
    monkeypatch.setenv("HER2KB_DB", str(db))
    monkeypatch.setenv("HER2KB_RAISE_ERRORS", "1")
    return db


@pytest.fixture(scope="session")
def expected() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((GOLDEN / "seeds_expected.json").read_text("utf-8"))
    return data


def run(*args: str, input: bytes | str | None = None) -> Result:
    """Invoke the CLI in-process; stdout and stderr stay apart."""
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def seed(name_prefix: str) -> Path:
    return next(SEEDS.glob(f"{name_prefix}_*.txt"))


def read_sample(fmt: InputFormat, path: Path) -> list[ParsedEntry | ParseProblem]:
    """Everything a reader yields for one sample file."""
    return list(fmt.parse(path.read_text("utf-8"), path.name))


def sample_records(fmt: InputFormat, path: Path) -> list[dict[str, Any]]:
    """Normalised records as CSL-keyed dicts, defaults left out; any problem fails the test."""
    items = read_sample(fmt, path)
    assert all(isinstance(item, ParsedEntry) for item in items), items
    return [normalize(item.record).model_dump(exclude_defaults=True) for item in items
            if isinstance(item, ParsedEntry)]
