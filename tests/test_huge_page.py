"""A 30 MB page is segmented whole, with memory well under 3 GB."""

import json
import resource
import subprocess
import sys

from handwritten import tiny_pages

PAGE_BYTES = 30_000_000
MEMORY_CAP_KB = 3 * 1024 * 1024  # ru_maxrss is in kB on Linux


def test_a_30_mb_page_is_segmented_in_bounded_memory(tmp_path, tiny_model_path):
    unit = "\n\n".join(page.text for page in tiny_pages())
    page = tmp_path / "huge.txt"
    page.write_text("\n\n".join([unit] * (PAGE_BYTES // len(unit) + 1)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "segmenter", "segment", str(page), "-m", str(tiny_model_path), "-o", str(out)]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    (line,) = out.read_text(encoding="utf-8").splitlines()
    segments = json.loads(line)["segments"]
    assert segments[0]["start"] == 0
    assert segments[-1]["end"] == len(page.read_text(encoding="utf-8").rstrip())
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss < MEMORY_CAP_KB
