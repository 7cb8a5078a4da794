"""The README's library example runs as written, against the bundled model."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_readme_library_example_runs(sample_page_text, capsys):
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
    assert blocks, "the README shows the library call"
    namespace = {"page_text": sample_page_text, "texts": [sample_page_text, ""]}
    for code in blocks:
        exec(compile(code.replace("    ...\n", "    pass\n"), str(README), "exec"), namespace)
    printed = capsys.readouterr().out.splitlines()
    assert printed and all(line.split()[0] in {"news", "press_release", "opinion", "boilerplate"} for line in printed)
    assert set(namespace["why"]) >= {"probabilities", "contributions"}
