"""Shared fixtures: every test gets its own library, and bugs raise instead of hiding."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hypothesis import settings

from her2kb.cli import cli

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
