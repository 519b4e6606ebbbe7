"""The page accuracy scorer (bench/page_accuracy.py): what it forgives and what it counts."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("page_accuracy",
                                                  ROOT / "bench" / "page_accuracy.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["page_accuracy"] = module
    spec.loader.exec_module(module)
    return module


ITEM = {"title": "An invented title", "container-title": "JAMA Oncology",
        "container-title-short": "JAMA Oncol", "page": "125-135",
        "author": [{"family": "Doe", "given": "Jane A"}],
        "abstract": "Background: We invented it.",
        "custom": {"page_as_printed": "125-35", "mesh": [
            {"descriptor": "Breast Neoplasms", "qualifier": "drug therapy", "major": True},
            {"descriptor": "Breast Neoplasms", "qualifier": "metabolism", "major": False}]}}


@pytest.mark.parametrize(("field", "want", "right"), [
    ("title", "An Invented Title.", True),
    ("title", "Another title", False),
    ("journal", "JAMA Oncol.", True),
    ("journal", "JAMA", False),
    ("pages", "125-35", True),
    ("pages", "125-136", False),
    ("authors", ["Doe, J"], True),
    ("authors", ["Doe, J", "Roe, R"], False),
    ("mesh", ["Breast Neoplasms"], True),
    ("abstract_start", "Background We invented", True),
    ("doi", None, True),
    ("volume", "3", False),
])
def test_field_right(scorer: ModuleType, field: str, want: object, right: bool) -> None:
    assert scorer.field_right(field, want, ITEM) is right


def test_the_kept_round_reads_right(scorer: ModuleType) -> None:
    """bench/pages/Q through ingest and export, as a user would; every field as written."""
    right, total = scorer.score_round(ROOT / "bench" / "pages" / "Q", verbose=False)
    assert total == 42 and right == total


@pytest.mark.parametrize(("truth", "item", "right"), [
    ({"volume": "37 Suppl 1", "issue": None}, {"volume": "37", "issue": "Suppl 1"}, True),
    ({"volume": "37", "issue": "Suppl 1"}, {"volume": "37 Suppl 1"}, True),
    ({"volume": "37 Suppl 1", "issue": None}, {"volume": "37", "issue": "Suppl 2"}, False),
    ({"volume": "37", "issue": "1"}, {"volume": "37 1"}, False),  # only supplements
])
def test_a_supplement_in_the_volume_slot_may_be_split(scorer: ModuleType, truth: dict[str, str],
                                                        item: dict[str, str], right: bool) -> None:
    assert scorer.supplement_split(truth, item) is right


def test_copy_variants_rewrite_text_pages_and_only_bytes_of_markup(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("page_variants",
                                                  ROOT / "bench" / "page_variants.py")
    assert spec and spec.loader
    variants = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(variants)
    round_dir = tmp_path / "R1"
    (round_dir / "pages").mkdir(parents=True)
    (round_dir / "truth").mkdir()
    (round_dir / "pages" / "a.txt").write_text("Title here\n\nAbstract\n", "utf-8")
    (round_dir / "pages" / "b.html").write_text("<html><p>Title here</p></html>\n", "utf-8")
    (round_dir / "pages" / "c.txt").write_text("Résumé — ελληνικά\n", "utf-8")
    nbsp = variants.write_variant(round_dir, "nbsp", tmp_path / "out") / "pages"
    assert (nbsp / "a.txt").read_text("utf-8") == "Title\u00a0here\n\nAbstract\n"
    assert (nbsp / "b.html").read_text("utf-8") == "<html><p>Title here</p></html>\n"
    quoted = variants.write_variant(round_dir, "mail-quoted", tmp_path / "out") / "pages"
    assert (quoted / "a.txt").read_text("utf-8") == "> Title here\n> \n> Abstract\n"
    ansi = variants.write_variant(round_dir, "cp1252", tmp_path / "out") / "pages"
    assert (ansi / "b.html").read_bytes() == b"<html><p>Title here</p></html>\n"
    assert (ansi / "c.txt").read_text("utf-8") == "Résumé — ελληνικά\n"  # no ANSI for Greek
    assert (variants.write_variant(round_dir, "utf-16", tmp_path / "out") / "pages" / "b.html"
            ).read_bytes().startswith(b"\xff\xfe<\x00")
