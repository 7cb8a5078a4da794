"""Peak memory and time of segmenting one huge page (30 MB by default) with the `segment` command.

    python benchmarks/huge_page.py [--mb 30] [--model M]

The page repeats the project's example thread until it reaches the size. Prints seconds, peak RSS of the
child process, and the number of segments written.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=30.0, help="page size in MB")
    parser.add_argument("--model", help="model file (default: the bundled model)")
    args = parser.parse_args()
    unit = (ROOT / "examples" / "forum-thread.txt").read_text(encoding="utf-8")
    copies = int(args.mb * 1e6 / len(unit.encode("utf-8"))) + 1
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "huge.txt"
        page.write_text("\n\n".join([unit] * copies), encoding="utf-8")
        out = Path(folder) / "out.jsonl"
        command = [sys.executable, "-m", "segmenter", "segment", str(page), "-o", str(out), "--quiet"]
        if args.model:
            command += ["--model", args.model]
        started = time.perf_counter()
        subprocess.run(command, check=True)
        seconds = time.perf_counter() - started
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        size_mb = page.stat().st_size / 1e6
        segments = out.read_text(encoding="utf-8").count('"label"')
    print(f"page {size_mb:.1f} MB: {seconds:.1f} s, peak RSS {peak_mb:.0f} MB, {segments} segments")


if __name__ == "__main__":
    main()
