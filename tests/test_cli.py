"""The user's commands through CliRunner: exit codes, streams, --json shapes, bad input."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .conftest import ROOT, SEEDS, run, seed


def _count(db: str) -> int:
    return len(json.loads(run("--db", db, "list", "--json").stdout))


def test_three_user_commands(tmp_path: Path) -> None:
    db = str(tmp_path / "kb.sqlite")
    ingest = run("--db", db, "ingest", str(SEEDS))
    assert ingest.exit_code == 0, ingest.stderr
    lines = ingest.stdout.splitlines()
    assert lines[0].split("\t") == ["file", "format", "new", "merged", "unchanged", "problems"]
    assert len(lines) == 6
    search = run("--db", db, "search", "resistance")
    assert search.exit_code == 0
    assert len(search.stdout.splitlines()) == 1 + 4  # header and the four matching seeds
    bib = run("--db", db, "export", "--bibtex")
    assert bib.exit_code == 0
    assert bib.stdout.count("@article{") == 5
    assert "nahta2012molecular" in bib.stdout


def test_second_ingest_adds_nothing(tmp_path: Path) -> None:
    db = str(tmp_path / "kb.sqlite")
    run("--db", db, "ingest", str(SEEDS))
    before = run("--db", db, "export", "--csl-json").stdout
    again = run("--db", db, "ingest", str(SEEDS), "--json")
    assert again.exit_code == 0
    report = json.loads(again.stdout)["files"]
    assert all(f["skipped"] and f["new"] == 0 for f in report)
    assert run("--db", db, "export", "--csl-json").stdout == before


def test_same_text_under_another_name_adds_no_record(tmp_path: Path) -> None:
    db = str(tmp_path / "kb.sqlite")
    copy = tmp_path / "copy.txt"
    copy.write_bytes(seed("004").read_bytes() + b"\n")  # other bytes, same record
    run("--db", db, "ingest", str(seed("004")))
    result = run("--db", db, "ingest", str(copy), "--json")
    assert json.loads(result.stdout)["files"][0]["unchanged"] == 1
    assert _count(db) == 1
    shown = json.loads(run("--db", db, "show", "1", "--json").stdout)
    assert [s["origin"] for s in shown["custom"]["sources"]] == [str(seed("004")), str(copy)]


def test_bad_files_beside_a_seed(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "prose.txt").write_text("Just a shopping list: eggs, milk.\n", encoding="utf-8")
    (folder / "seed.txt").write_bytes(seed("002").read_bytes())
    # A PDF's first block need hold no NUL byte; it is named by its first bytes.
    (folder / "paper.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n")
    result = run("ingest", str(folder))
    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    assert f"{folder / 'paper.pdf'}: this is a PDF; save the article's web page or its " \
           "citation (RIS, BibTeX) instead" in errors
    assert any("empty.txt" in e and "empty" in e for e in errors)
    assert any("image.bin" in e and "binary" in e for e in errors)
    assert any("prose.txt" in e and "not a recognised format" in e for e in errors)
    assert "Traceback" not in result.stderr
    assert _count(os.environ["HER2KB_DB"]) == 1


def test_undecodable_bytes_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.enw"
    bad.write_bytes(b"%0 Journal Article\n%T Caf\x81 \x8d\n")  # invalid in UTF-8 and cp1252
    result = run("ingest", str(bad))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{bad}:2: byte 25 is neither UTF-8 nor Windows-1252")


def test_stdin_and_format_override() -> None:
    text = seed("002").read_bytes()
    result = run("ingest", "-", "--format", "endnote", "--json", input=text)
    assert result.exit_code == 0
    report = json.loads(result.stdout)["files"][0]
    assert (report["origin"], report["format"], report["new"]) == ("-", "endnote", 1)


def test_usage_errors_exit_2() -> None:
    assert run("ingest").exit_code == 2
    assert run("export").exit_code == 2
    assert run("ingest", "--format", "nope", "x").exit_code == 2
    assert run("frobnicate").exit_code == 2


def test_missing_file_and_record() -> None:
    missing = run("ingest", "no/such/file.ris")
    assert missing.exit_code == 1
    assert "no/such/file.ris: cannot read" in missing.stderr
    shown = run("show", "nokey2000")
    assert shown.exit_code == 1
    assert "no record with id or key 'nokey2000'" in shown.stderr


@pytest.mark.parametrize("query", ['her2-positive', '"unclosed', "AND", "(((", "*", "x NOT",
                                   "title:", "a OR", 'x"y', "\x00", "url:https", "-"])
def test_search_never_crashes(query: str) -> None:
    run("ingest", str(SEEDS))
    result = run("search", query, "--json")
    assert result.exit_code == 0
    assert isinstance(json.loads(result.stdout), list)


def test_a_not_with_nothing_before_it_is_a_usage_error() -> None:
    run("ingest", str(SEEDS))
    for query in ("NOT review", "resistance OR NOT review"):
        result = run("search", query)
        assert result.exit_code == 2
        assert "NOT needs a term on its left" in result.stderr
    both = run("search", "trastuzumab AND NOT lapatinib", "--json").stdout
    assert both == run("search", "trastuzumab NOT lapatinib", "--json").stdout
    # Seeds 001 and 002 mention lapatinib; the other three mention trastuzumab only.
    assert sorted(h["key"] for h in json.loads(both)) == [
        "biological2001", "chen2003strategies", "trastuzumab2007"]


def test_show_text_and_json() -> None:
    run("ingest", str(SEEDS))
    text = run("show", "nahta2012molecular")
    assert text.exit_code == 0
    assert "ISRN Oncology" in text.stdout and "sources" in text.stdout
    item = json.loads(run("show", "nahta2012molecular", "--json").stdout)
    assert item["citation-key"] == "nahta2012molecular"


def test_export_query_and_output_file(tmp_path: Path) -> None:
    run("ingest", str(SEEDS))
    out = tmp_path / "r.json"
    result = run("export", "--csl-json", "-o", str(out), "title:resistance")
    assert result.exit_code == 0 and result.stdout == ""
    assert len(json.loads(out.read_text("utf-8"))) == 2


def test_python_dash_m_and_no_traceback_for_foreign_db(tmp_path: Path) -> None:
    foreign = tmp_path / "foreign.sqlite"
    import sqlite3

    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE notes (x)")
    conn.close()
    env = {k: v for k, v in os.environ.items() if k != "HER2KB_RAISE_ERRORS"}
    proc = subprocess.run(
        [sys.executable, "-m", "her2kb", "--db", str(foreign), "list"],
        capture_output=True, text=True, env=env, check=False,
    )
    assert proc.returncode == 1
    assert "did not create" in proc.stderr and "Traceback" not in proc.stderr


def test_export_chosen_records_in_the_given_order() -> None:
    run("ingest", str(SEEDS))
    result = run("export", "--csl-json", "--key", "nahta2012molecular", "--id", "1")
    assert result.exit_code == 0
    assert [i["id"] for i in json.loads(result.stdout)] == ["trastuzumab2007",
                                                            "nahta2012molecular"]
    assert run("export", "--csl-json", "--key", "nobody1999").exit_code == 1
    assert run("export", "--csl-json", "--id", "1", "resistance").exit_code == 2
    assert run("export", "--csl-json", "--encoding", "ascii").exit_code == 2
    assert run("export", "--bibtex", "--format", "csl-json").exit_code == 2


def _her2kb(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "HER2KB_RAISE_ERRORS"}
    return subprocess.run([sys.executable, "-m", "her2kb", *args], capture_output=True,
                          text=True, env=env, check=False, **kwargs)  # type: ignore[call-overload]


def test_a_closed_pipe_is_not_an_error(tmp_path: Path) -> None:
    db = str(tmp_path / "kb.sqlite")
    _her2kb("--db", db, "ingest", str(SEEDS))
    env = {k: v for k, v in os.environ.items() if k != "HER2KB_RAISE_ERRORS"}
    proc = subprocess.Popen([sys.executable, "-m", "her2kb", "--db", db, "export", "--csl-json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()  # like `| head -c 10`
    assert "internal error" not in proc.stderr.read().decode()
    proc.wait()


def test_two_writers_at_once_both_go_in(tmp_path: Path) -> None:
    db = str(tmp_path / "kb.sqlite")
    files = []
    for name in ("a", "b"):
        path = tmp_path / f"{name}.enw"
        path.write_text("\n".join(
            f"%0 Journal Article\n%A Writer{name}, A.\n%T Record {name} number {n}\n%D 2001\n"
            for n in range(1500)), encoding="utf-8")
        files.append(path)
    env = {k: v for k, v in os.environ.items() if k != "HER2KB_RAISE_ERRORS"}
    procs = [subprocess.Popen([sys.executable, "-m", "her2kb", "--db", db, "ingest", str(p)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
             for p in files]
    errors = [p.communicate()[1].decode() for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errors
    assert len(json.loads(_her2kb("--db", db, "list", "--json").stdout)) == 3000


def test_read_commands_never_create_a_library(tmp_path: Path) -> None:
    missing = tmp_path / "typo" / "kb.sqlite"
    result = _her2kb("--db", str(missing), "list")
    assert result.returncode == 1
    assert "there is no library at" in result.stderr
    assert not missing.parent.exists()


def test_ingest_skips_the_library_in_the_folder_it_reads(tmp_path: Path) -> None:
    (tmp_path / "seed.txt").write_bytes(seed("004").read_bytes())
    db = tmp_path / "kb.sqlite"
    first = _her2kb("--db", str(db), "ingest", str(tmp_path))
    second = _her2kb("--db", str(db), "ingest", str(tmp_path))
    assert (first.returncode, second.returncode) == (0, 0), second.stderr


def test_export_errors_are_one_line(tmp_path: Path) -> None:
    db = str(tmp_path / "kb.sqlite")
    _her2kb("--db", db, "ingest", str(seed("004")))
    bad = _her2kb("--db", db, "export", "--bibtex", "-o", str(tmp_path / "no" / "x.bib"))
    assert bad.returncode == 1
    assert bad.stderr.strip().splitlines() == [
        f"Error: cannot write {tmp_path / 'no' / 'x.bib'} (No such file or directory); "
        "check the path"]
    both = _her2kb("--db", db, "export", "--bibtex", "--csl-json")
    assert both.returncode == 2 and "give one format" in both.stderr


def test_utf16_text_is_read(tmp_path: Path) -> None:
    text = seed("002").read_text("utf-8")
    path = tmp_path / "wide.enw"
    path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    result = run("ingest", str(path), "--json")
    assert json.loads(result.stdout)["files"][0]["new"] == 1
    item = json.loads(run("show", "nahta2012molecular", "--json").stdout)
    assert item["title"].startswith("Molecular Mechanisms of Trastuzumab")


def test_more_problems_than_are_listed_are_counted(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from her2kb import ingest

    monkeypatch.setattr(ingest, "MAX_NOTES", 2)
    path = tmp_path / "blocks.enw"
    # One good record, then five blocks with no tags: five problems, two listed.
    path.write_text("%0 Journal Article\n%T Kept\n\n" + "\n\n".join(["stray"] * 5) + "\n",
                    encoding="utf-8")
    result = run("ingest", str(path))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert sum("no %-tagged fields" in line for line in lines) == 2
    assert f"{path}: 3 more problems and warnings not listed" in result.stderr


def test_many_records_lacking_fields_are_not_called_problems(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from her2kb import ingest

    monkeypatch.setattr(ingest, "MAX_NOTES", 2)
    path = tmp_path / "bare.enw"
    # Three good records without journal, year or pages: nothing failed.
    path.write_text("\n\n".join(f"%0 Journal Article\n%T Bare title {n}" for n in range(3))
                    + "\n", encoding="utf-8")
    quiet = run("ingest", str(path))
    assert quiet.exit_code == 0
    assert "not listed" not in quiet.stderr
    assert "3 records lack fields a reference needs" in quiet.stderr
    other = tmp_path / "bare2.enw"
    other.write_text(path.read_text("utf-8").replace("Bare title", "Other bare title"),
                     encoding="utf-8")
    verbose = run("ingest", "-v", str(other))
    assert "not listed" not in verbose.stderr
    assert sum(line.startswith("note: ") and "lacks" in line
               for line in verbose.stderr.splitlines()) == 2
    assert f"note: {other}: 1 more records lack fields" in verbose.stderr


def test_a_saved_page_folder_leaves_out_the_pages_own_files(tmp_path: Path) -> None:
    """"Save page, complete" writes Page.html and Page_files/; the folder ingests cleanly."""
    folder = tmp_path / "saved"
    resources = folder / "Scilit page_files"
    resources.mkdir(parents=True)
    (folder / "Scilit page.html").write_bytes(
        (ROOT / "tests/samples/generic/highwire_meta.html").read_bytes())
    (resources / "app.js").write_text("var page = 1;")
    (resources / "saved_resource.html").write_text("<html><body>an ad frame</body></html>")
    (resources / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    (folder / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0\0\0\0\0")
    # A folder named like resources but with no page beside it is read as usual.
    (folder / "notes_files").mkdir()
    (folder / "notes_files" / "seed.txt").write_bytes(seed("004").read_bytes())
    result = run("--db", str(tmp_path / "kb.sqlite"), "ingest", str(folder), "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert [Path(f["origin"]).name for f in report["files"]] == ["Scilit page.html", "seed.txt"]
    assert [f["new"] for f in report["files"]] == [1, 1]
    assert report["left_out"] == [
        f"{resources}: left out, the images and scripts saved with the page Scilit page.html",
        f"{folder / 'Thumbs.db'}: left out, a file the operating system writes"]
    assert result.stderr.splitlines()[:2] == report["left_out"]


def test_a_reader_bug_on_one_file_leaves_that_file_out_and_the_rest_go_in(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from her2kb.parsers import ingenta_page

    def broken(text: str, origin: str) -> Any:
        raise IndexError("list index out of range")
        yield  # a generator, as readers are

    # The registry looks each reader up on its module, so the broken one is used.
    monkeypatch.setattr(ingenta_page, "FORMAT",
                        dataclasses.replace(ingenta_page.FORMAT, parse=broken))
    monkeypatch.delenv("HER2KB_RAISE_ERRORS")
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("001", "002", "004"):
        (folder / f"{name}.txt").write_bytes(seed(name).read_bytes())
    result = run("--db", str(tmp_path / "kb.sqlite"), "ingest", str(folder), "--json")
    assert result.exit_code == 1
    report = {Path(f["origin"]).name: f for f in json.loads(result.stdout)["files"]}
    assert report["001.txt"]["error"] == (
        f"{folder / '001.txt'}: internal error while reading it (IndexError: list index out of "
        "range); nothing of it was stored; rerun with --debug and report it")
    assert (report["002.txt"]["new"], report["004.txt"]["new"]) == (1, 1)
    assert _count(str(tmp_path / "kb.sqlite")) == 2
    assert "Traceback" not in result.stderr
