"""The files an ingest reads: paths as given, folders walked, a saved page's own resources left out.

A browser's "save page, complete" writes `Title.html` and beside it a `Title_files` folder
of scripts, style sheets, images and ad frames. None of those is a reference, and reading
them would fail the ingest of every folder of saved pages, so a folder named like that
beside a page of the same name is left out, and said so. Operating-system litter
(`Thumbs.db`, `desktop.ini`) is left out the same way. Anything else is read and, if it
is not a reference file, reported as a problem.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

# Suffixes of the resource folder, as browsers name it in English and in other languages.
RESOURCE_FOLDER_SUFFIXES = ("_files", ".files", "-Dateien", "_fichiers", "_archivos",
                            "_arquivos", "_file", "_bestanden", "_pliki", "_filer", "-filer",
                            "_tiedostot", "_soubory")
PAGE_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
SYSTEM_FILES = frozenset({"thumbs.db", "ehthumbs.db", "desktop.ini"})


@dataclass
class Inputs:
    files: list[str] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)  # one line each: what, and why


def _page_owning(folder: Path, page_stems: dict[str, Path]) -> Path | None:
    """The saved page whose resources `folder` holds, if one sits beside it."""
    for suffix in RESOURCE_FOLDER_SUFFIXES:
        if folder.name.casefold().endswith(suffix.casefold()):
            page = page_stems.get(folder.name[: -len(suffix)].casefold())
            if page is not None:
                return page
    return None


def _walk(folder: Path, found: Inputs, seen: set[Path]) -> None:
    real = folder.resolve()
    if real in seen:  # a symlink loop
        return
    seen.add(real)
    children = sorted(folder.iterdir())
    page_stems = {child.stem.casefold(): child for child in children
                  if child.suffix.lower() in PAGE_SUFFIXES and child.is_file()}
    for child in children:
        if child.name.startswith("."):
            continue
        if child.is_dir():
            page = _page_owning(child, page_stems)
            if page is None:
                _walk(child, found, seen)
            else:
                found.left_out.append(f"{child}: left out, the images and scripts saved "
                                      f"with the page {page.name}")
        elif child.name.casefold() in SYSTEM_FILES:
            found.left_out.append(f"{child}: left out, a file the operating system writes")
        elif child.is_file():
            found.files.append(str(child))


def gather_inputs(paths: list[str]) -> Inputs:
    """Files as given; folders walked recursively in name order, hidden files skipped."""
    found = Inputs()
    for given in paths:
        path = Path(given)
        if given != "-" and path.is_dir():
            _walk(path, found, set())
        else:
            found.files.append(given)
    return found
