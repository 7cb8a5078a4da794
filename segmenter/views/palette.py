"""One colour per label, for the terminal (click colour names) and for HTML (CSS colours)."""

from typing import Final

#: click colour name of each label's text in the terminal.
TERMINAL_COLOURS: Final = {"news": "cyan", "press_release": "yellow", "opinion": "green", "boilerplate": "bright_black"}
#: CSS colours of each label: ``(highlight background, strong accent)``.
HTML_COLOURS: Final = {
    "news": ("#d3e3fd", "#1d4ed8"),
    "press_release": ("#fef3c7", "#b45309"),
    "opinion": ("#dcfce7", "#15803d"),
    "boilerplate": ("#ececec", "#6b7280"),
}
