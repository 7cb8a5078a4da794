"""The ``segmenter`` command line: a thin click layer over the library.

Each command lives in its own module, imported only when the command runs or its help is shown: a
``segment`` run's parent process, which only reads and writes pages while its workers segment them,
never loads scikit-learn.
"""

from __future__ import annotations

import importlib

import click

from segmenter import __version__

#: Each command's name and the module that defines it (a click command of the same name).
COMMANDS = {
    "compose": "segmenter.cli.compose_cmd",
    "evaluate": "segmenter.cli.evaluate_cmd",
    "explain": "segmenter.cli.explain_cmd",
    "export": "segmenter.cli.export_cmd",
    "info": "segmenter.cli.info_cmd",
    "segment": "segmenter.cli.segment_cmd",
    "show": "segmenter.cli.show_cmd",
    "train": "segmenter.cli.train_cmd",
}


class LazyGroup(click.Group):
    """A click group whose commands are imported on first use (click's documented lazy-loading group)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in COMMANDS and name not in self.commands:
            self.add_command(getattr(importlib.import_module(COMMANDS[name]), name))
        return super().get_command(ctx, name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="segmenter")
def main() -> None:
    """Split forum pages into news, press releases, users' opinions and forum chrome.

    Every command reads and writes JSONL by default. Run `segmenter COMMAND --help` for details.
    """
