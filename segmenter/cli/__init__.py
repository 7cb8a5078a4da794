"""The ``segmenter`` command line: a thin click layer over the library.

Each command lives in its own module and is registered here.
"""

import click

from segmenter import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="segmenter")
def main() -> None:
    """Split forum pages into news, press releases, users' opinions and forum chrome.

    Every command reads and writes JSONL by default. Run `segmenter COMMAND --help` for details.
    """


def _register() -> None:
    from segmenter.cli.compose_cmd import compose
    from segmenter.cli.evaluate_cmd import evaluate
    from segmenter.cli.explain_cmd import explain
    from segmenter.cli.export_cmd import export
    from segmenter.cli.info_cmd import info
    from segmenter.cli.segment_cmd import segment
    from segmenter.cli.show_cmd import show
    from segmenter.cli.train_cmd import train

    for command in (train, evaluate, show, explain, info, export, segment, compose):
        main.add_command(command)


_register()
