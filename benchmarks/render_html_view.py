"""Render a page's HTML view and photograph it in headless Chromium, so that a person can look at it.

    python benchmarks/render_html_view.py                       # the seed page, the bundled model
    python benchmarks/render_html_view.py PAGE --model M.npz --only news --size 1280,2000

Segments PAGE (default: ``../shared/seed/forum-page.txt`` next to the repository), writes the standalone
view to ``benchmarks/out/<name>.html`` and a screenshot of it to ``benchmarks/out/<name>.png`` (with
``--only LABEL``, of the view filtered to that label, ``<name>.<label>.png``). Prints the time taken
to segment, to render, and to screenshot. Needs Debian's ``chromium`` package
(``apt-get install chromium``); the browser runs offline with a throw-away profile.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from segmenter.segmenter import Segmenter
from segmenter.views.html_page import render_html
from segmenter.views.page_input import read_page

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "forum-page.txt"
OUT = REPO / "benchmarks" / "out"
CHROMIUM = "/usr/bin/chromium"
#: Offline and quiet: no sandbox (containers), no GPU, and nothing that phones home.
HEADLESS_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars",
)


def screenshot(url: str, png: Path, size: str, chromium: str = CHROMIUM) -> None:
    """Have headless Chromium photograph ``url`` into ``png`` at window ``size`` (``"W,H"``)."""
    with tempfile.TemporaryDirectory(prefix="segmenter-chromium-") as profile:
        command = [chromium, *HEADLESS_FLAGS, f"--user-data-dir={profile}", f"--screenshot={png}",
                   f"--window-size={size}", url]
        result = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    if result.returncode != 0 or not png.exists():
        sys.exit(f"chromium failed ({result.returncode}): {result.stderr.strip()[-500:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("page", nargs="?", default=str(SEED), help="page to view (default: the seed page)")
    parser.add_argument("--model", help="model file (default: the bundled model)")
    parser.add_argument("--out", type=Path, default=OUT, help="output folder (default: benchmarks/out)")
    parser.add_argument("--size", default="1280,1800", help="browser window W,H (default: 1280,1800)")
    parser.add_argument("--only", help="also photograph the view filtered to this label")
    parser.add_argument("--chromium", default=CHROMIUM, help=f"browser binary (default: {CHROMIUM})")
    args = parser.parse_args()

    if not Path(args.chromium).exists():
        sys.exit(f"{args.chromium} not found: apt-get install chromium")
    page = read_page(args.page)
    started = time.perf_counter()
    segmenter = Segmenter.load(args.model)
    loaded = time.perf_counter()
    segments = segmenter.segment(page.text) if page.blocks is None else segmenter.segment_blocks(page.text, page.blocks)
    segmented = time.perf_counter()
    html = render_html(Path(args.page).name, page.text, segments)
    rendered = time.perf_counter()

    args.out.mkdir(parents=True, exist_ok=True)
    name = Path(args.page).stem
    html_path = args.out / f"{name}.html"
    html_path.write_text(html, encoding="utf-8")
    shots = [(html_path.as_uri(), args.out / f"{name}.png")]
    if args.only:
        shots.append((f"{html_path.as_uri()}#only={args.only}", args.out / f"{name}.{args.only}.png"))
    for url, png in shots:
        png.unlink(missing_ok=True)
        screenshot(url, png, args.size, args.chromium)
    shot = time.perf_counter()

    print(f"page      {args.page}: {len(page.text):,} characters, {len(segments)} segments")
    print(f"labels    {' '.join(s.label for s in segments)}")
    print(f"load      {loaded - started:8.3f} s")
    print(f"segment   {segmented - loaded:8.3f} s")
    print(f"render    {rendered - segmented:8.3f} s  ({len(html):,} bytes of HTML)")
    print(f"shoot     {shot - rendered:8.3f} s  ({len(shots)} screenshot{'s' * (len(shots) > 1)})")
    for _, png in shots:
        print(f"wrote     {png}")
    print(f"wrote     {html_path}")


if __name__ == "__main__":
    main()
