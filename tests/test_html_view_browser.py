"""The HTML view in a real headless Chromium: the DOM it builds, and its label filter's script.

Skipped where Debian's ``chromium`` package is not installed (``apt-get install chromium``).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from segmenter.segments import Segment
from segmenter.views.html_page import render_html

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Chromium at /usr/bin/chromium")

#: Offline and quiet: no sandbox (containers), no GPU, and nothing that phones home.
HEADLESS_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)

TEXT = (
    "Forum index > Harbour news\n"
    "\n"
    "TIDEPORT -- Crews reopened the swing bridge on Tuesday, the city said.\n"
    "THE CITY COUNCIL -- For immediate release: the bridge is open to all traffic.\n"
    'Finally! <img src=x onerror="document.title=1"> & about time.\n'
)
LABELS = ["boilerplate", "news", "press_release", "opinion"]


def _segments() -> list[Segment]:
    segments, position = [], 0
    lines = [line for line in TEXT.split("\n") if line]
    for label, line in zip(LABELS, lines, strict=True):
        start = TEXT.index(line, position)
        position = start + len(line)
        segments.append(Segment(start, position, label, 0.75, line))
    return segments


def _dump_dom(url: str, profile: Path) -> LexborHTMLParser:
    command = [str(CHROMIUM), *HEADLESS_FLAGS, f"--user-data-dir={profile}", "--dump-dom", url]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return LexborHTMLParser(result.stdout)


@pytest.fixture(scope="module")
def view_url(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("view") / "view.html"
    path.write_text(render_html("harbour <thread>", TEXT, _segments()), encoding="utf-8")
    return path.as_uri()


def test_chromium_renders_every_segment_with_its_label(view_url, tmp_path):
    dom = _dump_dom(view_url, tmp_path / "profile")
    segments = dom.css("#page span.seg")
    assert [node.attributes["data-label"] for node in segments] == LABELS
    assert [node.text() for node in segments] == [s.text for s in _segments()]
    titles = [node.attributes["title"] for node in segments]
    assert titles[1] == f"news · score 0.75 · characters {_segments()[1].start}–{_segments()[1].end}"
    assert dom.css("img") == []  # the page's markup-like text stayed text
    assert dom.css_first("title").text() == "harbour <thread> · segmenter"
    assert dom.body.attributes["data-only"] == ""
    assert dom.css_first('button[data-show=""]').attributes["aria-pressed"] == "true"


def test_the_filter_script_runs_and_shows_one_label(view_url, tmp_path):
    dom = _dump_dom(view_url + "#only=news", tmp_path / "profile")
    assert dom.body.attributes["data-only"] == "news"
    pressed = {node.attributes["data-show"]: node.attributes["aria-pressed"] for node in dom.css("[data-show]")}
    assert pressed == {"": "false", "news": "true", "press_release": "false", "opinion": "false",
                       "boilerplate": "false"}


def test_an_unknown_label_in_the_address_shows_all(view_url, tmp_path):
    dom = _dump_dom(view_url + "#only=gossip", tmp_path / "profile")
    assert dom.body.attributes["data-only"] == ""
