"""``python -m segmenter`` runs the command line."""

from segmenter.cli import main

main()
