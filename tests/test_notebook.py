"""The walkthrough notebook runs from top to bottom on its tiny built-in sample (no shared data needed)."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "segmenter_walkthrough.ipynb"
_IMPORT = re.compile(r"^\s*(?:from\s+(\S+)\s+import|import\s+(\S+))", re.MULTILINE)
_ALLOWED_IMPORTS = {"os", "random", "collections", "pathlib", "matplotlib", "numpy", "segmenter"}


def _code_cells(notebook) -> list:
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


def test_notebook_is_saved_without_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    assert all(not cell.outputs and cell.execution_count is None for cell in _code_cells(notebook))


def test_notebook_imports_only_the_library_and_plotting_tools():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    modules = {(a or b).split(".")[0] for cell in _code_cells(notebook) for a, b in _IMPORT.findall(cell.source)}
    assert "segmenter" in modules
    assert modules <= _ALLOWED_IMPORTS


def test_notebook_runs_on_the_tiny_sample(monkeypatch, tmp_path):
    monkeypatch.setenv("SEGMENTER_NOTEBOOK_SAMPLE", "tiny")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(notebook, timeout=900, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()

    outputs = [output for cell in _code_cells(notebook) for output in cell.outputs]
    assert not [output for output in outputs if output.output_type == "error"]
    printed = "".join(output.get("text", "") for output in outputs if output.output_type == "stream")
    assert "mode: tiny" in printed
    for label in ("news", "press_release", "opinion", "boilerplate"):
        assert label in printed
    figures = [output for output in outputs if "image/png" in output.get("data", {})]
    assert len(figures) >= 5  # confusion, precision/recall, learning curve, ablation, weights
