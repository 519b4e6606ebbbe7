"""The README and --help keep up with the code: commands, formats, examples."""

from __future__ import annotations

import click

from her2kb import exporters, parsers
from her2kb.cli import cli

from .conftest import ROOT

README = (ROOT / "README.md").read_text("utf-8")


def test_readme_opens_with_the_two_setup_commands() -> None:
    block = README.split("```sh\n", 1)[1].split("```", 1)[0].strip().splitlines()
    assert block == ["pip install . && her2kb ingest data/seeds/",
                     "pip install -e '.[test]' && python -m pytest -q"]


def test_every_command_has_an_example_and_a_readme_row() -> None:
    for name, command in cli.commands.items():
        assert command.help and "Example:" in command.help, name
        assert f"her2kb {name}" in README, name


def test_every_reader_and_writer_is_in_the_readme() -> None:
    for fmt in parsers.formats():
        assert f"| `{fmt.name}`" in README, fmt.name
    for exporter in exporters.exporters():
        assert f"`--{exporter.name}`" in README, exporter.name


def test_every_exporter_has_a_flag() -> None:
    export = cli.commands["export"]
    flags = {opt for param in export.params if isinstance(param, click.Option)
             for opt in param.opts}
    assert {f"--{name}" for name in exporters.names()} <= flags
