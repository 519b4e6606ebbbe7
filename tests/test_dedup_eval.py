"""The matcher against labelled sets: our invented cases and the SRA development set."""

from __future__ import annotations

import csv
import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
CASES = Path(__file__).parent / "samples" / "dedup" / "cases.csv"
# CI has ../shared beside the checkout.
SRA = ROOT.parent / "shared" / "dedup" / "sra_respiratory.csv"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dedup_eval", ROOT / "bench" / "dedup_eval.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_invented_cases_are_all_right() -> None:
    result = _bench().evaluate(CASES)
    assert (result.fp, result.fn) == (0, 0), result


@pytest.mark.skipif(not SRA.exists(), reason="../shared is not beside the checkout")
def test_sra_development_set() -> None:
    result = _bench().evaluate(SRA)
    assert result.precision >= 0.995
    assert result.recall >= 0.95
    assert result.false_merge_clusters == 0


def test_eval_script_writes_predictions(tmp_path: Path) -> None:
    out = tmp_path / "predictions.csv"
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "dedup_eval.py"), str(CASES),
                          "--out", str(out), "--curve", "0.9"],
                         capture_output=True, text=True, check=True)
    assert "precision" in run.stdout
    with out.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0].keys() == {"record_id", "predicted_cluster_id", "keep"}
    by_id = {r["record_id"]: r for r in rows}
    assert by_id["m01a"]["predicted_cluster_id"] == by_id["m01b"]["predicted_cluster_id"]
    assert by_id["n01a"]["predicted_cluster_id"] != by_id["n01b"]["predicted_cluster_id"]
    assert sum(int(by_id[r]["keep"]) for r in ("m01a", "m01b")) == 1
